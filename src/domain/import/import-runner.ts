// Imports a whole file or nothing: every row is checked (values, then the file's own keys,
// then what the rows point at in the database) before one transaction writes new rows and
// corrected figures. Re-importing the same file changes nothing.
import { forgetUnderstanding } from '../understanding/sources.ts';
import type pg from 'pg';
import { normalizeRegionText, stripRegionPrefix } from '../regions/region-names.ts';
import { importKinds, type ImportKind, type ImportKindName, type Reference } from './import-kinds.ts';
import type { ImportIssue } from './import-issues.ts';
import { todayInJakarta } from '../calendar.ts';
import { readImportRecords, type FileFormat, type SourceRecord } from './import-records.ts';

const MAX_ISSUES = 500;
const MAX_CHANGES = 200;
const BATCH = 5_000;

export interface RowChange {
  line: number;
  key: string;
  changes: { column: string; from: string | null; to: string | null }[];
}

export interface ImportProgress {
  phase: 'reading' | 'checking' | 'writing';
  done: number;
  total: number;
}

export interface ImportOptions {
  format: FileFormat;
  dryRun?: boolean;
  /** YYYY-MM-DD in Asia/Jakarta; figures dated after it are refused. */
  today?: string;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * Who writes: an official's file (the default) or the seed. The seed adds missing rows and
   * changes only rows that the seed itself last wrote, never an official's.
   */
  origin?: RowOrigin;
}

export type RowOrigin = 'seed' | 'official';

interface Outcome {
  kind: ImportKindName;
  rows: number;
}

export interface ImportSuccess extends Outcome {
  ok: true;
  dryRun: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Seed rows that differ from a row an official wrote, left as the official wrote it. */
  keptOfficial: number;
  /** The first corrected rows, with what changed. */
  changes: RowChange[];
}

export interface ImportRejection extends Outcome {
  ok: false;
  /** The first MAX_ISSUES problems, in file order. */
  issues: ImportIssue[];
  issueCount: number;
}

export type ImportResult = ImportSuccess | ImportRejection;

interface ParsedRow {
  line: number;
  db: (string | null)[];
  references: Reference[];
  /** Failed its own checks: kept only to check its references. */
  invalid?: boolean;
}

/** Checks each record as it is read and keeps only what the database needs of it. */
function rowParser(kind: ImportKind, issues: ImportIssue[]) {
  const rows: ParsedRow[] = [];
  const firstLineOfKey = new Map<string, number>();
  const add = ({ line, values }: SourceRecord, columnNumbers: ReadonlyMap<string, number>) => {
    // Columns the file leaves out are empty: the schema then says which were required.
    const result = kind.schema.safeParse(Object.fromEntries(kind.columns.map((c) => [c, values[c] ?? null])));
    if (!result.success) {
      const failed = new Set(result.error.issues.map((i) => String(i.path[0] ?? '')));
      // What the row points at is still checked, so that one pass reports every problem.
      const raw = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' ? v.trim() || null : v]));
      const references = kind.references(raw).filter((ref) => ref.value && !failed.has(ref.column));
      if (references.length) rows.push({ line, db: [], references, invalid: true });
      for (const issue of result.error.issues) {
        const column = String(issue.path[0] ?? '');
        issues.push({
          line,
          column,
          ...(columnNumbers.has(column) ? { columnNumber: columnNumbers.get(column) } : {}),
          code: issue.code === 'custom' ? issue.message : 'invalid',
          params: ((issue as { params?: ImportIssue['params'] }).params ?? {}) as ImportIssue['params'],
        });
      }
      return;
    }
    const db = kind.toDb(result.data);
    const key = JSON.stringify(db.slice(0, kind.keyColumnCount));
    const first = firstLineOfKey.get(key);
    if (first !== undefined) {
      issues.push({
        line,
        column: kind.keyColumn,
        ...(columnNumbers.has(kind.keyColumn) ? { columnNumber: columnNumbers.get(kind.keyColumn) } : {}),
        code: 'duplicate_key',
        params: { firstLine: first },
      });
      return;
    }
    firstLineOfKey.set(key, line);
    rows.push({ line, db, references: kind.references(result.data) });
  };
  return { rows, add };
}

const REGION_REFERENCE = `SELECT code AS key, name, "searchName" AS search, level::text,
    ARRAY(SELECT alias FROM "RegionAlias" a WHERE a."regionCode" = r.code) AS aliases
  FROM "Region" r WHERE code = ANY($1::text[])`;

const REFERENCE_QUERIES: Record<Reference['to'], string> = {
  region: REGION_REFERENCE,
  province: REGION_REFERENCE,
  ceremony: 'SELECT id AS key FROM "AwardCeremony" WHERE id = ANY($1::text[])',
  company: 'SELECT npp AS key FROM "Company" WHERE npp = ANY($1::text[])',
};

interface FoundReference {
  name: string;
  search: string;
  level: string;
  aliases?: string[];
}

/** "Kota Padang Panjang", "Padang Panjang", "Pemkot Padang Panjang" or an alias such as "Sumsel". */
function nameMatches(given: string, region: FoundReference): boolean {
  const typed = normalizeRegionText(given);
  return (
    typed === normalizeRegionText(region.name) ||
    typed === region.search ||
    stripRegionPrefix(given).name === region.search ||
    !!region.aliases?.includes(typed)
  );
}

async function checkReferences(
  db: pg.ClientBase,
  rows: ParsedRow[],
  columnNumbers: Map<string, number>,
  issues: ImportIssue[],
): Promise<void> {
  const wanted = new Map<Reference['to'], Set<string>>();
  for (const row of rows)
    for (const ref of row.references) (wanted.get(ref.to) ?? wanted.set(ref.to, new Set()).get(ref.to)!).add(ref.value);
  const found = new Map<string, FoundReference>();
  for (const [to, values] of wanted) {
    const { rows: hits } = await db.query<FoundReference & { key: string }>(REFERENCE_QUERIES[to], [[...values]]);
    for (const hit of hits) found.set(`${to}:${hit.key}`, hit);
  }
  for (const row of rows) {
    for (const ref of row.references) {
      const at = {
        line: row.line,
        column: ref.column,
        ...(columnNumbers.has(ref.column) ? { columnNumber: columnNumbers.get(ref.column) } : {}),
      };
      const hit = found.get(`${ref.to}:${ref.value}`);
      if (!hit) issues.push({ ...at, code: `unknown_${ref.to}`, params: { value: ref.value } });
      else if (ref.to === 'province' && hit.level !== 'province')
        issues.push({ ...at, code: 'not_a_province', params: { value: ref.value, name: hit.name } });
      else if (ref.expectName && !nameMatches(ref.expectName, hit)) {
        const nameColumn = 'region_name';
        issues.push({
          line: row.line,
          column: nameColumn,
          ...(columnNumbers.has(nameColumn) ? { columnNumber: columnNumbers.get(nameColumn) } : {}),
          code: 'region_name_mismatch',
          params: { value: ref.expectName, code: ref.value, expected: hit.name },
        });
      }
    }
  }
}

const q = (name: string) => `"${name}"`;
/** Changes are reported with the file's column names: activeParticipants → active_participants. */
const snakeCase = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Writes new rows and changed ones; returns what changed, batch by batch. */
async function applyRows(
  db: pg.ClientBase,
  kind: ImportKind,
  rows: ParsedRow[],
  report: ImportSuccess,
  origin: RowOrigin,
  onProgress?: (p: ImportProgress) => void,
): Promise<void> {
  const cols = kind.dbColumns;
  const keys = cols.slice(0, kind.keyColumnCount);
  const values = cols.slice(kind.keyColumnCount);
  const table = q(kind.table);
  const unnest = (list: readonly { name: string }[], alias: string) =>
    `unnest(${list.map((_, i) => `$${i + 1}::text[]`).join(', ')}) AS ${alias}(${list.map((c) => q(c.name)).join(', ')})`;
  const keyMatch = (alias: string) => keys.map((c) => `t.${q(c.name)} = ${alias}.${q(c.name)}::${c.cast}`).join(' AND ');

  // The origin is the last parameter, one value for the whole statement.
  const originParam = `$${cols.length + 1}::"RowOrigin"`;
  const selectExisting = `SELECT ${cols.map((c) => `t.${q(c.name)}::text AS ${q(c.name)}`).join(', ')}, t."origin"::text AS "origin"
    FROM ${table} t JOIN ${unnest(keys, 'k')} ON ${keyMatch('k')}`;
  const insert = `INSERT INTO ${table} (${cols.map((c) => q(c.name)).join(', ')}, "origin")
    SELECT ${cols.map((c) => `v.${q(c.name)}::${c.cast}`).join(', ')}, ${originParam} FROM ${unnest(cols, 'v')}`;
  const update = values.length
    ? `UPDATE ${table} t SET ${values.map((c) => `${q(c.name)} = v.${q(c.name)}::${c.cast}`).join(', ')}, "origin" = ${originParam}, "updatedAt" = now()
       FROM ${unnest(cols, 'v')} WHERE ${keyMatch('v')}`
    : undefined;

  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const keyOf = (db: (string | null)[]) => JSON.stringify(db.slice(0, kind.keyColumnCount));
    const { rows: existing } = await db.query<Record<string, string | null>>(
      selectExisting,
      keys.map((_, i) => batch.map((r) => r.db[i])),
    );
    const current = new Map(existing.map((e) => [keyOf(cols.map((c) => e[c.name] ?? null)), e]));
    const toInsert: ParsedRow[] = [];
    const toUpdate: ParsedRow[] = [];
    for (const row of batch) {
      const before = current.get(keyOf(row.db));
      if (!before) {
        toInsert.push(row);
        continue;
      }
      const changes = values.flatMap((c, i) => {
        const to = row.db[kind.keyColumnCount + i] ?? null;
        const from = before[c.name] ?? null;
        return from === to ? [] : [{ column: snakeCase(c.name), from, to }];
      });
      if (!changes.length) {
        report.unchanged++;
        continue;
      }
      if (origin === 'seed' && before.origin !== 'seed') {
        report.keptOfficial++;
        continue;
      }
      toUpdate.push(row);
      if (report.changes.length < MAX_CHANGES) {
        report.changes.push({ line: row.line, key: row.db.slice(0, kind.keyColumnCount).join(' '), changes });
      }
    }
    const columnsOf = (list: ParsedRow[]) => [...cols.map((_, i) => list.map((r) => r.db[i])), origin];
    if (toInsert.length) await db.query(insert, columnsOf(toInsert));
    if (toUpdate.length && update) await db.query(update, columnsOf(toUpdate));
    report.inserted += toInsert.length;
    report.updated += toUpdate.length;
    onProgress?.({ phase: 'writing', done: Math.min(start + BATCH, rows.length), total: rows.length });
  }
}

/** Whether what free text reads from memory (aliases, knowledge entries) changed. */
export function changesUnderstanding(kind: ImportKindName, result: ImportResult): boolean {
  return result.ok && !result.dryRun && (result.inserted > 0 || result.updated > 0) && (kind === 'aliases' || kind === 'knowledge');
}

function reject(kind: ImportKindName, rows: number, issues: ImportIssue[]): ImportRejection {
  const sorted = [...issues].sort((a, b) => a.line - b.line || (a.columnNumber ?? 0) - (b.columnNumber ?? 0));
  return { ok: false, kind, rows, issues: sorted.slice(0, MAX_ISSUES), issueCount: issues.length };
}

/**
 * Imports `source` as `kindName`. Nothing is written unless every row is valid; with
 * `dryRun` nothing is written at all, but the report says what would change.
 */
export async function importFile(
  pool: pg.Pool,
  kindName: ImportKindName,
  source: AsyncIterable<string | Uint8Array> | string,
  opts: ImportOptions,
): Promise<ImportResult> {
  const kind = importKinds(opts.today ?? todayInJakarta())[kindName];
  opts.onProgress?.({ phase: 'reading', done: 0, total: 0 });
  const issues: ImportIssue[] = [];
  const { rows, add } = rowParser(kind, issues);
  const read = await readImportRecords(opts.format, source, kind.columns, kind.requiredColumns, add);
  // A file that cannot be read as a table (a wrong header, a broken quote) is reported for that alone.
  if (read.issues.length) return reject(kindName, read.count, read.issues);
  opts.onProgress?.({ phase: 'checking', done: 0, total: read.count });
  if (!read.count) issues.push({ line: 1, code: 'no_rows' });

  const client = await pool.connect();
  try {
    await checkReferences(client, rows, read.columnNumbers, issues);
    if (issues.length) return reject(kindName, read.count, issues);
    const valid = rows.filter((r) => !r.invalid);
    const report: ImportSuccess = {
      ok: true,
      kind: kindName,
      rows: valid.length,
      dryRun: !!opts.dryRun,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      keptOfficial: 0,
      changes: [],
    };
    await client.query('BEGIN');
    try {
      // One import of a kind at a time, so two officials' files cannot interleave.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`import:${kindName}`]);
      await applyRows(client, kind, valid, report, opts.origin ?? 'official', opts.onProgress);
      await client.query(opts.dryRun ? 'ROLLBACK' : 'COMMIT');
      // Free text reads aliases and knowledge entries from memory: this instance rebuilds it
      // on the next message, the others within a minute.
      if (changesUnderstanding(kindName, report)) forgetUnderstanding(pool);
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    }
    return report;
  } finally {
    client.release();
  }
}
