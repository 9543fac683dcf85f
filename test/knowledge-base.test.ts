// The seeded knowledge base: the whole map of Indonesia and every fact of the seed dataset,
// on PostgreSQL (a copy of the seeded template) and on the embedded database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { seedDatabase } from '../src/db/seed.ts';
import { importFile } from '../src/domain/import/import-runner.ts';
import { loadContributionRules } from '../src/domain/contributions/contribution-rules.ts';
import { SEED_BPU_RULES } from './support/seed-contribution-rules.ts';
import { resolveRegion } from '../src/domain/regions/region-resolver.ts';
import { captureLogs } from './support/logs.ts';
import { createTestDatabase, useSeededDatabase } from './support/postgres.ts';

const EXPECTED_LEVELS = { country: 1, province: 38, regency: 514, district: 7_277, village: 83_763 };

async function levelCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ level: string; n: number }>('SELECT level, count(*)::int AS n FROM "Region" GROUP BY level');
  return Object.fromEntries(rows.map((r) => [r.level, r.n]));
}

async function tableCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const tables = ['Region', 'RegionAlias', 'CoverageSnapshot', 'AwardCeremony', 'Award', 'Company', 'ContributionRule'];
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${t}"`)).rows[0]!.n;
  return counts;
}

describe('knowledge base on PostgreSQL', () => {
  const db = useSeededDatabase();

  it('holds every province, regency, district and village of idn-area-data, named in proper case', async () => {
    expect(await levelCounts(db.pool)).toEqual(EXPECTED_LEVELS);
    const { rows } = await db.pool.query<{ code: string; name: string; kind: string; parentCode: string | null }>(
      `SELECT code, name, kind::text, "parentCode" FROM "Region" WHERE code = ANY($1) ORDER BY code`,
      [['13', '13.74', '13.73.02.2005', '31', '34', '61.04', '73.10', '31.74', '21.71.02.1003']],
    );
    expect(rows).toEqual([
      { code: '13', name: 'Sumatera Barat', kind: 'provinsi', parentCode: '00' },
      { code: '13.73.02.2005', name: 'Desa Santur', kind: 'desa', parentCode: '13.73.02' },
      { code: '13.74', name: 'Kota Padang Panjang', kind: 'kota', parentCode: '13' },
      { code: '21.71.02.1003', name: 'Kelurahan Batu Merah', kind: 'kelurahan', parentCode: '21.71.02' },
      { code: '31', name: 'DKI Jakarta', kind: 'provinsi', parentCode: '00' },
      { code: '31.74', name: 'Kota Administrasi Jakarta Selatan', kind: 'kota', parentCode: '31' },
      { code: '34', name: 'Daerah Istimewa Yogyakarta', kind: 'provinsi', parentCode: '00' },
      { code: '61.04', name: 'Kabupaten Ketapang', kind: 'kabupaten', parentCode: '61' },
      { code: '73.10', name: 'Kabupaten Pangkajene dan Kepulauan', kind: 'kabupaten', parentCode: '73' },
    ]);
  });

  it('holds the coverage figures of facts.md sections 1 and 3, each with its date and source', async () => {
    const { rows } = await db.pool.query(
      `SELECT "regionCode", "asOf"::text, "asOfPrecision"::text AS precision, "activeParticipants", informal,
              "coveragePercent"::text, "targetPercent"::text, "targetYear", "sourceName", uncertain
         FROM "CoverageSnapshot" ORDER BY "regionCode", "asOf"`,
    );
    const byKey = Object.fromEntries(rows.map((r) => [`${r.regionCode} ${r.asOf}`, r]));
    expect(byKey['16 2025-08-27']).toMatchObject({
      activeParticipants: 2_789_917,
      coveragePercent: '31.33',
      targetPercent: '51.00',
      targetYear: 2025,
      precision: 'day',
    });
    expect(byKey['00 2025-04-01']).toMatchObject({ coveragePercent: '35.68', precision: 'month' });
    expect(byKey['00 2024-12-01']).toMatchObject({ activeParticipants: 45_220_000 });
    expect(byKey['00 2025-07-01']).toMatchObject({ activeParticipants: 39_950_000 });
    expect(byKey['00 2025-05-01']).toMatchObject({ informal: 9_000_000, uncertain: true });
    expect(byKey['31 2025-02-01']).toMatchObject({ activeParticipants: 8_010_000 });
    expect(byKey['32 2025-02-01']).toMatchObject({ activeParticipants: 4_960_000 });
    expect(byKey['35 2025-02-01']).toMatchObject({ activeParticipants: 4_950_000 });
    expect(byKey['33 2025-02-01']).toMatchObject({ activeParticipants: 3_990_000 });
    expect(byKey['36 2025-02-01']).toMatchObject({ activeParticipants: 2_750_000 });
    expect(byKey['76 2025-02-01']).toMatchObject({ activeParticipants: 65_000, uncertain: true });
    expect(byKey['15 2024-12-01']).toMatchObject({ coveragePercent: '45.17' });
    expect(byKey['96 2022-01-01']).toMatchObject({ coveragePercent: '65.80', precision: 'year' });
    expect(byKey['96 2023-01-01']).toMatchObject({ coveragePercent: '85.34' });
    expect(byKey['13.74 2023-01-01']).toMatchObject({ informal: 8_300, sourceName: 'ANTARA Sumbar' });
    expect(rows.every((r) => r.sourceName)).toBe(true);
  });

  it('holds the award history: ceremonies with dates and venues, winners that are regions, villages and companies', async () => {
    const ceremony = async (id: string) =>
      (await db.pool.query(`SELECT date::text, venue, city, "provinceCode", level::text FROM "AwardCeremony" WHERE id = $1`, [id])).rows[0];
    expect(await ceremony('PA2025-P36')).toMatchObject({ date: '2025-11-27', city: 'Serpong', provinceCode: '36', level: 'provincial' });
    expect(await ceremony('PA2024-P13')).toMatchObject({ date: '2024-09-23', venue: 'Hotel Mercure Padang' });
    expect(await ceremony('PA2025-P16')).toMatchObject({ date: '2025-08-27', venue: 'Ballroom Hotel Aryaduta Palembang' });
    expect(await ceremony('PA2025-P13')).toMatchObject({ venue: 'Auditorium Gubernuran Sumbar', date: null });
    const national = await db.pool.query(
      `SELECT date::text FROM "AwardCeremony" WHERE level = 'national' AND date IS NOT NULL ORDER BY date`,
    );
    expect(national.rows.map((r) => r.date)).toEqual(['2018-07-31', '2019-07-03', '2021-09-09', '2022-10-27', '2023-10-20', '2024-09-12']);

    const awardsOf = async (recipientKey: string) =>
      (
        await db.pool.query(
          `SELECT "ceremonyId", category::text, rank, title, uncertain FROM "Award" WHERE "recipientKey" = $1 ORDER BY "ceremonyId", title`,
          [recipientKey],
        )
      ).rows;
    expect(await awardsOf('region:36.74')).toEqual([
      { ceremonyId: 'PA2025-P36', category: 'pemerintah_kabupaten_kota', rank: 2, title: 'Terbaik Kedua', uncertain: false },
    ]);
    const sawahlunto = await awardsOf('region:13.73');
    expect(sawahlunto).toHaveLength(4);
    expect(sawahlunto.every((a) => a.ceremonyId === 'PA2024-P13')).toBe(true);
    expect(sawahlunto.map((a) => a.title)).toContain('Zero Accident Award');
    expect(await awardsOf('region:13.73.02.2005')).toMatchObject([{ ceremonyId: 'PA2024-P13', category: 'pemerintah_desa' }]);
    expect(await awardsOf('region:13.74')).toMatchObject([{ ceremonyId: 'PA2025-P13', title: 'Paling progresif' }]);
    expect(await awardsOf('region:61.04')).toMatchObject([{ rank: 1, uncertain: true }]);
    expect(await awardsOf('company:SAMPEL-AIC')).toMatchObject([{ ceremonyId: 'PA2024-P13', category: 'sektor' }]);
    const jember = await awardsOf('region:35.09');
    expect(jember.map((a) => a.ceremonyId)).toEqual(['PA2018-N', 'PA2022-N']);
  });

  it('holds the contribution rules of section 4 as rows with dates, including the PP 50/2025 discount', async () => {
    const { rows } = await db.pool.query(
      `SELECT id, programme::text, "ratePercent"::text, "flatAmount", "discountPercent"::text, "incomeMin",
              "validFrom"::text, "validTo"::text, sector::text, "legalBasis"
         FROM "ContributionRule" ORDER BY id`,
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId['BPU-JKK-PP44-2015']).toMatchObject({ ratePercent: '1.000', incomeMin: 1_000_000 });
    expect(byId['BPU-JKM-PP44-2015']).toMatchObject({ flatAmount: 6_800 });
    expect(byId['BPU-JHT-PP44-2015']).toMatchObject({ ratePercent: '2.000' });
    expect(byId['BPU-JKK-DISKON-PP50-2025-TRANSPORTASI']).toMatchObject({
      discountPercent: '50.00',
      validFrom: '2026-01-01',
      validTo: '2027-03-31',
      sector: 'transport',
      legalBasis: 'PP 50/2025',
    });
    expect(byId['BPU-JKM-DISKON-PP50-2025-LAINNYA']).toMatchObject({
      validFrom: '2026-04-01',
      validTo: '2026-12-31',
      sector: 'non_transport',
    });
    // As the calculator reads them: what its database-free tests compute with.
    const loaded = (await loadContributionRules(db.prisma)).map((r) => ({ ...r, note: null }));
    expect(loaded).toEqual(expect.arrayContaining(SEED_BPU_RULES));
    expect(loaded).toHaveLength(SEED_BPU_RULES.length);
  });

  it('marks every seeded company as a sample', async () => {
    const { rows } = await db.pool.query(`SELECT npp, "isSample" FROM "Company"`);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.every((r) => r.isSample)).toBe(true);
  });

  it('seeds idempotently: again, and forced to re-read every file, it changes nothing', async () => {
    const before = await tableCounts(db.pool);
    expect(await seedDatabase(db.pool)).toEqual({});
    expect(await seedDatabase(db.pool, { force: true })).toEqual({});
    expect(await tableCounts(db.pool)).toEqual(before);
  });

  it("never overwrites an official's correction: a changed seed changes only the rows the seed wrote", async () => {
    const copy = await createTestDatabase();
    const { logger, lines } = captureLogs();
    const own = await openDatabase({ databaseUrl: copy.url, dataDir: os.tmpdir(), logger });
    const seedCopy = fs.mkdtempSync(path.join(os.tmpdir(), 'paritrana-seed-'));
    try {
      // An official corrects the national figure of July 2025, keeping the source it corrects
      // (invented numbers, test only); a figure of another source for that month is a row beside it.
      const header = fs.readFileSync('data/seed/coverage.csv', 'utf8').split('\n')[0]!;
      const correction = `${header}\n00,Indonesia,Juli 2025,"39,96 juta",,,,,,,BPJS Ketenagakerjaan (rangkuman berita publik),,,tidak,Dikoreksi pejabat.\n`;
      const imported = await importFile(own.bulkPool, 'coverage', correction, { format: 'csv' });
      expect(imported).toMatchObject({ ok: true, updated: 1, inserted: 0 });
      const another = `${header}\n00,Indonesia,Juli 2025,"39,9 juta",,,,,,,Kanwil contoh,,,tidak,Sumber lain.\n`;
      expect(await importFile(own.bulkPool, 'coverage', another, { format: 'csv' })).toMatchObject({ ok: true, updated: 0, inserted: 1 });

      // The next deploy ships a seed that also edits that row, and another row nobody corrected.
      fs.cpSync('data/seed', seedCopy, { recursive: true });
      const csv = fs.readFileSync(path.join(seedCopy, 'coverage.csv'), 'utf8');
      const edited = csv
        .replace('00,Indonesia,Juli 2025,"39,95 juta"', '00,Indonesia,Juli 2025,"39,97 juta"')
        .replace(
          'Desember 2024,"45,22 juta",,,,,,,BPJS Ketenagakerjaan (rangkuman berita publik),,,tidak,Peserta aktif nasional.',
          'Desember 2024,"45,22 juta",,,,,,,BPJS Ketenagakerjaan (rangkuman berita publik),,,tidak,Catatan seed baru.',
        );
      expect(edited).not.toBe(csv);
      fs.writeFileSync(path.join(seedCopy, 'coverage.csv'), edited);

      expect(await seedDatabase(own.bulkPool, { dir: seedCopy, logger })).toEqual({
        coverage: { inserted: 0, updated: 1, keptOfficial: 1 },
      });
      const { rows } = await own.pool.query<{ asOf: string; active: number; note: string; origin: string }>(
        `SELECT to_char("asOf", 'YYYY-MM') AS "asOf", "activeParticipants" AS active, note, origin::text
           FROM "CoverageSnapshot" WHERE "regionCode" = '00' AND "asOf" IN ('2024-12-01', '2025-07-01') ORDER BY "asOf", active`,
      );
      expect(rows).toEqual([
        { asOf: '2024-12', active: 45_220_000, note: 'Catatan seed baru.', origin: 'seed' },
        { asOf: '2025-07', active: 39_900_000, note: 'Sumber lain.', origin: 'official' },
        { asOf: '2025-07', active: 39_960_000, note: 'Dikoreksi pejabat.', origin: 'official' },
      ]);
      expect(lines.some((l) => l.msg.includes('left as the official wrote them') && l.rows === 1)).toBe(true);
      // Forced re-reads keep it so.
      expect(await seedDatabase(own.bulkPool, { dir: seedCopy, force: true })).toMatchObject({ coverage: { updated: 0, keptOfficial: 1 } });
    } finally {
      fs.rmSync(seedCopy, { recursive: true, force: true });
      await own.close();
      await copy.drop();
    }
  });

  it('loads an empty database in full', async () => {
    const empty = await createTestDatabase({ empty: true });
    const { logger } = captureLogs();
    const fresh = await openDatabase({ databaseUrl: empty.url, dataDir: os.tmpdir(), logger });
    try {
      const report = await seedDatabase(fresh.pool);
      expect(report.regions).toEqual({ inserted: 91_593, updated: 0 });
      // Every table as full as the database every other test starts from (which no test here changes).
      expect(await tableCounts(fresh.pool)).toEqual(await tableCounts(db.pool));
    } finally {
      await fresh.close();
      await empty.drop();
    }
  });
});

describe('knowledge base on the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paritrana-kb-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is seeded in full and resolves regions with pg_trgm like PostgreSQL', async () => {
    const { logger } = captureLogs();
    const db = await openDatabase({ dataDir, logger });
    try {
      await seedDatabase(db.pool);
      expect(await levelCounts(db.pool)).toEqual(EXPECTED_LEVELS);
      const typo = await resolveRegion(db.pool, 'tangerang seltan');
      expect(typo.candidates[0]?.code).toBe('36.74');
      const alias = await resolveRegion(db.pool, 'Sumsel');
      expect(alias.candidates[0]?.name).toBe('Sumatera Selatan');
    } finally {
      await db.close();
    }
  });
});
