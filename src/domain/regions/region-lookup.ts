// A region's name and level by its code: ordinary reads, through Prisma Client.
import type { PrismaClient } from '../../generated/prisma/client.ts';

type Db = Pick<PrismaClient, 'region'>;

export interface RegionSummary {
  code: string;
  name: string;
  level: string;
}

/** "Sumatera Selatan" for "16"; undefined for a code that is no region. */
export async function regionName(db: Db, code: string): Promise<string | undefined> {
  return (await db.region.findUnique({ where: { code }, select: { name: true } }))?.name;
}

/** Code → name for the codes that are regions. */
export async function regionNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.region.findMany({ where: { code: { in: [...codes] } }, select: { code: true, name: true } });
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function regionSummary(db: Db, code: string): Promise<RegionSummary | undefined> {
  return (await db.region.findUnique({ where: { code }, select: { code: true, name: true, level: true } })) ?? undefined;
}

export async function regionExists(db: Db, code: string): Promise<boolean> {
  return (await db.region.count({ where: { code } })) > 0;
}
