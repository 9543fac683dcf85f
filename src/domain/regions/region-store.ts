// Loads the region catalogue into the database in bulk: one statement per few thousand rows,
// so the 91,593 regions fit in seconds even on the embedded database.
import type pg from 'pg';
import { readRegionCatalog, type RegionRow } from './region-catalog.ts';

const BATCH = 5_000;

export interface RegionLoadReport {
  inserted: number;
  updated: number;
  total: number;
}

/** Into the empty table (the first load): every row is new, nothing to compare, no row sent back. */
const INSERT = `
  INSERT INTO "Region" (code, level, kind, name, "searchName", "trigramName", "parentCode")
  SELECT code, level, kind, name, search, CASE WHEN level = 'village' THEN NULL ELSE search END, parent
    FROM unnest($1::text[], $2::"RegionLevel"[], $3::"RegionKind"[], $4::text[], $5::text[], $6::text[])
      AS t(code, level, kind, name, search, parent)`;

const UPSERT = `${INSERT}
  ON CONFLICT (code) DO UPDATE SET
    level = EXCLUDED.level, kind = EXCLUDED.kind, name = EXCLUDED.name, "searchName" = EXCLUDED."searchName",
    "trigramName" = EXCLUDED."trigramName", "parentCode" = EXCLUDED."parentCode"
  WHERE ("Region".level, "Region".kind, "Region".name, "Region"."searchName", "Region"."parentCode")
    IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.kind, EXCLUDED.name, EXCLUDED."searchName", EXCLUDED."parentCode")
  RETURNING (xmax = 0) AS inserted`;

async function upsert(client: pg.ClientBase, rows: RegionRow[], report: RegionLoadReport, empty: boolean): Promise<void> {
  const result = await client.query<{ inserted: boolean }>(empty ? INSERT : UPSERT, [
    rows.map((r) => r.code),
    rows.map((r) => r.level),
    rows.map((r) => r.kind),
    rows.map((r) => r.name),
    rows.map((r) => r.searchName),
    rows.map((r) => r.parentCode),
  ]);
  if (empty) report.inserted += result.rowCount ?? 0;
  for (const { inserted } of result.rows) {
    if (inserted) report.inserted++;
    else report.updated++;
  }
  report.total += rows.length;
}

/**
 * Into an empty table (the first start) the rows go without the parent check and the secondary
 * indexes, which are made again after, as the migration made them, and as plain inserts:
 * with every row's parent checked, three indexes grown row by row and a row sent back per
 * region, the load took 2.8 s on one core, embedded; without, 1.6 s. The same transaction holds
 * both, so nobody sees the table without them.
 */
const WITHOUT_CHECKS = [
  'ALTER TABLE "Region" DROP CONSTRAINT "Region_parentCode_fkey"',
  'DROP INDEX "Region_parentCode_idx"',
  'DROP INDEX "Region_searchName_level_code_idx"',
  'DROP INDEX "Region_trigramName_idx"',
];
const CHECKS_AGAIN = [
  'CREATE INDEX "Region_parentCode_idx" ON "Region"("parentCode")',
  'CREATE INDEX "Region_searchName_level_code_idx" ON "Region"("searchName", "level", "code")',
  'CREATE INDEX "Region_trigramName_idx" ON "Region" USING GIN ("trigramName" gin_trgm_ops)',
  `ALTER TABLE "Region" ADD CONSTRAINT "Region_parentCode_fkey" FOREIGN KEY ("parentCode") REFERENCES "Region"("code")
     ON DELETE SET NULL ON UPDATE CASCADE`,
];

/**
 * Inserts new regions and updates changed ones, in one transaction on `client` (the caller's).
 * Regions the package no longer lists are kept: figures and awards may still point at them.
 */
export async function loadRegions(client: pg.ClientBase, onProgress?: (report: RegionLoadReport) => void): Promise<RegionLoadReport> {
  const report: RegionLoadReport = { inserted: 0, updated: 0, total: 0 };
  const empty = (await client.query('SELECT 1 FROM "Region" LIMIT 1')).rowCount === 0;
  if (empty) for (const statement of WITHOUT_CHECKS) await client.query(statement);
  let batch: RegionRow[] = [];
  let level: RegionRow['level'] | undefined;
  for await (const row of readRegionCatalog()) {
    // A batch never mixes levels, so every parent is in the table before its children.
    if (batch.length >= BATCH || (level && row.level !== level)) {
      await upsert(client, batch, report, empty);
      onProgress?.(report);
      batch = [];
    }
    level = row.level;
    batch.push(row);
  }
  if (batch.length) await upsert(client, batch, report, empty);
  if (empty) for (const statement of CHECKS_AGAIN) await client.query(statement);
  onProgress?.(report);
  return report;
}
