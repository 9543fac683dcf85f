// The calculator's answer-first message: both packages, today's discount and what comes
// after it, per sector when the sector is not known and they differ.
import type { ContributionOverview, SectorOverview } from '../../domain/contributions/contribution-overview.ts';
import { fmt } from '../../i18n/format.ts';
import type { TFunction } from '../../i18n/i18n.ts';

function sectorLines(t: TFunction, s: SectorOverview): string[] {
  const base = s.base.total < s.base.fullTotal ? 'baseDiscounted' : 'base';
  const jht = s.withJht.total < s.withJht.fullTotal ? 'withJhtDiscounted' : 'withJht';
  const lines = [
    t(`understanding:calculator.${base}`, { total: fmt(t).rupiah(s.base.total), full: fmt(t).rupiah(s.base.fullTotal) }),
    t(`understanding:calculator.${jht}`, { total: fmt(t).rupiah(s.withJht.total), full: fmt(t).rupiah(s.withJht.fullTotal) }),
  ];
  if (s.discountPercent !== undefined) {
    const percent = fmt(t).percent(s.discountPercent);
    lines.push(
      s.discountEnds && s.after
        ? t('understanding:calculator.discount', {
            percent,
            basis: s.legalBasis,
            to: fmt(t).calendarDate(s.discountEnds),
            base: fmt(t).rupiah(s.after.base),
            withJht: fmt(t).rupiah(s.after.withJht),
          })
        : t('understanding:calculator.discountOpen', { percent, basis: s.legalBasis }),
    );
  }
  return lines;
}

export function calculatorMessage(t: TFunction, overview: ContributionOverview, date: string): string {
  const income = fmt(t).rupiah(overview.basisIncome);
  const lines = [
    overview.income === undefined
      ? t('understanding:calculator.titleMinimum', { income })
      : t('understanding:calculator.title', { income: fmt(t).rupiah(overview.income) }),
  ];
  if (overview.raisedToMinimum) lines.push(t('understanding:calculator.raised', { min: income }));
  lines.push('');
  const several = overview.sectors.length > 1;
  overview.sectors.forEach((s, i) => {
    if (several) {
      if (i) lines.push('');
      lines.push(t(s.transport ? 'understanding:calculator.sectorTransport' : 'understanding:calculator.sectorOthers'));
    }
    lines.push(...sectorLines(t, s));
  });
  if (overview.sectors.some((s) => s.uncertain)) lines.push('', t('understanding:calculator.uncertain'));
  lines.push('', t('understanding:calculator.note'), t('understanding:calculator.asOf', { date: fmt(t).calendarDate(date) }));
  return lines.join('\n');
}
