// What an informal worker (BPU) pays a month, from ContributionRule rows: the base rate or
// flat amount of each programme valid on the day, less any discount valid on the day for the
// worker's sector. No amount or date is written here: a new regulation is a new row.

export type Programme = 'JKK' | 'JKM' | 'JHT' | 'JP' | 'JKP';
export type SectorCondition = 'any' | 'transport' | 'non_transport';

export interface ContributionRuleData {
  id: string;
  programme: Programme;
  segment: 'BPU' | 'PU';
  ratePercent: number | null;
  flatAmount: number | null;
  discountPercent: number | null;
  incomeMin: number | null;
  incomeMax: number | null;
  /** YYYY-MM-DD, inclusive. */
  validFrom: string;
  validTo: string | null;
  sector: SectorCondition;
  legalBasis: string;
  uncertain: boolean;
  note: string | null;
}

export interface ContributionQuery {
  /** Declared monthly income, Rupiah. */
  income: number;
  withJht: boolean;
  transport: boolean;
  /** YYYY-MM-DD: the day the rules are read for. */
  date: string;
}

export interface AppliedDiscount {
  ruleId: string;
  percent: number;
  legalBasis: string;
  validFrom: string;
  validTo: string | null;
  uncertain: boolean;
}

export interface ProgrammeLine {
  programme: Programme;
  /** Before any discount. */
  fullAmount: number;
  amount: number;
  ratePercent: number | null;
  flatAmount: number | null;
  ruleId: string;
  legalBasis: string;
  discount?: AppliedDiscount;
}

export interface ContributionEstimate {
  /** The income contributions are computed from: the declared one, within the bounds. */
  basisIncome: number;
  /** The declared income was below the lowest income that can be declared. */
  raisedToMinimum: boolean;
  loweredToMaximum: boolean;
  bounds: { min: number | null; max: number | null };
  lines: ProgrammeLine[];
  total: number;
  fullTotal: number;
}

/** BPU pay for these; JHT only when chosen. JP is not open to BPU. */
const BPU_PROGRAMMES: Programme[] = ['JKK', 'JKM', 'JHT'];

const validOn = (rule: ContributionRuleData, date: string) => rule.validFrom <= date && (!rule.validTo || date <= rule.validTo);

const sectorMatches = (rule: ContributionRuleData, transport: boolean) =>
  rule.sector === 'any' || (rule.sector === 'transport') === transport;

/** The newest rule of its kind wins: a regulation replaces the one before it. */
function newest(rules: ContributionRuleData[]): ContributionRuleData | undefined {
  return [...rules].sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}

/** Undefined when no base rule is valid on the day for a programme the worker needs. */
export function estimateBpuContribution(rules: ContributionRuleData[], query: ContributionQuery): ContributionEstimate | undefined {
  const applicable = rules.filter((r) => r.segment === 'BPU' && validOn(r, query.date) && sectorMatches(r, query.transport));
  const programmes = BPU_PROGRAMMES.filter((p) => p !== 'JHT' || query.withJht);
  const bases = programmes.map((p) => newest(applicable.filter((r) => r.programme === p && r.discountPercent === null)));
  if (bases.some((b) => !b)) return undefined;
  const baseRules = bases as ContributionRuleData[];

  // The declared income must lie within every programme's bounds.
  const mins = baseRules.map((r) => r.incomeMin).filter((v): v is number => v !== null);
  const maxes = baseRules.map((r) => r.incomeMax).filter((v): v is number => v !== null);
  const min = mins.length ? Math.max(...mins) : null;
  const max = maxes.length ? Math.min(...maxes) : null;
  let basisIncome = query.income;
  if (min !== null && basisIncome < min) basisIncome = min;
  if (max !== null && basisIncome > max) basisIncome = max;

  const lines = baseRules.map((rule): ProgrammeLine => {
    const fullAmount = rule.flatAmount ?? Math.round((basisIncome * (rule.ratePercent ?? 0)) / 100);
    const discountRule = newest(applicable.filter((r) => r.programme === rule.programme && r.discountPercent !== null));
    const line: ProgrammeLine = {
      programme: rule.programme,
      fullAmount,
      amount: fullAmount,
      ratePercent: rule.ratePercent,
      flatAmount: rule.flatAmount,
      ruleId: rule.id,
      legalBasis: rule.legalBasis,
    };
    if (discountRule) {
      const percent = discountRule.discountPercent!;
      line.amount = Math.round((fullAmount * (100 - percent)) / 100);
      line.discount = {
        ruleId: discountRule.id,
        percent,
        legalBasis: discountRule.legalBasis,
        validFrom: discountRule.validFrom,
        validTo: discountRule.validTo,
        uncertain: discountRule.uncertain,
      };
    }
    return line;
  });
  return {
    basisIncome,
    raisedToMinimum: basisIncome > query.income,
    loweredToMaximum: basisIncome < query.income,
    bounds: { min, max },
    lines,
    total: lines.reduce((sum, l) => sum + l.amount, 0),
    fullTotal: lines.reduce((sum, l) => sum + l.fullAmount, 0),
  };
}
