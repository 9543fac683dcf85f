// Region resolution over the whole seeded map of Indonesia, on the real PostgreSQL.
import { describe, expect, it } from 'vitest';
import { resolveRegion } from '../src/domain/regions/region-resolver.ts';
import { useSeededDatabase } from './support/postgres.ts';

const db = useSeededDatabase();

interface Case {
  input: string;
  /** Code of the first candidate; null when nothing should match. */
  first: string | null;
  ambiguous?: boolean;
  /** Other codes that must be offered among the choices. */
  alsoOffers?: string[];
}

const CASES: Record<string, Case[]> = {
  abbreviations: [
    { input: 'Sumbar', first: '13' },
    { input: 'sumsel', first: '16' },
    { input: 'SUMUT', first: '12' },
    { input: 'Kalbar', first: '61' },
    { input: 'kalteng', first: '62' },
    { input: 'Kaltim', first: '64' },
    { input: 'Kaltara', first: '65' },
    { input: 'kalsel', first: '63' },
    { input: 'Jabar', first: '32' },
    { input: 'Jateng', first: '33' },
    { input: 'jatim', first: '35' },
    { input: 'DKI', first: '31' },
    { input: 'Jakarta', first: '31', ambiguous: false },
    { input: 'DIY', first: '34' },
    { input: 'Jogja', first: '34', ambiguous: false, alsoOffers: ['34.71'] },
    { input: 'Jambi', first: '15', ambiguous: false, alsoOffers: ['15.71'] },
    { input: 'Babel', first: '19' },
    { input: 'Kepri', first: '21' },
    { input: 'NTB', first: '52' },
    { input: 'ntt', first: '53' },
    { input: 'Sulut', first: '71' },
    { input: 'Sulsel', first: '73' },
    { input: 'Sulteng', first: '72' },
    { input: 'Sultra', first: '74' },
    { input: 'Sulbar', first: '76' },
    { input: 'Malut', first: '82' },
    { input: 'Papua Barat Daya', first: '96' },
    { input: 'Tangsel', first: '36.74' },
    { input: 'Jaksel', first: '31.74' },
    { input: 'jakbar', first: '31.73' },
    { input: 'Jaktim', first: '31.75' },
    { input: 'Jakut', first: '31.72' },
    { input: 'Jakpus', first: '31.71' },
    { input: 'Solo', first: '33.72' },
  ],
  prefixes: [
    { input: 'Pemkot Padang Panjang', first: '13.74', ambiguous: false },
    { input: 'Pemkab Ketapang', first: '61.04', ambiguous: false },
    { input: 'Kab. Ketapang', first: '61.04', ambiguous: false },
    { input: 'Kota Sawahlunto', first: '13.73' },
    { input: 'Kabupaten Tangerang', first: '36.03', ambiguous: false },
    { input: 'Kota Tangerang', first: '36.71', ambiguous: false },
    { input: 'Provinsi Jawa Barat', first: '32' },
    { input: 'Pemprov Sumsel', first: '16' },
    { input: 'Desa Santur', first: '13.73.02.2005' },
    { input: 'Kel. Batu Merah', first: '21.71.02.1003' },
    // A district whose name begins with a prefix word.
    { input: 'Kecamatan Kota Agung', first: '16.04.07', alsoOffers: ['18.06.01'] },
  ],
  typos: [
    { input: 'padang panjng', first: '13.74' },
    { input: 'tangerang seltan', first: '36.74', ambiguous: false },
    { input: 'sawahlonto', first: '13.73', ambiguous: false },
    { input: 'palembng', first: '16.71' },
    { input: 'kalimantan bart', first: '61' },
    { input: 'sumatra selatan', first: '16' },
    { input: 'Makasar', first: '73.71' },
    { input: 'ketapng', first: '61.04' },
    { input: 'desa santurr', first: '13.73.02.2005' },
    { input: 'desa santr', first: '11.06.10.2033', ambiguous: true, alsoOffers: ['13.73.02.2005'] },
    { input: 'Kota Padang', first: '13.71', ambiguous: false },
  ],
  villages: [
    { input: 'Santur', first: '13.73.02.2005', ambiguous: false },
    { input: 'Hukurila', first: '81.71.05.2001' },
    { input: 'Ngadi', first: '35.06.02.2007', ambiguous: true, alsoOffers: ['81.72.01.2002'] },
    { input: "Soka'an", first: '35.13.15.2017' },
  ],
  ambiguous: [
    { input: 'Padang', first: '13.71', ambiguous: true, alsoOffers: ['13.74', '13.05'] },
    { input: 'Tengah', first: '33', ambiguous: true, alsoOffers: ['62', '72', '94'] },
    { input: 'Tangerang', first: '36.03', ambiguous: true, alsoOffers: ['36.71', '36.74'] },
    { input: 'Bekasi', first: '32.16', ambiguous: true, alsoOffers: ['32.75'] },
  ],
  others: [
    { input: 'Indonesia', first: '00' },
    { input: 'Raja Ampat', first: '96.03' },
    { input: 'sawahlunto', first: '13.73', ambiguous: false },
    { input: 'SUMATERA SELATAN', first: '16', ambiguous: false },
  ],
  nonsense: [
    { input: 'xyzzy', first: null },
    { input: 'asdfghjkl', first: null },
    { input: '12345', first: null },
    { input: 'qwq', first: null },
    { input: '', first: null },
    { input: 'a', first: null },
    { input: '!!!', first: null },
  ],
};

const ALL = Object.entries(CASES).flatMap(([group, cases]) => cases.map((c) => ({ group, ...c })));

describe('region resolution', () => {
  // A table that lost a level of region, or the inputs that must find nothing, fails here.
  it('expects every level of region first, Indonesia itself, and nothing for nonsense', () => {
    const level = (code: string | null) =>
      code === null ? 'none' : ['country', 'province', 'regency', 'district', 'village'][code === '00' ? 0 : code.split('.').length];
    expect([...new Set(ALL.map((c) => level(c.first)))].sort()).toEqual(['country', 'district', 'none', 'province', 'regency', 'village']);
  });

  it.each(ALL)('[$group] "$input" → $first', async ({ input, first, ambiguous, alsoOffers }) => {
    const result = await resolveRegion(db.pool, input);
    if (first === null) {
      expect(result.candidates).toEqual([]);
      return;
    }
    expect(result.candidates[0]?.code, JSON.stringify(result.candidates.slice(0, 4).map((c) => [c.code, c.name, c.score]))).toBe(first);
    if (ambiguous !== undefined) expect(result.ambiguous).toBe(ambiguous);
    const codes = result.candidates.map((c) => c.code);
    for (const code of alsoOffers ?? []) expect(codes).toContain(code);
  });

  it('gives each candidate its level, kind and parents up to the province, for choices like "Kota Padang (Sumatera Barat)"', async () => {
    const santur = (await resolveRegion(db.pool, 'Santur')).candidates[0]!;
    expect(santur).toMatchObject({ name: 'Desa Santur', level: 'village', kind: 'desa' });
    expect(santur.parents.map((p) => [p.code, p.name, p.level])).toEqual([
      ['13.73.02', 'Kecamatan Barangin', 'district'],
      ['13.73', 'Kota Sawahlunto', 'regency'],
      ['13', 'Sumatera Barat', 'province'],
    ]);
    const padang = (await resolveRegion(db.pool, 'Padang')).candidates[0]!;
    expect(padang).toMatchObject({ name: 'Kota Padang', level: 'regency', kind: 'kota' });
    expect(padang.parents.map((p) => p.name)).toEqual(['Sumatera Barat']);
  });

  it('keeps to the levels asked for', async () => {
    const result = await resolveRegion(db.pool, 'Padang Panjang', { levels: ['village'] });
    expect(result.candidates.length).toBeGreaterThan(1);
    expect(result.candidates.every((c) => c.level === 'village')).toBe(true);
  });
});
