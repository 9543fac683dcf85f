// ContributionRule rows as the calculator reads them: an ordinary read, through Prisma Client.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { ContributionRuleData } from './contribution-calculator.ts';

type Db = Pick<PrismaClient, 'contributionRule'>;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const num = (d: { toNumber(): number } | null) => (d === null ? null : d.toNumber());

/** The rules of a segment, oldest first. */
export async function loadContributionRules(db: Db, segment: 'BPU' | 'PU' = 'BPU'): Promise<ContributionRuleData[]> {
  const rows = await db.contributionRule.findMany({ where: { segment }, orderBy: [{ validFrom: 'asc' }, { id: 'asc' }] });
  return rows.map((r) => ({
    id: r.id,
    programme: r.programme,
    segment: r.segment,
    ratePercent: num(r.ratePercent),
    flatAmount: r.flatAmount,
    discountPercent: num(r.discountPercent),
    incomeMin: r.incomeMin,
    incomeMax: r.incomeMax,
    validFrom: day(r.validFrom)!,
    validTo: day(r.validTo),
    sector: r.sector,
    legalBasis: r.legalBasis,
    uncertain: r.uncertain,
    note: r.note,
  }));
}
