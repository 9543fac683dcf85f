// The BPU rows of data/seed/contribution-rules.csv (facts.md section 4) as the calculator reads
// them, written out so that the calculator's tests run without a database (and under mutation
// testing). knowledge-base.test.ts checks that the seeded database holds exactly these.
import type { ContributionRuleData } from '../../src/domain/contributions/contribution-calculator.ts';

const BASIS = 'PP 44/2015 jo. PP 82/2019; Permenaker 5/2021';
const base = {
  segment: 'BPU',
  discountPercent: null,
  incomeMin: 1_000_000,
  incomeMax: null,
  validFrom: '2021-01-01',
  validTo: null,
  sector: 'any',
  legalBasis: BASIS,
  uncertain: false,
} as const;
const discount = {
  segment: 'BPU',
  ratePercent: null,
  flatAmount: null,
  discountPercent: 50,
  incomeMin: null,
  incomeMax: null,
  legalBasis: 'PP 50/2025',
  uncertain: true,
} as const;

/** Without their notes (for maintainers, never computed with). */
export const SEED_BPU_RULES: ContributionRuleData[] = [
  { ...base, id: 'BPU-JKK-PP44-2015', programme: 'JKK', ratePercent: 1, flatAmount: null, note: null },
  { ...base, id: 'BPU-JKM-PP44-2015', programme: 'JKM', ratePercent: null, flatAmount: 6_800, note: null },
  { ...base, id: 'BPU-JHT-PP44-2015', programme: 'JHT', ratePercent: 2, flatAmount: null, note: null },
  {
    ...discount,
    id: 'BPU-JKK-DISKON-PP50-2025-TRANSPORTASI',
    programme: 'JKK',
    validFrom: '2026-01-01',
    validTo: '2027-03-31',
    sector: 'transport',
    note: null,
  },
  {
    ...discount,
    id: 'BPU-JKM-DISKON-PP50-2025-TRANSPORTASI',
    programme: 'JKM',
    validFrom: '2026-01-01',
    validTo: '2027-03-31',
    sector: 'transport',
    note: null,
  },
  {
    ...discount,
    id: 'BPU-JKK-DISKON-PP50-2025-LAINNYA',
    programme: 'JKK',
    validFrom: '2026-04-01',
    validTo: '2026-12-31',
    sector: 'non_transport',
    note: null,
  },
  {
    ...discount,
    id: 'BPU-JKM-DISKON-PP50-2025-LAINNYA',
    programme: 'JKM',
    validFrom: '2026-04-01',
    validTo: '2026-12-31',
    sector: 'non_transport',
    note: null,
  },
];
