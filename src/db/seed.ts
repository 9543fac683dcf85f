// Seed data is loaded here, idempotently; the knowledge base adds its datasets to this list.
import type { PrismaClient } from '../generated/prisma/client.ts';

export type SeedReport = Record<string, number>;

export async function seedDatabase(_prisma: PrismaClient): Promise<SeedReport> {
  return {};
}
