// From what someone typed to ranked regions: exact names and aliases first, then the name
// as a word of a longer name ("tengah"), then typos by trigram similarity (pg_trgm, GIN).
import type pg from 'pg';
import { stripRegionPrefix, normalizeRegionText, type RegionKind, type RegionLevel } from './region-names.ts';

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

type Queryable = Pick<pg.Pool, 'query'>;

// Scores are whole numbers so that ties and margins compare exactly.
const MATCH_SCORE: Record<Exclude<MatchKind, 'fuzzy'>, number> = { exact: 100, alias: 100, word: 95 };
const FUZZY_SCALE = 90;
const LEVEL_BONUS: Record<RegionLevel, number> = { country: 30, province: 25, regency: 20, district: 5, village: 0 };
const HINT_BONUS = 50;
/** A candidate within this many points of the best makes the answer ambiguous. */
const AMBIGUITY_MARGIN = 10;
const MIN_WORD_LENGTH = 3;
/** Villages with a typo: only names that begin with these letters are compared. */
const VILLAGE_PREFIX = 3;
const VILLAGE_SIMILARITY = 0.4;
/** A province, regency or district this close to the text makes a village typo search moot. */
const STRONG_AREA_SIMILARITY = 0.5;

/*
 * $1 the names to try exactly (as typed, and without its prefix); $2 the name for word and
 * typo matching. Word and trigram matches use trigramName, which villages leave null:
 * thousands of villages are called "Sumber Jaya" or "... Tengah", and a trigram index over
 * all of them costs 15-20 ms a query. A village with a typo is found among villages whose
 * name begins with the same letters ($4 <= name < $5, on the plain index), unless a
 * province, regency or district is already a close match and no village was asked for ($6).
 * Typo matching runs only when nothing matched by name.
 */
const SEARCH = `
  WITH named AS (
    SELECT code, 'exact' AS match, 1::real AS sim FROM "Region" WHERE "searchName" = ANY($1::text[])
    UNION ALL
    SELECT "regionCode", 'alias', 1::real FROM "RegionAlias" WHERE alias = ANY($1::text[])
    UNION ALL
    SELECT code, 'word', similarity("trigramName", $2) FROM "Region"
     WHERE length($2) >= ${MIN_WORD_LENGTH}
       AND "trigramName" LIKE '%' || $2 || '%' AND ' ' || "trigramName" || ' ' LIKE '% ' || $2 || ' %'
       AND "trigramName" <> ALL($1::text[])
  ), area_typos AS (
    SELECT code, 'fuzzy' AS match, similarity("trigramName", $2) AS sim FROM "Region"
     WHERE NOT EXISTS (SELECT 1 FROM named) AND "trigramName" % $2
     ORDER BY sim DESC LIMIT 30
  ), fuzzy AS (
    SELECT * FROM area_typos
    UNION ALL
    (SELECT code, 'fuzzy', similarity("searchName", $2) AS sim FROM "Region"
      WHERE NOT EXISTS (SELECT 1 FROM named) AND $4::text IS NOT NULL
        AND ($6 OR NOT EXISTS (SELECT 1 FROM area_typos WHERE sim >= ${STRONG_AREA_SIMILARITY}))
        AND "searchName" >= $4 AND "searchName" < $5 AND level = 'village'
        AND similarity("searchName", $2) >= ${VILLAGE_SIMILARITY}
      ORDER BY sim DESC LIMIT 20)
    UNION ALL
    (SELECT "regionCode", 'fuzzy', similarity(alias, $2) AS sim FROM "RegionAlias"
      WHERE NOT EXISTS (SELECT 1 FROM named) AND alias % $2
      ORDER BY sim DESC LIMIT 10)
  ), hits AS (SELECT * FROM named UNION ALL SELECT * FROM fuzzy),
  best AS (
    SELECT DISTINCT ON (r.code) r.code, r.name, r.level, r.kind, r."parentCode", h.match, h.sim
      FROM hits h JOIN "Region" r ON r.code = h.code
     WHERE $3::"RegionLevel"[] IS NULL OR r.level = ANY($3::"RegionLevel"[])
     ORDER BY r.code, h.sim DESC, h.match)
  SELECT b.code, b.name, b.level, b.kind, b.match, b.sim,
         (SELECT json_agg(json_build_object('code', p.code, 'name', p.name, 'level', p.level, 'kind', p.kind)
                          ORDER BY length(p.code) DESC)
            FROM "Region" p WHERE p.code IN (b."parentCode", p1."parentCode", p2."parentCode") AND p.level <> 'country'
         ) AS parents
    FROM best b
    LEFT JOIN "Region" p1 ON p1.code = b."parentCode"
    LEFT JOIN "Region" p2 ON p2.code = p1."parentCode"`;

/** ["pad", "pae"]: the range of names that begin with the query's first letters. */
function prefixRange(query: string): [string, string] | [null, null] {
  if (query.length <= VILLAGE_PREFIX) return [null, null];
  const prefix = query.slice(0, VILLAGE_PREFIX);
  const next = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return [prefix, next];
}

interface Hit extends RegionRef {
  match: MatchKind;
  sim: number;
  parents: RegionRef[] | null;
}

function scoreOf(hit: Hit, kindHint: RegionKind | undefined): number {
  const base = hit.match === 'fuzzy' ? Math.round(hit.sim * FUZZY_SCALE) : MATCH_SCORE[hit.match];
  return base + LEVEL_BONUS[hit.level] + (kindHint && hit.kind === kindHint ? HINT_BONUS : 0);
}

export async function resolveRegion(db: Queryable, text: string, opts: ResolveOptions = {}): Promise<RegionResolution> {
  const typed = normalizeRegionText(text);
  const { name: query, kind: kindHint } = stripRegionPrefix(text);
  const base: RegionResolution = { query, ...(kindHint ? { kindHint } : {}), candidates: [], ambiguous: false };
  if (query.length < 2) return base;

  const names = typed === query ? [query] : [typed, query];
  const { rows } = await db.query<Hit>(SEARCH, [
    names,
    query,
    opts.levels ?? null,
    ...prefixRange(query),
    kindHint === 'desa' || kindHint === 'kelurahan',
  ]);
  let hits = rows.map((h) => ({ ...h, sim: Number(h.sim), score: scoreOf(h, kindHint) }));
  // "Kab. Padang" means a kabupaten: others go only when one of that kind was found, and
  // "Kota Tangerang" found by its full name leaves out Kota Tangerang Selatan.
  if (kindHint && hits.some((h) => h.kind === kindHint)) {
    hits = hits.filter((h) => h.kind === kindHint);
    if (hits.some((h) => h.match === 'exact' || h.match === 'alias')) hits = hits.filter((h) => h.match === 'exact' || h.match === 'alias');
  }
  hits.sort((a, b) => b.score - a.score || b.sim - a.sim || a.code.localeCompare(b.code));
  const top = hits.slice(0, opts.limit ?? 8);
  if (!top.length) return base;

  const candidates = top.map((h) => ({
    code: h.code,
    name: h.name,
    level: h.level,
    kind: h.kind,
    match: h.match,
    similarity: h.sim,
    score: h.score,
    parents: h.parents ?? [],
  }));
  const [first, second] = candidates;
  return { ...base, candidates, ambiguous: !!first && !!second && first.score - second.score < AMBIGUITY_MARGIN };
}
