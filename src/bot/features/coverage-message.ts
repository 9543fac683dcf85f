// The coverage card: figures, change, target, rank, and always "per <date>, sumber: <source>".
import { periodEnd, type CoverageReport, type CoverageSnapshotData } from '../../domain/coverage/coverage-report.ts';
import { dataText } from '../../i18n/data-text.ts';
import { fmt } from '../../i18n/format.ts';
import type { TFunction } from '../../i18n/i18n.ts';
import { monthsBetween } from '../../domain/calendar.ts';

/** Figures older than this say how old they are. */
export const OLD_AFTER_MONTHS = 12;

/** `today`: YYYY-MM-DD in Jakarta, for the age of the figures and whether a target year has passed. */
export function coverageMessage(t: TFunction, report: CoverageReport, today: string): string {
  const { latest: s, rank } = report;
  const lines = [t('coverage:title', { region: report.shown.name })];
  if (report.shown.code !== report.asked.code) lines.push(t('coverage:noDataHere', { asked: report.asked.name, shown: report.shown.name }));
  lines.push('');
  if (s.activeParticipants !== null) {
    lines.push(t('coverage:active', { value: fmt(t).integer(s.activeParticipants) }));
    if (s.wageEarners !== null) lines.push(t('coverage:wageEarners', { value: fmt(t).integer(s.wageEarners) }));
    if (s.informal !== null) lines.push(t('coverage:informal', { value: fmt(t).integer(s.informal) }));
  } else if (s.informal !== null) {
    lines.push(t('coverage:informalOnly', { value: fmt(t).integer(s.informal) }));
  }
  if (s.workingPopulation !== null) lines.push(t('coverage:population', { value: fmt(t).integer(s.workingPopulation) }));
  if (s.coveragePercent !== null) lines.push(t('coverage:percent', { value: fmt(t).percent(s.coveragePercent) }), t('coverage:ucj'));
  // Coverage within a sector is a part of the whole, never the region's coverage.
  if (s.wageEarnersPercent !== null || s.informalPercent !== null) {
    if (s.coveragePercent === null) lines.push(t('coverage:partsOnly'));
    if (s.wageEarnersPercent !== null) lines.push(t('coverage:wageEarnersPercent', { value: fmt(t).percent(s.wageEarnersPercent) }));
    if (s.informalPercent !== null) lines.push(t('coverage:informalPercent', { value: fmt(t).percent(s.informalPercent) }));
  }
  if (s.targetPercent !== null && s.targetYear !== null) {
    const gap = s.coveragePercent !== null ? s.targetPercent - s.coveragePercent : 0;
    const value = fmt(t).percent(s.targetPercent);
    // A target whose year has passed is shown as past, never as this year's.
    if (s.targetYear < Number(today.slice(0, 4)))
      lines.push(t(gap > 0 ? 'coverage:targetPastMissed' : 'coverage:targetPastMet', { value, year: s.targetYear }));
    else
      lines.push(
        gap > 0
          ? t('coverage:targetGap', { value, year: s.targetYear, gap: fmt(t).signedDecimal(gap).slice(1) })
          : t('coverage:target', { value, year: s.targetYear }),
      );
  }
  // The change of each figure since the last snapshot before that has it: computed only when
  // both name the same measure and source; else the earlier figure is shown with its own source.
  const before = report.history.slice(0, report.history.indexOf(s)).reverse();
  const prevActive = s.activeParticipants !== null ? before.find((b) => b.activeParticipants !== null) : undefined;
  const prevPercent = s.coveragePercent !== null ? before.find((b) => b.coveragePercent !== null) : undefined;
  const earlier = (b: CoverageSnapshotData, value: string) => ({
    since: fmt(t).calendarDate(b.asOf, b.asOfPrecision),
    before: value,
    source: b.sourceName,
  });
  if (prevActive) {
    const was = earlier(prevActive, fmt(t).integer(prevActive.activeParticipants!));
    lines.push(
      comparable(prevActive, s)
        ? t('coverage:changeParticipants', { ...was, value: fmt(t).signedInteger(s.activeParticipants! - prevActive.activeParticipants!) })
        : t('coverage:earlierParticipants', was),
    );
  }
  if (prevPercent) {
    const was = earlier(prevPercent, fmt(t).percent(prevPercent.coveragePercent!));
    lines.push(
      comparable(prevPercent, s)
        ? t('coverage:changePercent', { ...was, value: fmt(t).signedDecimal(s.coveragePercent! - prevPercent.coveragePercent!) })
        : t('coverage:earlierPercent', was),
    );
  }
  if (rank) {
    lines.push(
      t(rank.metric === 'coveragePercent' ? 'coverage:rankPercent' : 'coverage:rankParticipants', {
        position: rank.position,
        of: rank.of,
        among: t(`coverage:among.${rank.among}`),
      }),
    );
  }
  lines.push('', t('coverage:source', { date: fmt(t).calendarDate(s.asOf, s.asOfPrecision), source: s.sourceName }));
  // A figure for a whole year is as old as the year's end.
  const age = monthsBetween(periodEnd(s), today);
  if (age >= OLD_AFTER_MONTHS)
    lines.push(t('coverage:old', { date: fmt(t).calendarDate(s.asOf, s.asOfPrecision === 'year' ? 'year' : 'month'), months: age }));
  if (s.uncertain) lines.push(t('coverage:uncertain'));
  if (s.note) lines.push(t('coverage:note', { note: dataText(t, s.note, s.noteEn) }));
  lines.push(...otherFigures(t, report, [s, prevActive, prevPercent]));
  return lines.join('\n');
}

/** Two figures whose difference means something: the same measure, named, from the same source. */
const comparable = (a: CoverageSnapshotData, b: CoverageSnapshotData) =>
  a.measure !== null && a.measure === b.measure && a.sourceName === b.sourceName;

const OTHER_FIGURES = [
  ['coveragePercent', 'coverage:otherPercent', 'percent'],
  ['activeParticipants', 'coverage:otherActive', 'integer'],
  ['informal', 'coverage:otherInformal', 'integer'],
] as const;

/** At most this many figures of one kind from other sources or dates. */
const OTHERS_PER_FIGURE = 3;

/**
 * Every figure not shown above, each with its own date and source: those the latest snapshot
 * lacks, and those other sources give (of the same period or a newer uncertain one), the
 * newest of each source. Sources that disagree are listed side by side, never merged.
 */
function otherFigures(t: TFunction, report: CoverageReport, shown: (CoverageSnapshotData | undefined)[]): string[] {
  const lines: string[] = [];
  for (const [field, key, format] of OTHER_FIGURES) {
    const sources = new Set(shown.filter((h) => h?.[field] != null).map((h) => h!.sourceName));
    const listed: CoverageSnapshotData[] = [];
    for (const h of [...report.history].reverse()) {
      if (h[field] === null || sources.has(h.sourceName) || listed.length === OTHERS_PER_FIGURE) continue;
      sources.add(h.sourceName);
      listed.push(h);
    }
    for (const found of listed) {
      lines.push(
        t(key, {
          value: fmt(t)[format](found[field]!),
          date: fmt(t).calendarDate(found.asOf, found.asOfPrecision),
          source: found.sourceName,
        }) + (found.uncertain ? ' ⚠️' : ''),
      );
      if (found.note) lines.push(t('coverage:otherNote', { note: dataText(t, found.note, found.noteEn) }));
    }
  }
  return lines.length ? ['', t('coverage:otherTitle'), ...lines] : [];
}
