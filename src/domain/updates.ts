// Telegram delivers an update again when it did not see our answer in time; each update_id is
// claimed once, in the database, so retries and other instances skip it.
import type { PrismaClient } from '../generated/prisma/client.ts';

/** True the first time an update id is claimed, false for every redelivery. */
export async function claimUpdate(prisma: PrismaClient, updateId: number): Promise<boolean> {
  const inserted = await prisma.$executeRaw`
    INSERT INTO "ProcessedUpdate" ("updateId") VALUES (${BigInt(updateId)}) ON CONFLICT DO NOTHING`;
  return inserted === 1;
}

/** Telegram retries for at most a day; older claims are only weight. */
export async function forgetProcessedUpdates(prisma: PrismaClient, olderThan: Date): Promise<number> {
  const { count } = await prisma.processedUpdate.deleteMany({ where: { receivedAt: { lt: olderThan } } });
  return count;
}
