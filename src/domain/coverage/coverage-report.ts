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
  /** Parts of the whole: coverage among formal (PU) and among informal (BPU) workers. */
  wageEarnersPercent: number | null;
  informalPercent: number | null;
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
  /** The figure to lead with: the newest certain one, else the newest (see `headline`). */
  latest: CoverageSnapshotData;
  rank?: CoverageRank;
  /** Every snapshot of the shown region, oldest first by the end of its period (for charts). */
  history: CoverageSnapshotData[];
}

const SNAPSHOT_COLUMNS = `"regionCode", "asOf"::text AS "asOf", "asOfPrecision"::text AS "asOfPrecision", "activeParticipants",
  "wageEarners", informal, "workingPopulation", "coveragePercent"::float8 AS "coveragePercent",
  "wageEarnersPercent"::float8 AS "wageEarnersPercent", "informalPercent"::float8 AS "informalPercent", "targetPercent"::float8 AS "targetPercent", "targetYear", measure, "sourceName", "sourceUrl", "sourceDate"::text AS "sourceDate",
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
    SELECT DISTINCT ON (s."regionCode") s."regionCode", s."asOf"::text AS "asOf", s."asOfPrecision"::text AS "asOfPrecision", s."activeParticipants", s."coveragePercent"::float8 AS "coveragePercent"
      FROM "CoverageSnapshot" s JOIN "Region" r ON r.code = s."regionCode"
     WHERE r."parentCode" = (SELECT "parentCode" FROM shown) AND NOT s.uncertain
     ORDER BY s."regionCode", s."asOf" DESC)
  SELECT (SELECT json_agg(c ORDER BY c.depth) FROM chain c) AS chain,
         (SELECT row_to_json(s) FROM shown s) AS shown,
         (SELECT json_agg(h) FROM history h) AS history,
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
  asOfPrecision: CoverageSnapshotData['asOfPrecision'];
  activeParticipants: number | null;
  coveragePercent: number | null;
}

/** The last day of a snapshot's period: a figure "for 2025" follows one of June 2025. */
export function periodEnd(s: Pick<CoverageSnapshotData, 'asOf' | 'asOfPrecision'>): string {
  if (s.asOfPrecision === 'day') return s.asOf;
  const [y, m] = s.asOf.split('-').map(Number) as [number, number];
  const end = s.asOfPrecision === 'year' ? new Date(Date.UTC(y + 1, 0, 0)) : new Date(Date.UTC(y, m, 0));
  return end.toISOString().slice(0, 10);
}

/** Days between two snapshots' periods: 0 when they overlap ("2023" and 31 March 2023). */
export function periodsApart(a: CoverageSnapshotData | Sibling, b: CoverageSnapshotData | Sibling): number {
  const [first, second] = a.asOf <= b.asOf ? [a, b] : [b, a];
  const end = periodEnd(first);
  return end >= second.asOf ? 0 : daysApart(end, second.asOf);
}

/** Snapshots oldest first by the end of their period; of one period, the later-published last. */
export function inPeriodOrder(history: CoverageSnapshotData[]): CoverageSnapshotData[] {
  const key = (s: CoverageSnapshotData) => `${periodEnd(s)} ${s.sourceDate ?? ''}`;
  return [...history].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The figure to lead with: the newest that is not marked uncertain, else the newest. A newer
 * uncertain figure (a rounded "~42%" in a speech) is shown beside it, never instead of it.
 */
export function headline(history: CoverageSnapshotData[]): CoverageSnapshotData | undefined {
  return history.findLast((h) => !h.uncertain) ?? history.at(-1);
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
  const latest: [CoverageSnapshotData | undefined, CoverageSnapshotData | undefined] = [headline(a), headline(b)];
  if (!latest[0] || !latest[1]) return undefined;
  if (periodsApart(latest[0], latest[1]) <= SAME_PERIOD_DAYS) return { pair: [latest[0], latest[1]], samePeriod: true };
  const alike = (x: CoverageSnapshotData, y: CoverageSnapshotData) =>
    (x.coveragePercent !== null && y.coveragePercent !== null) || (x.activeParticipants !== null && y.activeParticipants !== null);
  let best: [CoverageSnapshotData, CoverageSnapshotData] | undefined;
  for (const x of a)
    for (const y of b)
      if (periodsApart(x, y) <= SAME_PERIOD_DAYS && alike(x, y)) {
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
  const compared = siblings.filter((s) => s[metric] !== null && periodsApart(s, latest) <= SAME_PERIOD_DAYS);
  if (compared.length < 2) return undefined;
  const value = latest[metric]!;
  const position = 1 + compared.filter((s) => s.regionCode !== code && s[metric]! > value).length;
  return { metric, position, of: compared.length, among: level };
}

export async function coverageReport(db: Queryable, regionCode: string): Promise<CoverageReport | undefined> {
  const { rows } = await db.query<ReportRow>(REPORT, [regionCode]);
  const { chain, shown, siblings } = rows[0] ?? {};
  const asked = chain?.[0];
  const history = inPeriodOrder(rows[0]?.history ?? []);
  const latest = headline(history);
  if (!asked || !shown || !latest) return undefined;
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
