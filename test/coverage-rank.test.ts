// Ranks compare figures of the same period only (at most 3 months apart), and say among how many.
import { describe, expect, it } from 'vitest';
import { coverageReport, samePeriodPair, type CoverageSnapshotData } from '../src/domain/coverage/coverage-report.ts';
import { useSeededDatabase } from './support/postgres.ts';

const db = useSeededDatabase();

describe('the rank on a coverage card', () => {
  it('counts only sibling regions whose latest figures are of the same period', async () => {
    // Sumatera Selatan: 31,33% on 27 August 2025 (seed). The other provinces' seed figures are
    // set aside; test figures for three of them: two within three months of it, one a year older.
    await db.pool.query(`DELETE FROM "CoverageSnapshot" WHERE "regionCode" NOT LIKE '%.%' AND "regionCode" NOT IN ('00', '16')`);
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

describe('the figures /bandingkan sets side by side', () => {
  const snap = (asOf: string, coveragePercent: number | null, activeParticipants: number | null = null): CoverageSnapshotData => ({
    regionCode: 'x',
    asOf,
    asOfPrecision: 'day',
    activeParticipants,
    wageEarners: null,
    informal: null,
    workingPopulation: null,
    coveragePercent,
    wageEarnersPercent: null,
    informalPercent: null,
    targetPercent: null,
    targetYear: null,
    measure: null,
    sourceName: 'Uji',
    sourceUrl: null,
    sourceDate: null,
    uncertain: false,
    note: null,
    noteEn: null,
  });

  it('are the latest when those are of the same period', () => {
    const a = [snap('2024-01-31', 30), snap('2025-08-27', 31)];
    const b = [snap('2025-10-31', 45)];
    expect(samePeriodPair(a, b)).toEqual({ pair: [a[1], b[0]], samePeriod: true });
  });

  it('are the latest pair of the same period the histories hold, with the same figure', () => {
    const a = [snap('2023-01-15', 65), snap('2023-12-31', 85), snap('2026-10-31', null, 900)];
    const b = [snap('2023-11-30', 40), snap('2024-02-01', null, 500), snap('2025-08-27', 31)];
    // 2023-12-31 with 2023-11-30 (both coverage) beats 2023-01-15 with nothing; 2024-02-01 has participants only.
    expect(samePeriodPair(a, b)).toEqual({ pair: [a[1], b[0]], samePeriod: true });
  });

  it('are the latest, shown apart, when no pair is of the same period', () => {
    const a = [snap('2022-01-01', 65)];
    const b = [snap('2025-08-27', 31)];
    expect(samePeriodPair(a, b)).toEqual({ pair: [a[0], b[0]], samePeriod: false });
    expect(samePeriodPair([], b)).toBeUndefined();
  });
});
