// Ranks compare figures of the same period only (at most 3 months apart), and say among how many.
import { describe, expect, it } from 'vitest';
import { coverageReport } from '../src/domain/coverage/coverage-report.ts';
import { useSeededDatabase } from './support/postgres.ts';

const db = useSeededDatabase();

describe('the rank on a coverage card', () => {
  it('counts only sibling regions whose latest figures are of the same period', async () => {
    // Sumatera Selatan: 31,33% on 27 August 2025 (seed). Test figures for three other provinces:
    // two within three months of it, one a year older.
    await db.pool.query(
      `INSERT INTO "CoverageSnapshot" ("regionCode", "asOf", "coveragePercent", "sourceName") VALUES
         ('11', '2025-06-30', 40, 'Uji'), ('12', '2025-11-20', 20, 'Uji'), ('14', '2024-08-27', 90, 'Uji')`,
    );
    const report = await coverageReport(db.pool, '16');
    expect(report!.rank).toEqual({ metric: 'coveragePercent', position: 2, of: 3, among: 'province' });
    // A province whose only peers are of other periods has no rank.
    expect((await coverageReport(db.pool, '14'))!.rank).toBeUndefined();
  });
});
