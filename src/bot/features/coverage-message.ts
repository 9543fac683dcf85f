// The coverage card: figures, change, target, rank, and always "per <date>, sumber: <source>".
import type { CoverageReport, CoverageSnapshotData } from '../../domain/coverage/coverage-report.ts';
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
  const before = report.history.slice(0, -1).reverse();
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
  const age = monthsBetween(s.asOf, today);
  if (age >= OLD_AFTER_MONTHS) lines.push(t('coverage:old', { date: fmt(t).calendarDate(s.asOf, 'month'), months: age }));
  if (s.uncertain) lines.push(t('coverage:uncertain'));
  if (s.note) lines.push(t('coverage:note', { note: dataText(t, s.note, s.noteEn) }));
  lines.push(...otherFigures(t, report));
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

/** Figures the latest snapshot lacks, from the most recent snapshot that has each, with its own date and source. */
function otherFigures(t: TFunction, report: CoverageReport): string[] {
  const lines: string[] = [];
  for (const [field, key, format] of OTHER_FIGURES) {
    if (report.latest[field] !== null) continue;
    const found = [...report.history].reverse().find((h) => h[field] !== null);
    if (!found) continue;
    lines.push(
      t(key, {
        value: fmt(t)[format](found[field]!),
        date: fmt(t).calendarDate(found.asOf, found.asOfPrecision),
        source: found.sourceName,
      }) + (found.uncertain ? ' ⚠️' : ''),
    );
    if (found.note) lines.push(t('coverage:otherNote', { note: dataText(t, found.note, found.noteEn) }));
  }
  return lines.length ? ['', t('coverage:otherTitle'), ...lines] : [];
}
