// The coverage card: figures, change, target, rank, and always "per <date>, sumber: <source>".
import type { CoverageReport } from '../../domain/coverage/coverage-report.ts';
import { formatCalendarDate, formatInteger, formatPercent, formatSignedDecimal, formatSignedInteger } from '../../i18n/format.ts';
import type { TFunction } from '../../i18n/i18n.ts';

export function coverageMessage(t: TFunction, report: CoverageReport): string {
  const { latest: s, previous: p, rank } = report;
  const lines = [t('coverage:title', { region: report.shown.name })];
  if (report.shown.code !== report.asked.code) lines.push(t('coverage:noDataHere', { asked: report.asked.name, shown: report.shown.name }));
  lines.push('');
  if (s.activeParticipants !== null) {
    lines.push(t('coverage:active', { value: formatInteger(s.activeParticipants) }));
    if (s.wageEarners !== null) lines.push(t('coverage:wageEarners', { value: formatInteger(s.wageEarners) }));
    if (s.informal !== null) lines.push(t('coverage:informal', { value: formatInteger(s.informal) }));
  } else if (s.informal !== null) {
    lines.push(t('coverage:informalOnly', { value: formatInteger(s.informal) }));
  }
  if (s.workingPopulation !== null) lines.push(t('coverage:population', { value: formatInteger(s.workingPopulation) }));
  if (s.coveragePercent !== null) lines.push(t('coverage:percent', { value: formatPercent(s.coveragePercent) }));
  if (s.targetPercent !== null && s.targetYear !== null) {
    const gap = s.coveragePercent !== null ? s.targetPercent - s.coveragePercent : 0;
    lines.push(
      gap > 0
        ? t('coverage:targetGap', { value: formatPercent(s.targetPercent), year: s.targetYear, gap: formatSignedDecimal(gap).slice(1) })
        : t('coverage:target', { value: formatPercent(s.targetPercent), year: s.targetYear }),
    );
  }
  if (p) {
    const since = formatCalendarDate(p.asOf, p.asOfPrecision);
    if (s.activeParticipants !== null && p.activeParticipants !== null)
      lines.push(t('coverage:changeParticipants', { since, value: formatSignedInteger(s.activeParticipants - p.activeParticipants) }));
    if (s.coveragePercent !== null && p.coveragePercent !== null)
      lines.push(t('coverage:changePercent', { since, value: formatSignedDecimal(s.coveragePercent - p.coveragePercent) }));
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
  lines.push('', t('coverage:source', { date: formatCalendarDate(s.asOf, s.asOfPrecision), source: s.sourceName }));
  if (s.uncertain) lines.push(t('coverage:uncertain'));
  if (s.note) lines.push(t('coverage:note', { note: s.note }));
  return lines.join('\n');
}
