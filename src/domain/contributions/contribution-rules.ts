// ContributionRule rows as the calculator reads them.
import type pg from 'pg';
import type { ContributionRuleData } from './contribution-calculator.ts';

const SELECT = `
  SELECT id, programme::text, segment::text, "ratePercent"::float8 AS "ratePercent", "flatAmount",
         "discountPercent"::float8 AS "discountPercent", "incomeMin", "incomeMax",
         "validFrom"::text AS "validFrom", "validTo"::text AS "validTo", sector::text, "legalBasis", uncertain, note
    FROM "ContributionRule" WHERE segment = $1 ORDER BY "validFrom", id`;

export async function loadContributionRules(db: Pick<pg.Pool, 'query'>, segment: 'BPU' | 'PU' = 'BPU'): Promise<ContributionRuleData[]> {
  return (await db.query<ContributionRuleData>(SELECT, [segment])).rows;
}
