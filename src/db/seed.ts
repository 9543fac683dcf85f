// The seed: the map of Indonesia and the dataset under data/seed, loaded through the same
// import as officials' files. Each dataset is reloaded only when its files changed, so
// start-up on a seeded database costs a few hashes.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import type { Logger } from 'pino';
import { seedDir } from '../paths.ts';
import { importFile } from '../domain/import/import-runner.ts';
import type { ImportKindName } from '../domain/import/import-kinds.ts';
import { regionDataHash } from '../domain/regions/region-catalog.ts';
import { loadRegions } from '../domain/regions/region-store.ts';

export type SeedReport = Record<string, { inserted: number; updated: number; keptOfficial?: number }>;

/** Parents before what points at them. */
const DATASETS: ReadonlyArray<{ kind: ImportKindName; file: string }> = [
  { kind: 'aliases', file: 'aliases.csv' },
  { kind: 'ceremonies', file: 'ceremonies.csv' },
  { kind: 'companies', file: 'companies.csv' },
  { kind: 'awards', file: 'awards.csv' },
  { kind: 'coverage', file: 'coverage.csv' },
  { kind: 'contribution-rules', file: 'contribution-rules.csv' },
  { kind: 'knowledge', file: 'knowledge.json' },
];

async function storedHash(pool: pg.Pool, name: string): Promise<string | undefined> {
  const { rows } = await pool.query<{ hash: string }>('SELECT hash FROM "SeedState" WHERE name = $1', [name]);
  return rows[0]?.hash;
}

const REMEMBER = `INSERT INTO "SeedState" (name, hash, "loadedAt") VALUES ($1, $2, now())
  ON CONFLICT (name) DO UPDATE SET hash = EXCLUDED.hash, "loadedAt" = now()`;

async function seedRegions(pool: pg.Pool, logger: Logger | undefined, force: boolean): Promise<SeedReport> {
  const hash = await regionDataHash();
  if (!force && (await storedHash(pool, 'regions')) === hash) return {};
  const started = performance.now();
  logger?.info('loading the regions of Indonesia (about 92 thousand rows)');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const report = await loadRegions(client);
    await client.query(REMEMBER, ['regions', hash]);
    await client.query('COMMIT');
    // The trigram index's pending list and the planner's statistics must catch up with
    // the bulk load, or resolution runs 10x slower until autovacuum comes by.
    await client.query('VACUUM ANALYZE "Region"');
    logger?.info({ ...report, ms: Math.round(performance.now() - started) }, 'regions loaded');
    return report.inserted || report.updated ? { regions: { inserted: report.inserted, updated: report.updated } } : {};
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** False on a database nothing was seeded into yet (the first seed takes about 10 s). */
export async function isSeeded(pool: pg.Pool): Promise<boolean> {
  return (await storedHash(pool, 'regions')) !== undefined;
}

/**
 * Loads what changed since the last seed; `force` re-reads every dataset (still writing
 * nothing that is already there).
 */
export async function seedDatabase(
  pool: pg.Pool,
  opts: { logger?: Logger; force?: boolean; /** data/seed unless a test gives another */ dir?: string } = {},
): Promise<SeedReport> {
  const report = await seedRegions(pool, opts.logger, !!opts.force);
  for (const { kind, file } of DATASETS) {
    const text = await readFile(path.join(opts.dir ?? seedDir, file), 'utf8');
    const hash = createHash('sha256').update(text).digest('hex');
    const name = `seed:${file}`;
    if (!opts.force && (await storedHash(pool, name)) === hash) continue;
    const result = await importFile(pool, kind, text, { format: file.endsWith('.json') ? 'json' : 'csv', origin: 'seed' });
    if (!result.ok) {
      const first = result.issues.slice(0, 5).map((i) => `line ${i.line} ${i.column ?? ''}: ${i.code} ${JSON.stringify(i.params ?? {})}`);
      throw new Error(`seed file data/seed/${file} is invalid (${result.issueCount} problems): ${first.join('; ')}`);
    }
    await pool.query(REMEMBER, [name, hash]);
    if (result.keptOfficial) {
      opts.logger?.warn(
        { file, rows: result.keptOfficial },
        "seed rows that differ from an official's correction were left as the official wrote them",
      );
    }
    if (result.inserted || result.updated || result.keptOfficial) {
      report[kind] = {
        inserted: result.inserted,
        updated: result.updated,
        ...(result.keptOfficial ? { keptOfficial: result.keptOfficial } : {}),
      };
    }
  }
  return report;
}
