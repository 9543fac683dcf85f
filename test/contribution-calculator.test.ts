// The BPU contribution calculator on the seeded ContributionRule rows (facts.md section 4),
// without a database: the rows are in support/seed-contribution-rules.ts.
import { describe, expect, it } from 'vitest';
import {
  estimateBpuContribution,
  type ContributionRuleData,
  type ContributionQuery,
} from '../src/domain/contributions/contribution-calculator.ts';
import { SEED_BPU_RULES } from './support/seed-contribution-rules.ts';

// In the order the database gives them (validFrom, id), shuffled once: the calculator must not depend on it.
const rules: ContributionRuleData[] = [...SEED_BPU_RULES].reverse();

interface Case {
  name: string;
  query: ContributionQuery;
  total: number;
  /** Amount per programme after discounts. */
  lines?: Record<string, number>;
  discounted?: boolean;
  raisedToMinimum?: boolean;
}

const q = (income: number, date: string, opts: { jht?: boolean; transport?: boolean } = {}): ContributionQuery => ({
  income,
  date,
  withJht: opts.jht ?? false,
  transport: opts.transport ?? false,
});

const CASES: Case[] = [
  {
    name: 'Rp2 juta, today, not transport: JKK and JKM halved',
    query: q(2_000_000, '2026-11-21'),
    total: 13_400,
    lines: { JKK: 10_000, JKM: 3_400 },
    discounted: true,
  },
  { name: 'the lowest income, today: about Rp8.400 (facts.md)', query: q(1_000_000, '2026-11-21'), total: 8_400, discounted: true },
  { name: 'below the lowest income: raised to Rp1 juta', query: q(500_000, '2026-11-21'), total: 8_400, raisedToMinimum: true },
  { name: 'the lowest income before PP 50/2025: Rp16.800', query: q(1_000_000, '2025-12-01'), total: 16_800, discounted: false },
  {
    name: 'with JHT, which is not discounted',
    query: q(2_000_000, '2026-11-21', { jht: true }),
    total: 53_400,
    lines: { JKK: 10_000, JKM: 3_400, JHT: 40_000 },
  },
  { name: 'transport, February 2026: discounted', query: q(2_000_000, '2026-02-15', { transport: true }), total: 13_400, discounted: true },
  { name: 'not transport, February 2026: not yet', query: q(2_000_000, '2026-02-15'), total: 26_800, discounted: false },
  { name: 'not transport, 31 March 2026: not yet', query: q(2_000_000, '2026-03-31'), total: 26_800, discounted: false },
  { name: 'not transport, 1 April 2026: from that day', query: q(2_000_000, '2026-04-01'), total: 13_400, discounted: true },
  { name: 'not transport, 31 December 2026: the last day', query: q(2_000_000, '2026-12-31'), total: 13_400, discounted: true },
  { name: 'not transport, 1 January 2027: over', query: q(2_000_000, '2027-01-01'), total: 26_800, discounted: false },
  { name: 'transport, 1 January 2027: still', query: q(2_000_000, '2027-01-01', { transport: true }), total: 13_400, discounted: true },
  {
    name: 'transport, 31 March 2027: the last day',
    query: q(2_000_000, '2027-03-31', { transport: true }),
    total: 13_400,
    discounted: true,
  },
  { name: 'transport, 1 April 2027: over', query: q(2_000_000, '2027-04-01', { transport: true }), total: 26_800, discounted: false },
  {
    name: 'Rp2,5 juta with JHT, transport, today',
    query: q(2_500_000, '2026-11-21', { jht: true, transport: true }),
    total: 65_900,
    lines: { JKK: 12_500, JKM: 3_400, JHT: 50_000 },
  },
  { name: 'Rp3 juta, today', query: q(3_000_000, '2026-11-21'), total: 18_400 },
  { name: 'an odd income is rounded to whole rupiah', query: q(1_234_567, '2026-11-21'), total: 9_573, lines: { JKK: 6_173, JKM: 3_400 } },
  {
    name: 'Rp5 juta with JHT in 2025',
    query: q(5_000_000, '2025-06-01', { jht: true }),
    total: 156_800,
    lines: { JKK: 50_000, JKM: 6_800, JHT: 100_000 },
  },
];

describe('BPU contribution calculator', () => {
  // Every BPU rule of the seed (data/seed/contribution-rules.csv) is applied by some case.
  it('applies every rule of the seed in some case', () => {
    const applied = new Set<string>();
    for (const { query } of CASES) {
      for (const line of estimateBpuContribution(rules, query)?.lines ?? []) {
        applied.add(line.ruleId);
        if (line.discount) applied.add(line.discount.ruleId);
      }
    }
    expect([...applied].sort()).toEqual([
      'BPU-JHT-PP44-2015',
      'BPU-JKK-DISKON-PP50-2025-LAINNYA',
      'BPU-JKK-DISKON-PP50-2025-TRANSPORTASI',
      'BPU-JKK-PP44-2015',
      'BPU-JKM-DISKON-PP50-2025-LAINNYA',
      'BPU-JKM-DISKON-PP50-2025-TRANSPORTASI',
      'BPU-JKM-PP44-2015',
    ]);
  });

  it.each(CASES)('$name', ({ query, total, lines, discounted, raisedToMinimum }) => {
    const estimate = estimateBpuContribution(rules, query)!;
    expect(estimate.total).toBe(total);
    if (lines) expect(Object.fromEntries(estimate.lines.map((l) => [l.programme, l.amount]))).toEqual(lines);
    if (discounted !== undefined) expect(estimate.lines.some((l) => l.discount)).toBe(discounted);
    if (raisedToMinimum !== undefined) expect(estimate.raisedToMinimum).toBe(raisedToMinimum);
    expect(estimate.bounds).toEqual({ min: 1_000_000, max: null });
  });

  it('names the discount, its legal basis and its end date', () => {
    const estimate = estimateBpuContribution(rules, q(2_000_000, '2026-11-21', { transport: true }))!;
    const jkk = estimate.lines.find((l) => l.programme === 'JKK')!;
    expect(jkk).toMatchObject({ fullAmount: 20_000, amount: 10_000, ratePercent: 1, legalBasis: expect.stringContaining('PP 44/2015') });
    expect(jkk.discount).toMatchObject({ percent: 50, legalBasis: 'PP 50/2025', validTo: '2027-03-31', uncertain: true });
  });

  it('says what the income was taken as, before and after discounts', () => {
    expect(estimateBpuContribution(rules, q(2_000_000, '2026-11-21', { transport: true }))).toMatchObject({
      basisIncome: 2_000_000,
      raisedToMinimum: false,
      loweredToMaximum: false,
      total: 13_400,
      fullTotal: 26_800,
    });
    // At the lowest income that can be declared, nothing is raised; below it, it is.
    expect(estimateBpuContribution(rules, q(1_000_000, '2025-06-01'))).toMatchObject({
      basisIncome: 1_000_000,
      raisedToMinimum: false,
      total: 16_800,
      fullTotal: 16_800,
    });
    expect(estimateBpuContribution(rules, q(600_000, '2025-06-01'))).toMatchObject({
      basisIncome: 1_000_000,
      raisedToMinimum: true,
      loweredToMaximum: false,
    });
  });

  it('ignores rules for wage earners (PU)', () => {
    const wageEarners: ContributionRuleData = {
      ...rules.find((r) => r.id === 'BPU-JKK-PP44-2015')!,
      id: 'PU-JKK',
      segment: 'PU',
      ratePercent: 5,
      validFrom: '2025-01-01',
    };
    expect(estimateBpuContribution([...rules, wageEarners], q(2_000_000, '2025-06-01'))!.total).toBe(26_800);
  });

  it('has no answer when a programme the worker needs has no rule on the day', () => {
    const withoutJkm = rules.filter((r) => r.programme !== 'JKM');
    expect(estimateBpuContribution(withoutJkm, q(2_000_000, '2025-06-01'))).toBeUndefined();
    expect(
      estimateBpuContribution(
        rules.filter((r) => r.programme !== 'JHT'),
        q(2_000_000, '2025-06-01'),
      )!.total,
    ).toBe(26_800);
  });

  it('keeps the income within the bounds of every programme at once', () => {
    const jkm = rules.find((r) => r.id === 'BPU-JKM-PP44-2015')!;
    const jkk = rules.find((r) => r.id === 'BPU-JKK-PP44-2015')!;
    const bounded = [
      ...rules.filter((r) => r.discountPercent !== null),
      { ...jkk, id: 'JKK-B', incomeMin: 1_500_000, incomeMax: 20_000_000 },
      { ...jkm, id: 'JKM-B', incomeMin: 1_000_000, incomeMax: 15_000_000 },
    ];
    // The highest minimum and the lowest maximum.
    expect(estimateBpuContribution(bounded, q(1_200_000, '2025-06-01'))).toMatchObject({
      basisIncome: 1_500_000,
      raisedToMinimum: true,
      bounds: { min: 1_500_000, max: 15_000_000 },
    });
    expect(estimateBpuContribution(bounded, q(18_000_000, '2025-06-01'))).toMatchObject({
      basisIncome: 15_000_000,
      loweredToMaximum: true,
    });
    expect(estimateBpuContribution(bounded, q(15_000_000, '2025-06-01'))).toMatchObject({
      basisIncome: 15_000_000,
      loweredToMaximum: false,
    });
    expect(estimateBpuContribution(bounded, q(2_000_000, '2025-06-01'))).toMatchObject({
      basisIncome: 2_000_000,
      raisedToMinimum: false,
      loweredToMaximum: false,
      total: 26_800,
    });
    // A bound on one programme only still bounds the whole.
    const oneBound = [
      { ...jkk, incomeMin: null },
      { ...jkm, incomeMin: null, incomeMax: 10_000_000 },
    ];
    expect(estimateBpuContribution(oneBound, q(12_000_000, '2025-06-01'))).toMatchObject({
      basisIncome: 10_000_000,
      bounds: { min: null, max: 10_000_000 },
    });
    expect(estimateBpuContribution(oneBound, q(500_000, '2025-06-01'))).toMatchObject({
      basisIncome: 500_000,
      raisedToMinimum: false,
      total: 11_800,
    });
  });

  it('has no answer for a day before any rule', () => {
    expect(estimateBpuContribution(rules, q(2_000_000, '2020-06-01'))).toBeUndefined();
  });

  it('follows a new regulation added as a row, and its income bounds', () => {
    const newer: ContributionRuleData = {
      ...rules.find((r) => r.id === 'BPU-JKM-PP44-2015')!,
      id: 'BPU-JKM-2028',
      flatAmount: 7_500,
      incomeMax: 20_000_000,
      validFrom: '2028-01-01',
    };
    const before = estimateBpuContribution([...rules, newer], q(50_000_000, '2027-12-31'))!;
    expect(before.lines.find((l) => l.programme === 'JKM')!.amount).toBe(6_800);
    const after = estimateBpuContribution([...rules, newer], q(50_000_000, '2028-01-01'))!;
    expect(after.lines.find((l) => l.programme === 'JKM')!.amount).toBe(7_500);
    expect(after).toMatchObject({ basisIncome: 20_000_000, loweredToMaximum: true, bounds: { min: 1_000_000, max: 20_000_000 } });
  });
});
