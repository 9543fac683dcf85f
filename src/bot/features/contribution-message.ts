// The contribution estimate: each programme, the discount with its legal basis and period,
// the income bounds, and the date it is computed for.
import type { ContributionEstimate } from '../../domain/contributions/contribution-calculator.ts';
import { formatCalendarDate, formatPercent, formatRupiah } from '../../i18n/format.ts';
import type { TFunction } from '../../i18n/i18n.ts';

export function contributionMessage(t: TFunction, estimate: ContributionEstimate, income: number, date: string): string {
  const lines = [t('contribution:title'), '', t('contribution:income', { income: formatRupiah(income) })];
  if (estimate.raisedToMinimum) lines.push(t('contribution:raised', { min: formatRupiah(estimate.bounds.min!) }));
  if (estimate.loweredToMaximum) lines.push(t('contribution:lowered', { max: formatRupiah(estimate.bounds.max!) }));
  for (const line of estimate.lines) {
    const basis = line.ratePercent !== null ? t('contribution:rate', { rate: formatPercent(line.ratePercent) }) : t('contribution:flat');
    const programme = t(`contribution:programme.${line.programme}`);
    lines.push(
      line.discount
        ? t('contribution:lineDiscounted', {
            programme,
            basis,
            full: formatRupiah(line.fullAmount),
            amount: formatRupiah(line.amount),
            percent: formatPercent(line.discount.percent),
          })
        : t('contribution:line', { programme, basis, amount: formatRupiah(line.amount) }),
    );
  }
  lines.push(
    estimate.total < estimate.fullTotal
      ? t('contribution:totalDiscounted', { total: formatRupiah(estimate.total), full: formatRupiah(estimate.fullTotal) })
      : t('contribution:total', { total: formatRupiah(estimate.total) }),
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
      percent: formatPercent(d.percent),
      programmes: programmes.join(' & '),
      basis: d.legalBasis,
      from: formatCalendarDate(d.validFrom),
      to: d.validTo ? formatCalendarDate(d.validTo) : '',
    };
    lines.push(t(d.validTo ? 'contribution:discount' : 'contribution:discountOpen', params));
    if (d.uncertain) lines.push(t('contribution:discountUncertain'));
  }
  const { min, max } = estimate.bounds;
  if (min !== null)
    lines.push(
      max !== null
        ? t('contribution:boundsBoth', { min: formatRupiah(min), max: formatRupiah(max) })
        : t('contribution:bounds', { min: formatRupiah(min) }),
    );
  lines.push(t('contribution:legal', { basis: [...new Set(estimate.lines.map((l) => l.legalBasis))].join('; ') }));
  lines.push('', t('contribution:asOf', { date: formatCalendarDate(date) }));
  return lines.join('\n');
}
