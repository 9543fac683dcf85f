// "Which province has the most participants?": the latest figure of every region of a level
// that has one, ranked: its newest certain figure, else its newest. Figures of different
// dates and sources are listed with theirs.
import type { RegionLevel } from '../regions/region-names.ts';
import type { Queryable } from '../../db/sql.ts';


export type RankingMetric = 'activeParticipants' | 'coveragePercent';

export interface RankedRegion {
  code: string;
  name: string;
  value: number;
  asOf: string;
  asOfPrecision: 'day' | 'month' | 'year';
  sourceName: string;
  uncertain: boolean;
}

const COLUMN: Record<RankingMetric, string> = {
  activeParticipants: `s."activeParticipants"::float8`,
  coveragePercent: `s."coveragePercent"::float8`,
};

/**
 * Every region of the level with a figure, best first for "most" and worst first for "least";
 * `within` a province, only its regencies and cities.
 */
export async function rankRegions(
  db: Queryable,
  metric: RankingMetric,
  order: 'most' | 'least',
  level: RegionLevel = 'province',
  within?: string,
): Promise<RankedRegion[]> {
  const column = COLUMN[metric];
  const { rows } = await db.query<RankedRegion>(
    `SELECT * FROM (
       SELECT DISTINCT ON (r.code) r.code, r.name, ${column} AS value, s."asOf"::text AS "asOf",
              s."asOfPrecision"::text AS "asOfPrecision", s."sourceName", s.uncertain
         FROM "CoverageSnapshot" s JOIN "Region" r ON r.code = s."regionCode"
        WHERE r.level = $1::"RegionLevel" AND ${column} IS NOT NULL AND ($2::text IS NULL OR r.code LIKE $2::text || '.%')
        ORDER BY r.code, s.uncertain, s."asOf" DESC, s."sourceDate" DESC NULLS LAST) latest
     ORDER BY value ${order === 'most' ? 'DESC' : 'ASC'}, code`,
    [level, within ?? null],
  );
  return rows;
}
