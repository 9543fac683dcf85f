// Questions the bot did not understand and answers people marked 👍/👎, with every run of 8
// or more digits taken out first (an NIK, a phone or KPJ number is nobody else's business).
import type { PrismaClient } from '../../generated/prisma/client.ts';

export type FeedbackKind = 'unanswered' | 'helpful' | 'unhelpful';

const LONG_DIGITS = /\d[\d\s.-]{6,}\d/g;
const MAX_QUESTION = 500;

/** "nik sy 3201234567890001 kok ga bisa" → "nik sy … kok ga bisa". */
export function withoutLongNumbers(text: string): string {
  return text
    .replace(LONG_DIGITS, (run) => (run.replace(/\D/g, '').length >= 8 ? '…' : run))
    .slice(0, MAX_QUESTION)
    .trim();
}

export async function recordFeedback(
  prisma: PrismaClient,
  entry: { kind: FeedbackKind; question: string; target?: string | undefined; locale: string },
): Promise<void> {
  // Lower case and single spaces, so that the same question typed twice is counted as one.
  const question = withoutLongNumbers(entry.question).toLowerCase().replace(/\s+/g, ' ');
  await prisma.feedback.create({ data: { kind: entry.kind, question, target: entry.target ?? null, locale: entry.locale } });
}

export interface FrequentQuestion {
  question: string;
  kind: FeedbackKind;
  target: string | null;
  count: number;
  last: Date;
}

/** The most frequent questions not understood or marked 👎. */
export async function frequentUnanswered(prisma: PrismaClient, limit = 30): Promise<FrequentQuestion[]> {
  const rows = await prisma.feedback.groupBy({
    by: ['question', 'kind', 'target'],
    where: { kind: { in: ['unanswered', 'unhelpful'] } },
    _count: { _all: true },
    _max: { createdAt: true },
    orderBy: [{ _count: { question: 'desc' } }, { _max: { createdAt: 'desc' } }],
    take: limit,
  });
  return rows.map((r) => ({ question: r.question, kind: r.kind, target: r.target, count: r._count._all, last: r._max.createdAt! }));
}
