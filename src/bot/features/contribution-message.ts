// The contribution estimate: each programme, the discount with its legal basis and period,
// the income bounds, and the date it is computed for.
import type { ContributionEstimate } from '../../domain/contributions/contribution-calculator.ts';
import { fmt } from '../../i18n/format.ts';
import type { TFunction } from '../../i18n/i18n.ts';

export function contributionMessage(t: TFunction, estimate: ContributionEstimate, income: number, date: string): string {
  const lines = [t('contribution:title'), '', t('contribution:income', { income: fmt(t).rupiah(income) })];
  if (estimate.raisedToMinimum) lines.push(t('contribution:raised', { min: fmt(t).rupiah(estimate.bounds.min!) }));
  if (estimate.loweredToMaximum) lines.push(t('contribution:lowered', { max: fmt(t).rupiah(estimate.bounds.max!) }));
  for (const line of estimate.lines) {
    const basis = line.ratePercent !== null ? t('contribution:rate', { rate: fmt(t).percent(line.ratePercent) }) : t('contribution:flat');
    const programme = t(`contribution:programme.${line.programme}`);
    lines.push(
      line.discount
        ? t('contribution:lineDiscounted', {
            programme,
            basis,
            full: fmt(t).rupiah(line.fullAmount),
            amount: fmt(t).rupiah(line.amount),
            percent: fmt(t).percent(line.discount.percent),
          })
        : t('contribution:line', { programme, basis, amount: fmt(t).rupiah(line.amount) }),
    );
  }
  lines.push(
    estimate.total < estimate.fullTotal
      ? t('contribution:totalDiscounted', { total: fmt(t).rupiah(estimate.total), full: fmt(t).rupiah(estimate.fullTotal) })
      : t('contribution:total', { total: fmt(t).rupiah(estimate.total) }),
  );

  // One sentence per discount rule family (same percent, basis and period).
  const discounted = estimate.lines.filter((l) => l.discount);
  const groups = new Map<string, { programmes: string[]; d: NonNullable<(typeof discounted)[number]['discount']> }>();
  for (const l of discounted) {
    const d = l.discount!;
    const key = `${d.percent}|${d.legalBasis}|${d.validFrom}|${d.validTo}`;
    (groups.get(key) ?? groups.set(key, { programmes: [], d }).get(key)!).programmes.push(l.programme);
  }
  if (groups.size) lines.push('');
  for (const { programmes, d } of groups.values()) {
    const params = {
      percent: fmt(t).percent(d.percent),
      programmes: programmes.join(' & '),
      basis: d.legalBasis,
      from: fmt(t).calendarDate(d.validFrom),
      to: d.validTo ? fmt(t).calendarDate(d.validTo) : '',
    };
    lines.push(t(d.validTo ? 'contribution:discount' : 'contribution:discountOpen', params));
    if (d.uncertain) lines.push(t('contribution:discountUncertain'));
  }
  const { min, max } = estimate.bounds;
  if (min !== null)
    lines.push(
      max !== null
        ? t('contribution:boundsBoth', { min: fmt(t).rupiah(min), max: fmt(t).rupiah(max) })
        : t('contribution:bounds', { min: fmt(t).rupiah(min) }),
    );
  lines.push(t('contribution:legal', { basis: [...new Set(estimate.lines.map((l) => l.legalBasis))].join('; ') }));
  lines.push('', t('contribution:asOf', { date: fmt(t).calendarDate(date) }));
  return lines.join('\n');
}
