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

const UPSERT = `
  INSERT INTO "Region" (code, level, kind, name, "searchName", "trigramName", "parentCode")
  SELECT code, level, kind, name, search, CASE WHEN level = 'village' THEN NULL ELSE search END, parent
    FROM unnest($1::text[], $2::"RegionLevel"[], $3::"RegionKind"[], $4::text[], $5::text[], $6::text[])
      AS t(code, level, kind, name, search, parent)
  ON CONFLICT (code) DO UPDATE SET
    level = EXCLUDED.level, kind = EXCLUDED.kind, name = EXCLUDED.name, "searchName" = EXCLUDED."searchName",
    "trigramName" = EXCLUDED."trigramName", "parentCode" = EXCLUDED."parentCode"
  WHERE ("Region".level, "Region".kind, "Region".name, "Region"."searchName", "Region"."parentCode")
    IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.kind, EXCLUDED.name, EXCLUDED."searchName", EXCLUDED."parentCode")
  RETURNING (xmax = 0) AS inserted`;

async function upsert(client: pg.ClientBase, rows: RegionRow[], report: RegionLoadReport): Promise<void> {
  const result = await client.query<{ inserted: boolean }>(UPSERT, [
    rows.map((r) => r.code),
    rows.map((r) => r.level),
    rows.map((r) => r.kind),
    rows.map((r) => r.name),
    rows.map((r) => r.searchName),
    rows.map((r) => r.parentCode),
  ]);
  for (const { inserted } of result.rows) {
    if (inserted) report.inserted++;
    else report.updated++;
  }
  report.total += rows.length;
}

/**
 * Inserts new regions and updates changed ones, in one transaction on `client`. Regions
 * the package no longer lists are kept: figures and awards may still point at them.
 */
export async function loadRegions(client: pg.ClientBase, onProgress?: (report: RegionLoadReport) => void): Promise<RegionLoadReport> {
  const report: RegionLoadReport = { inserted: 0, updated: 0, total: 0 };
  let batch: RegionRow[] = [];
  let level: RegionRow['level'] | undefined;
  for await (const row of readRegionCatalog()) {
    // A batch never mixes levels, so every parent is in the table before its children.
    if (batch.length >= BATCH || (level && row.level !== level)) {
      await upsert(client, batch, report);
      onProgress?.(report);
      batch = [];
    }
    level = row.level;
    batch.push(row);
  }
  if (batch.length) await upsert(client, batch, report);
  onProgress?.(report);
  return report;
}
