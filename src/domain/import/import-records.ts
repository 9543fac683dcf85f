// Reads an import file, CSV (`,` or `;`) or JSON, into records that remember where in the
// file they came from, so that every error can name its line and column.
import { CsvSyntaxError, readCsvRecords } from './csv.ts';
import type { Cell } from './import-fields.ts';
import type { ImportIssue } from './import-issues.ts';

export interface SourceRecord {
  line: number;
  values: Record<string, Cell>;
}

export type FileFormat = 'csv' | 'json';

export interface ReadResult {
  /** How many records were handed to `onRecord`. */
  count: number;
  /** Column name → its 1-based position in a CSV header. */
  columnNumbers: Map<string, number>;
  issues: ImportIssue[];
}

/**
 * Takes each record as it is read, so that a large file is never held as records (about
 * 550 bytes a row); `columnNumbers` is complete by the first call.
 */
export type RecordSink = (record: SourceRecord, columnNumbers: ReadonlyMap<string, number>) => void;

/** "Kode Wilayah " → "kode_wilayah". */
export function normalizeColumnName(name: string): string {
  return name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

function checkColumns(names: string[], known: readonly string[], required: readonly string[], line: number): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (!known.includes(name))
      issues.push({ line, column: name, columnNumber: i + 1, code: 'unknown_column', params: { allowed: known.join(', ') } });
    else if (seen.has(name)) issues.push({ line, column: name, columnNumber: i + 1, code: 'duplicate_column' });
    seen.add(name);
  });
  for (const name of required) if (!seen.has(name)) issues.push({ line, column: name, code: 'missing_column' });
  return issues;
}

async function readCsv(
  source: AsyncIterable<string | Uint8Array> | string,
  known: readonly string[],
  required: readonly string[],
  onRecord: RecordSink,
): Promise<ReadResult> {
  let count = 0;
  const issues: ImportIssue[] = [];
  let header: string[] | undefined;
  let columnNumbers = new Map<string, number>();
  let headerOk = false;
  try {
    for await (const { line, fields } of readCsvRecords(source)) {
      if (!header) {
        header = fields.map(normalizeColumnName);
        columnNumbers = new Map(header.map((n, i) => [n, i + 1]));
        issues.push(...checkColumns(header, known, required, line));
        headerOk = !issues.length;
        continue;
      }
      if (fields.every((f) => f.trim() === '')) continue;
      if (fields.length > header.length && fields.slice(header.length).some((f) => f.trim() !== '')) {
        issues.push({ line, columnNumber: header.length + 1, code: 'too_many_fields', params: { expected: header.length } });
        continue;
      }
      const values: Record<string, Cell> = {};
      // Spreadsheets drop trailing empty cells: a short row has them empty.
      header.forEach((name, i) => (values[name] = fields[i] ?? ''));
      count++;
      // A wrong header makes every row wrong in the same way: the rows are not looked at.
      if (headerOk) onRecord({ line, values }, columnNumbers);
    }
  } catch (e) {
    if (!(e instanceof CsvSyntaxError)) throw e;
    issues.push({ line: e.line, columnNumber: e.column, code: `csv_${e.reason}` });
  }
  // A syntax error can come before the header is read (the reader looks ahead): then the file is not empty.
  if (!header && !issues.length) issues.push({ line: 1, code: 'empty_file' });
  return { count, columnNumbers, issues };
}

/** Line of each top-level array element, found by a scan that skips strings. */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      if (depth === 1) lines.push(line);
      depth++;
    } else if (c === ']' || c === '}') depth--;
  }
  return lines;
}

function readJson(text: string, known: readonly string[], required: readonly string[], onRecord: RecordSink): ReadResult {
  const issues: ImportIssue[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec(String(e))?.[1];
    const line = at ? text.slice(0, Number(at)).split('\n').length : 1;
    return { count: 0, columnNumbers: new Map(), issues: [{ line, code: 'bad_json' }] };
  }
  const rows = Array.isArray(data) ? data : (data as { rows?: unknown })?.rows;
  if (!Array.isArray(rows)) return { count: 0, columnNumbers: new Map(), issues: [{ line: 1, code: 'json_not_array' }] };
  const lines = Array.isArray(data) ? elementLines(text) : [];
  const records: SourceRecord[] = [];
  rows.forEach((row, i) => {
    const line = lines[i] ?? i + 1;
    if (!row || typeof row !== 'object' || Array.isArray(row)) {
      issues.push({ line, code: 'json_not_object' });
      return;
    }
    const values: Record<string, Cell> = {};
    for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
      const name = normalizeColumnName(key);
      if (!known.includes(name)) {
        issues.push({ line, column: key, code: 'unknown_column', params: { allowed: known.join(', ') } });
        continue;
      }
      // A list of texts (question variants) is one cell, its items separated as in CSV.
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        values[name] = value.join(' | ');
        continue;
      }
      if (value !== null && typeof value === 'object') {
        issues.push({ line, column: key, code: 'not_a_value' });
        continue;
      }
      values[name] = value as Cell;
    }
    for (const name of required) if (!(name in values)) issues.push({ line, column: name, code: 'required' });
    records.push({ line, values });
  });
  // As from a CSV file: the rows are looked at only when the file's shape is right.
  const columnNumbers = new Map<string, number>();
  if (!issues.length) for (const record of records) onRecord(record, columnNumbers);
  return { count: records.length, columnNumbers, issues };
}

export async function readImportRecords(
  format: FileFormat,
  source: AsyncIterable<string | Uint8Array> | string,
  known: readonly string[],
  required: readonly string[],
  onRecord: RecordSink,
): Promise<ReadResult> {
  if (format === 'csv') return readCsv(source, known, required, onRecord);
  let text = '';
  if (typeof source === 'string') text = source;
  else {
    const decoder = new TextDecoder();
    for await (const chunk of source) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    text += decoder.decode();
  }
  return readJson(text.replace(/^\uFEFF/, ''), known, required, onRecord);
}
