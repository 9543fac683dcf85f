// From what someone typed to ranked regions: exact names and aliases first, then the name
// as a word of a longer name ("tengah"), then typos by trigram similarity (pg_trgm, GIN).
import { stripRegionPrefix, normalizeRegionText, type RegionKind, type RegionLevel } from './region-names.ts';
import type { Queryable } from '../../db/sql.ts';

export type MatchKind = 'exact' | 'alias' | 'word' | 'fuzzy';

export interface RegionRef {
  code: string;
  name: string;
  level: RegionLevel;
  kind: RegionKind;
}

export interface RegionCandidate extends RegionRef {
  match: MatchKind;
  /** Trigram similarity of the typed name and the region's (1 for exact and alias matches). */
  similarity: number;
  score: number;
  /** Nearest first, up to the province; Indonesia itself is left out. */
  parents: RegionRef[];
}

export interface RegionResolution {
  /** What was searched for, normalised and without a prefix such as "Kab." or "Pemkot". */
  query: string;
  /** The kind the prefix implied, if any. */
  kindHint?: RegionKind;
  candidates: RegionCandidate[];
  /** Several candidates are about as likely as the first: offer them as choices. */
  ambiguous: boolean;
}

export interface ResolveOptions {
  limit?: number;
  /** Only regions of these levels (e.g. provinces and regencies for award questions). */
  levels?: RegionLevel[];
}

// Scores are whole numbers so that ties and margins compare exactly.
const MATCH_SCORE: Record<Exclude<MatchKind, 'fuzzy'>, number> = { exact: 100, alias: 100, word: 95 };
// Typo matches never meet exact ones in one ranking; scaled so that 0.05 of similarity is the margin.
const FUZZY_SCALE = 200;
// A province outranks a city of the same name by the ambiguity margin: "Jambi" is the province.
const LEVEL_BONUS: Record<RegionLevel, number> = { country: 35, province: 30, regency: 20, district: 5, village: 0 };
const HINT_BONUS = 50;
/** A candidate within this many points of the best makes the answer ambiguous. */
const AMBIGUITY_MARGIN = 10;
const MIN_WORD_LENGTH = 3;
/** Villages with a typo: only names that begin with these letters are compared. */
const VILLAGE_PREFIX = 3;
const LONG_NAME = 7;
const VILLAGE_SCAN = 500;
const VILLAGE_SIMILARITY = 0.4;
/** A province, regency or district this close to the text makes a village typo search moot. */
const STRONG_AREA_SIMILARITY = 0.5;

/*
 * Two statements, each simple enough to plan quickly (they are planned on every call: the
 * parameters decide which index pays). By name first: exact names and aliases ($1: the text
 * as typed and without its prefix), and the text ($4) as a word of a longer name ($2, $3:
 * LIKE patterns). Word and trigram matches use trigramName, which villages leave null:
 * thousands of villages are called "Sumber Jaya" or "... Tengah", and a trigram index over
 * all of them costs 15-20 ms a query.
 */
const BY_NAME = `
  SELECT code, name, level, kind, 'exact' AS match, 1::real AS sim FROM "Region" WHERE "searchName" = ANY($1::text[])
  UNION ALL
  SELECT r.code, r.name, r.level, r.kind, 'alias', 1::real
    FROM "RegionAlias" a JOIN "Region" r ON r.code = a."regionCode" WHERE a.alias = ANY($1::text[])
  UNION ALL
  SELECT code, name, level, kind, 'word', similarity("trigramName", $4) FROM "Region"
   WHERE $2::text IS NOT NULL AND "trigramName" LIKE $2 AND ' ' || "trigramName" || ' ' LIKE $3
     AND "trigramName" <> ALL($1::text[])`;

/*
 * Then, when nothing matched by name, typos ($1): provinces, regencies and districts by
 * trigram similarity; aliases; and villages, unless a province, regency or district is
 * already a close match and no village was asked for ($4). Villages are compared among
 * those whose name begins like the text: the same first letters ($2 <= name < $3), or for
 * a name of several words the same first word and the next word's initial ($5 <= name < $6).
 * Each range is read in index order and cut at 500 names: "Sungai ...",
 * "Tanjung ..." and "Sumber ..." each begin thousands of villages, and comparing them all
 * made the slowest calls 8 ms.
 */
const VILLAGE_RANGE = (from: string, to: string) => `
    (SELECT code, name, level, kind, "searchName" FROM "Region"
      WHERE ${from}::text IS NOT NULL AND "searchName" >= ${from} AND "searchName" < ${to} AND level = 'village'
      ORDER BY "searchName" LIMIT ${VILLAGE_SCAN})`;
const BY_TYPO = `
  WITH area AS (
    SELECT code, name, level, kind, 'fuzzy' AS match, similarity("trigramName", $1) AS sim FROM "Region"
     WHERE "trigramName" % $1 ORDER BY sim DESC LIMIT 30)
  SELECT * FROM area
  UNION ALL
  (SELECT code, name, level, kind, 'fuzzy', similarity("searchName", $1) AS sim
     FROM (${VILLAGE_RANGE('$2', '$3')} UNION ALL ${VILLAGE_RANGE('$5', '$6')}) v
    WHERE ($4 OR NOT EXISTS (SELECT 1 FROM area WHERE sim >= ${STRONG_AREA_SIMILARITY}))
      AND similarity("searchName", $1) >= ${VILLAGE_SIMILARITY}
    ORDER BY sim DESC LIMIT 20)
  UNION ALL
  (SELECT r.code, r.name, r.level, r.kind, 'fuzzy', similarity(a.alias, $1) AS sim
     FROM "RegionAlias" a JOIN "Region" r ON r.code = a."regionCode"
    WHERE a.alias % $1 ORDER BY sim DESC LIMIT 10)`;

/** The names that begin with `prefix`: prefix <= name < next. */
function rangeOf(prefix: string): [string, string] {
  return [prefix, prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)];
}

/**
 * The two ranges of village names compared with a typo: ["pada", "padb"] (four letters for
 * longer names, three for short ones), and for several words ["sungai b", "sungai c"].
 */
function villageRanges(query: string): (string | null)[] {
  const length = query.length >= LONG_NAME ? VILLAGE_PREFIX + 1 : VILLAGE_PREFIX;
  const letters = query.length > length ? rangeOf(query.slice(0, length)) : [null, null];
  const [first, second] = query.split(' ');
  const words = first && second && first.length >= VILLAGE_PREFIX ? rangeOf(`${first} ${second[0]}`) : [null, null];
  return [...letters, ...words];
}

interface Hit extends RegionRef {
  match: MatchKind;
  sim: number;
}

function scoreOf(hit: Hit, kindHint: RegionKind | undefined): number {
  const base = hit.match === 'fuzzy' ? Math.round(hit.sim * FUZZY_SCALE) : MATCH_SCORE[hit.match];
  return base + LEVEL_BONUS[hit.level] + (kindHint && hit.kind === kindHint ? HINT_BONUS : 0);
}

/** The best way each region was found. */
function bestPerRegion(hits: Hit[]): Hit[] {
  const best = new Map<string, Hit>();
  for (const hit of hits) {
    const seen = best.get(hit.code);
    if (!seen || hit.sim > seen.sim || (hit.sim === seen.sim && hit.match === 'exact')) best.set(hit.code, hit);
  }
  return [...best.values()];
}

/**
 * Provinces, regencies and districts by code: the parents of any candidate. 7,830 small rows,
 * read once per database handle; regions change only when the seed loads a new catalogue,
 * at start-up, before anything resolves.
 */
const areaCache = new WeakMap<Queryable, Promise<Map<string, RegionRef>>>();

function areas(db: Queryable): Promise<Map<string, RegionRef>> {
  let cached = areaCache.get(db);
  if (!cached) {
    cached = db
      .query<RegionRef>(`SELECT code, name, level, kind FROM "Region" WHERE level IN ('province', 'regency', 'district')`)
      .then(({ rows }) => new Map(rows.map((r) => [r.code, r])));
    cached.catch(() => areaCache.delete(db));
    areaCache.set(db, cached);
  }
  return cached;
}

/** "13.73.02.2005" → its district, regency and province. */
function parentsOf(code: string, byCode: Map<string, RegionRef>): RegionRef[] {
  const parts = code.split('.');
  const parents: RegionRef[] = [];
  for (let n = parts.length - 1; n >= 1; n--) {
    const parent = byCode.get(parts.slice(0, n).join('.'));
    if (parent) parents.push(parent);
  }
  return parents;
}

/** Ranks what the statements found into candidates, the kind hint and the levels applied. */
function rank(rows: Hit[], byCode: Map<string, RegionRef>, base: RegionResolution, opts: ResolveOptions): RegionResolution {
  const { kindHint } = base;
  let hits = bestPerRegion(rows)
    .filter((h) => !opts.levels || opts.levels.includes(h.level))
    .map((h) => ({ ...h, sim: Number(h.sim), score: scoreOf(h, kindHint) }));
  // "Kab. Padang" means a kabupaten: others go only when one of that kind was found, and
  // "Kota Tangerang" found by its full name leaves out Kota Tangerang Selatan.
  if (kindHint && hits.some((h) => h.kind === kindHint)) {
    hits = hits.filter((h) => h.kind === kindHint);
    if (hits.some((h) => h.match === 'exact' || h.match === 'alias')) hits = hits.filter((h) => h.match === 'exact' || h.match === 'alias');
  }
  hits.sort((a, b) => b.score - a.score || b.sim - a.sim || a.code.localeCompare(b.code));
  const candidates = hits.slice(0, opts.limit ?? 8).map((h) => ({
    code: h.code,
    name: h.name,
    level: h.level,
    kind: h.kind,
    match: h.match,
    similarity: h.sim,
    score: h.score,
    parents: parentsOf(h.code, byCode),
  }));
  const [first, second] = candidates;
  return { ...base, candidates, ambiguous: !!first && !!second && first.score - second.score < AMBIGUITY_MARGIN };
}

/**
 * No region's name is longer than this (the longest, with its prefix, is about 45 characters and
 * 6 words): what is typed beyond it is not read, so a 4,000-character message costs no more
 * database time than a name.
 */
export const MAX_QUERY_CHARS = 64;
export const MAX_QUERY_WORDS = 8;

/** The part of typed text that could name a region. */
export function regionQueryOf(text: string): string {
  return text.trim().split(/\s+/).slice(0, MAX_QUERY_WORDS).join(' ').slice(0, MAX_QUERY_CHARS);
}

export async function resolveRegion(db: Queryable, typedText: string, opts: ResolveOptions = {}): Promise<RegionResolution> {
  const text = regionQueryOf(typedText);
  const typed = normalizeRegionText(text);
  const { name: query, kind: kindHint } = stripRegionPrefix(text);
  const base: RegionResolution = { query, ...(kindHint ? { kindHint } : {}), candidates: [], ambiguous: false };
  if (query.length < 2) return base;

  const names = typed === query ? [query] : [typed, query];
  const word = query.length >= MIN_WORD_LENGTH ? [`%${query}%`, `% ${query} %`] : [null, null];
  const [byName, byCode] = await Promise.all([db.query<Hit>(BY_NAME, [names, ...word, query]), areas(db)]);
  let rows = byName.rows;
  if (!rows.length) {
    const villageAsked = kindHint === 'desa' || kindHint === 'kelurahan';
    const [from, to, fromWords, toWords] = villageRanges(query);
    rows = (await db.query<Hit>(BY_TYPO, [query, from, to, villageAsked, fromWords, toWords])).rows;
  }
  return rank(rows, byCode, base, opts);
}
