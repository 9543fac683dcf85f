// When a worker's contribution changes because a rule ends or begins: read from the
// ContributionRule rows, never written here. A change is a day after which the amount of a
// calculation differs (the PP 50/2025 discount for non-transport workers ends on 31 December
// 2026: the day before, 50% of JKK and JKM; the day after, all of it).
import { estimateBpuContribution, type ContributionRuleData } from '../contributions/contribution-calculator.ts';
import type { Calculation } from './payment-reminders.ts';
import { addDays, nextDay } from '../calendar.ts';

/** The last days of a state of the rules, from `from` to `to`: each rule's last day, and the day before one begins. */
export function lastDaysBetween(rules: ContributionRuleData[], from: string, to: string): string[] {
  const days = new Set<string>();
  for (const rule of rules) {
    if (rule.validTo) days.add(rule.validTo);
    days.add(addDays(rule.validFrom, -1));
  }
  return [...days].filter((d) => d >= from && d <= to).sort();
}

/** What a calculation costs a month on `date`: the lowest income and the base package where it said nothing. */
export function monthlyAmount(rules: ContributionRuleData[], calculation: Calculation, date: string): number | undefined {
  return estimateBpuContribution(rules, {
    income: calculation.income ?? 0,
    withJht: calculation.withJht ?? false,
    transport: calculation.transport ?? false,
    date,
  })?.total;
}

export interface RuleChange {
  /** The last day of the amount before. */
  lastDay: string;
  before: number;
  after: number;
  /** The legal basis of the discount or rule that ends or begins. */
  legalBasis: string;
}

/** The change after `lastDay` for this calculation, if its amount changes then. */
export function changeAfter(rules: ContributionRuleData[], calculation: Calculation, lastDay: string): RuleChange | undefined {
  const before = monthlyAmount(rules, calculation, lastDay);
  const after = monthlyAmount(rules, calculation, nextDay(lastDay));
  if (before === undefined || after === undefined || before === after) return undefined;
  const ending = rules.find((r) => r.validTo === lastDay) ?? rules.find((r) => r.validFrom === nextDay(lastDay));
  return { lastDay, before, after, legalBasis: ending?.legalBasis ?? '' };
}
