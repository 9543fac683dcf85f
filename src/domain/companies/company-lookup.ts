// Finding a company by its NPP or its name, without any of its figures.
import type { PrismaClient } from '../../generated/prisma/client.ts';

type Db = Pick<PrismaClient, 'company'>;

/** The name and region of the company with this NPP. */
export async function companyByNpp(db: Db, npp: string): Promise<{ name: string; regionCode: string } | undefined> {
  return (await db.company.findUnique({ where: { npp }, select: { name: true, regionCode: true } })) ?? undefined;
}

/**
 * Prisma reads a case-insensitive `equals` as ILIKE without escaping its wildcards, so that a
 * typed "%" would match any company: they are escaped (prisma/orm#19506).
 */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A company named exactly so (any case), or with this NPP. */
export async function companyByNppOrName(db: Db, text: string): Promise<{ npp: string; name: string } | undefined> {
  const found = await db.company.findFirst({
    where: { OR: [{ npp: text }, { name: { equals: literal(text), mode: 'insensitive' } }] },
    select: { npp: true, name: true },
  });
  return found ?? undefined;
}
