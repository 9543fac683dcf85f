// How region names are shown and how typed text is compared with them.

export type RegionLevel = 'country' | 'province' | 'regency' | 'district' | 'village';
export type RegionKind = 'negara' | 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan' | 'desa' | 'kelurahan';

export const LEVEL_OF_KIND: Record<RegionKind, RegionLevel> = {
  negara: 'country',
  provinsi: 'province',
  kabupaten: 'regency',
  kota: 'regency',
  kecamatan: 'district',
  desa: 'village',
  kelurahan: 'village',
};

export const COUNTRY_CODE = '00';

/** Lower case, apostrophes dropped ("Soka'an" = "sokaan"), other punctuation as spaces. */
export function normalizeRegionText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/["'`’‘]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const SMALL_WORDS = new Set(['dan']);
const KEEP_UPPER = new Set(['DKI']);

/** "KABUPATEN PANGKAJENE DAN KEPULAUAN" → "Kabupaten Pangkajene dan Kepulauan". */
export function properCase(upper: string): string {
  return upper
    .trim()
    .split(/\s+/)
    .map((word, i) => {
      if (KEEP_UPPER.has(word)) return word;
      const lower = word.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.replace(/(^|[-(])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
    })
    .join(' ');
}

/**
 * What people put in front of a name, longest first. Each names the kind it implies; the
 * resolver also tries the text as typed, since some names begin with these words
 * ("Kecamatan Kota Agung").
 */
export const REGION_PREFIXES: ReadonlyArray<{ words: string; kind: RegionKind }> = [
  { words: 'pemerintah provinsi', kind: 'provinsi' },
  { words: 'pemerintah kabupaten', kind: 'kabupaten' },
  { words: 'pemerintah kota', kind: 'kota' },
  { words: 'pemerintah desa', kind: 'desa' },
  { words: 'kabupaten administrasi', kind: 'kabupaten' },
  { words: 'kota administrasi', kind: 'kota' },
  { words: 'kab adm', kind: 'kabupaten' },
  { words: 'kota adm', kind: 'kota' },
  { words: 'desa adat', kind: 'desa' },
  { words: 'provinsi', kind: 'provinsi' },
  { words: 'province', kind: 'provinsi' },
  { words: 'pemprov', kind: 'provinsi' },
  { words: 'prov', kind: 'provinsi' },
  { words: 'kabupaten', kind: 'kabupaten' },
  { words: 'regency', kind: 'kabupaten' },
  { words: 'pemkab', kind: 'kabupaten' },
  { words: 'kab', kind: 'kabupaten' },
  { words: 'kota', kind: 'kota' },
  { words: 'city', kind: 'kota' },
  { words: 'pemkot', kind: 'kota' },
  { words: 'kecamatan', kind: 'kecamatan' },
  { words: 'distrik', kind: 'kecamatan' },
  { words: 'kec', kind: 'kecamatan' },
  { words: 'kelurahan', kind: 'kelurahan' },
  { words: 'kalurahan', kind: 'kelurahan' },
  { words: 'kel', kind: 'kelurahan' },
  { words: 'desa', kind: 'desa' },
  { words: 'pemdes', kind: 'desa' },
  { words: 'village', kind: 'desa' },
  { words: 'ds', kind: 'desa' },
];

export interface StrippedName {
  /** The normalised text without its prefix. */
  name: string;
  kind?: RegionKind;
}

/** "Pemkot Padang Panjang" → { name: "padang panjang", kind: "kota" }; text is normalised first. */
export function stripRegionPrefix(text: string): StrippedName {
  const normalized = normalizeRegionText(text);
  for (const { words, kind } of REGION_PREFIXES) {
    if (normalized.startsWith(`${words} `)) return { name: normalized.slice(words.length + 1), kind };
  }
  return { name: normalized };
}

/** Kemendagri village codes: the fourth part starts with 1 for a kelurahan, 2 (or 3, desa adat) for a desa. */
export function villageKind(code: string): RegionKind {
  return code.split('.')[3]?.startsWith('1') ? 'kelurahan' : 'desa';
}

const KIND_TITLE: Partial<Record<RegionKind, string>> = {
  kecamatan: 'Kecamatan',
  desa: 'Desa',
  kelurahan: 'Kelurahan',
};

/** The name shown to people: "Kecamatan Talawi", "Desa Santur", "Kota Padang Panjang". */
export function displayName(kind: RegionKind, name: string): string {
  const title = KIND_TITLE[kind];
  if (!title || /^(desa|kelurahan|kecamatan)\b/i.test(name)) return name;
  return `${title} ${name}`;
}
