// A region's coverage: its snapshots, oldest first, and its rank among sibling regions; for
// a region without figures, those of the nearest parent that has them.
import { COUNTRY_CODE, type RegionKind, type RegionLevel } from '../regions/region-names.ts';
import type { Queryable } from '../../db/sql.ts';
import { daysApart } from '../calendar.ts';


export interface CoverageSnapshotData {
  regionCode: string;
  asOf: string;
  asOfPrecision: 'day' | 'month' | 'year';
  activeParticipants: number | null;
  wageEarners: number | null;
  informal: number | null;
  workingPopulation: number | null;
  coveragePercent: number | null;
  targetPercent: number | null;
  targetYear: number | null;
  /** What the figures count, in the source's words; null when the source did not say. */
  measure: string | null;
  sourceName: string;
  sourceUrl: string | null;
  sourceDate: string | null;
  uncertain: boolean;
  /** The public remark, in Indonesian and (where given) English; maintainers' notes are never read. */
  note: string | null;
  noteEn: string | null;
}

export interface RegionSummary {
  code: string;
  name: string;
  level: RegionLevel;
  kind: RegionKind;
}

export interface CoverageRank {
  metric: 'coveragePercent' | 'activeParticipants';
  position: number;
  of: number;
  /** The level of the regions compared, e.g. province among provinces. */
  among: RegionLevel;
}

export interface CoverageReport {
  asked: RegionSummary;
  /** The region whose figures these are: the one asked for, or its nearest parent with figures. */
  shown: RegionSummary;
  latest: CoverageSnapshotData;
  rank?: CoverageRank;
  /** Every snapshot of the shown region, oldest first (for charts). */
  history: CoverageSnapshotData[];
}

const SNAPSHOT_COLUMNS = `"regionCode", "asOf"::text AS "asOf", "asOfPrecision"::text AS "asOfPrecision", "activeParticipants",
  "wageEarners", informal, "workingPopulation", "coveragePercent"::float8 AS "coveragePercent",
  "targetPercent"::float8 AS "targetPercent", "targetYear", measure, "sourceName", "sourceUrl", "sourceDate"::text AS "sourceDate",
  uncertain, note, "noteEn"`;

/*
 * One statement (a coverage question is the most common one): the region and its ancestors,
 * nearest first; the snapshots of the nearest of them that has any ("shown"), oldest first;
 * and the latest snapshot of each region beside it (same parent), for its rank.
 */
const REPORT = `
  WITH RECURSIVE chain AS (
    SELECT code, name, level::text AS level, kind::text AS kind, "parentCode", 0 AS depth FROM "Region" WHERE code = $1
    UNION ALL
    SELECT r.code, r.name, r.level::text, r.kind::text, r."parentCode", c.depth + 1 FROM "Region" r JOIN chain c ON r.code = c."parentCode"),
  shown AS (
    SELECT c.* FROM chain c WHERE EXISTS (SELECT 1 FROM "CoverageSnapshot" s WHERE s."regionCode" = c.code)
     ORDER BY c.depth LIMIT 1),
  history AS (
    SELECT ${SNAPSHOT_COLUMNS} FROM "CoverageSnapshot" WHERE "regionCode" = (SELECT code FROM shown)),
  siblings AS (
    SELECT DISTINCT ON (s."regionCode") s."regionCode", s."asOf"::text AS "asOf", s."activeParticipants", s."coveragePercent"::float8 AS "coveragePercent"
      FROM "CoverageSnapshot" s JOIN "Region" r ON r.code = s."regionCode"
     WHERE r."parentCode" = (SELECT "parentCode" FROM shown)
     ORDER BY s."regionCode", s."asOf" DESC)
  SELECT (SELECT json_agg(c ORDER BY c.depth) FROM chain c) AS chain,
         (SELECT row_to_json(s) FROM shown s) AS shown,
         (SELECT json_agg(h ORDER BY h."asOf") FROM history h) AS history,
         (SELECT json_agg(s) FROM siblings s) AS siblings`;

interface ReportRow {
  chain: (RegionSummary & { depth: number })[] | null;
  shown: (RegionSummary & { depth: number }) | null;
  history: CoverageSnapshotData[] | null;
  siblings: Sibling[] | null;
}

interface Sibling {
  regionCode: string;
  asOf: string;
  activeParticipants: number | null;
  coveragePercent: number | null;
}

/** Ranks compare figures of the same period only: latest figures at most this far apart. */
export const SAME_PERIOD_DAYS = 92;

/**
 * The figures of two regions to set side by side: their latest, when those are of the same
 * period; else the latest pair of the same period their histories hold (both with coverage,
 * or both with participants), if any; else the latest, to be shown apart.
 */
export function samePeriodPair(
  a: CoverageSnapshotData[],
  b: CoverageSnapshotData[],
): { pair: [CoverageSnapshotData, CoverageSnapshotData]; samePeriod: boolean } | undefined {
  const latest: [CoverageSnapshotData | undefined, CoverageSnapshotData | undefined] = [a.at(-1), b.at(-1)];
  if (!latest[0] || !latest[1]) return undefined;
  if (daysApart(latest[0].asOf, latest[1].asOf) <= SAME_PERIOD_DAYS) return { pair: [latest[0], latest[1]], samePeriod: true };
  const alike = (x: CoverageSnapshotData, y: CoverageSnapshotData) =>
    (x.coveragePercent !== null && y.coveragePercent !== null) || (x.activeParticipants !== null && y.activeParticipants !== null);
  let best: [CoverageSnapshotData, CoverageSnapshotData] | undefined;
  for (const x of a)
    for (const y of b)
      if (daysApart(x.asOf, y.asOf) <= SAME_PERIOD_DAYS && alike(x, y)) {
        const older = (p: [CoverageSnapshotData, CoverageSnapshotData]) => (p[0].asOf < p[1].asOf ? p[0].asOf : p[1].asOf);
        if (!best || older([x, y]) > older(best)) best = [x, y];
      }
  return best ? { pair: best, samePeriod: true } : { pair: [latest[0], latest[1]], samePeriod: false };
}


function rankAmongSiblings(
  code: string,
  latest: CoverageSnapshotData,
  siblings: Sibling[],
  level: RegionLevel,
): CoverageRank | undefined {
  const metric = latest.coveragePercent !== null ? 'coveragePercent' : latest.activeParticipants !== null ? 'activeParticipants' : undefined;
  if (!metric) return undefined;
  // A figure of August 2025 is not ranked against one of December 2024.
  const compared = siblings.filter((s) => s[metric] !== null && daysApart(s.asOf, latest.asOf) <= SAME_PERIOD_DAYS);
  if (compared.length < 2) return undefined;
  const value = latest[metric]!;
  const position = 1 + compared.filter((s) => s.regionCode !== code && s[metric]! > value).length;
  return { metric, position, of: compared.length, among: level };
}

export async function coverageReport(db: Queryable, regionCode: string): Promise<CoverageReport | undefined> {
  const { rows } = await db.query<ReportRow>(REPORT, [regionCode]);
  const { chain, shown, history, siblings } = rows[0] ?? {};
  const asked = chain?.[0];
  if (!asked || !shown || !history?.length) return undefined;
  const latest = history.at(-1)!;
  const rank = shown.code !== COUNTRY_CODE ? rankAmongSiblings(shown.code, latest, siblings ?? [], shown.level) : undefined;
  const summary = ({ code, name, level, kind }: RegionSummary): RegionSummary => ({ code, name, level, kind });
  return {
    asked: summary(asked),
    shown: summary(shown),
    latest,
    ...(rank ? { rank } : {}),
    history,
  };
}
