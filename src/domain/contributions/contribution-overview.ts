// The calculator's first answer, before anyone is asked anything: for the income named (or
// the lowest that can be declared), the base package (JKK + JKM) and with JHT, today, with
// the discount of the worker's sector, and what each becomes when that discount ends.
// When the sector is not known and the sectors differ, both are given.
import { estimateBpuContribution, type ContributionEstimate, type ContributionRuleData } from './contribution-calculator.ts';
import { nextDay } from '../calendar.ts';

export interface SectorOverview {
  transport: boolean;
  base: ContributionEstimate;
  withJht: ContributionEstimate;
  /** The last day of the discount applied today, if one is. */
  discountEnds?: string;
  /** The totals the day after it ends. */
  after?: { base: number; withJht: number };
  discountPercent?: number;
  legalBasis?: string;
  uncertain: boolean;
}

export interface ContributionOverview {
  /** The income asked about; undefined: the lowest that can be declared was used. */
  income?: number;
  basisIncome: number;
  raisedToMinimum: boolean;
  /** One entry when the sector is known or both sectors pay the same; else others first, then transport. */
  sectors: SectorOverview[];
}

function sector(rules: ContributionRuleData[], income: number, transport: boolean, date: string): SectorOverview | undefined {
  const base = estimateBpuContribution(rules, { income, withJht: false, transport, date });
  const withJht = estimateBpuContribution(rules, { income, withJht: true, transport, date });
  if (!base || !withJht) return undefined;
  const discount = base.lines.find((l) => l.discount)?.discount;
  const overview: SectorOverview = { transport, base, withJht, uncertain: !!discount?.uncertain };
  if (discount) {
    overview.discountPercent = discount.percent;
    overview.legalBasis = discount.legalBasis;
    if (discount.validTo) {
      overview.discountEnds = discount.validTo;
      const later = nextDay(discount.validTo);
      const afterBase = estimateBpuContribution(rules, { income, withJht: false, transport, date: later });
      const afterJht = estimateBpuContribution(rules, { income, withJht: true, transport, date: later });
      if (afterBase && afterJht) overview.after = { base: afterBase.total, withJht: afterJht.total };
    }
  }
  return overview;
}

const same = (a: SectorOverview, b: SectorOverview) =>
  a.base.total === b.base.total && a.withJht.total === b.withJht.total && a.discountEnds === b.discountEnds;

export function contributionOverview(
  rules: ContributionRuleData[],
  query: { income?: number; transport?: boolean; date: string },
): ContributionOverview | undefined {
  const probe = estimateBpuContribution(rules, { income: query.income ?? 0, withJht: false, transport: false, date: query.date });
  if (!probe) return undefined;
  const income = query.income ?? probe.bounds.min ?? probe.basisIncome;
  const sectors = (query.transport === undefined ? [false, true] : [query.transport]).map((t) => sector(rules, income, t, query.date));
  if (sectors.some((s) => !s)) return undefined;
  const [first, second] = sectors as SectorOverview[];
  const shown = second && same(first!, second) ? [first!] : (sectors as SectorOverview[]);
  return {
    ...(query.income !== undefined ? { income: query.income } : {}),
    basisIncome: first!.base.basisIncome,
    raisedToMinimum: query.income !== undefined && first!.base.raisedToMinimum,
    sectors: shown,
  };
}
