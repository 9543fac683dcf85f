// Ceremonies as officials pick them: their edition and province, newest first; and the
// reminder each may send the day before.
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { Queryable } from '../../db/sql.ts';

type Db = Pick<PrismaClient, 'awardCeremony'>;

export interface CeremonyHeading {
  id: string;
  edition: number;
  /** Null for the national ceremony. */
  provinceCode: string | null;
  provinceName: string | null;
  /** YYYY-MM-DD, when known. */
  date: string | null;
}

const HEADING = { id: true, edition: true, provinceCode: true, date: true, province: { select: { name: true } } } as const;

function toHeading(c: {
  id: string;
  edition: number;
  provinceCode: string | null;
  date: Date | null;
  province: { name: string } | null;
}): CeremonyHeading {
  return {
    id: c.id,
    edition: c.edition,
    provinceCode: c.provinceCode,
    provinceName: c.province?.name ?? null,
    date: c.date?.toISOString().slice(0, 10) ?? null,
  };
}

export async function ceremonyHeading(db: Db, id: string): Promise<CeremonyHeading | undefined> {
  const c = await db.awardCeremony.findUnique({ where: { id }, select: HEADING });
  return c ? toHeading(c) : undefined;
}

/** Every ceremony, the latest first (undated ones after the dated, then by edition). */
export async function ceremonyHeadings(db: Db): Promise<CeremonyHeading[]> {
  const rows = await db.awardCeremony.findMany({
    select: HEADING,
    // Newest first: by the round's year, then its date (a ceremony whose day is unknown still sorts by its year).
    orderBy: [{ edition: 'desc' }, { date: { sort: 'desc', nulls: 'last' } }, { id: 'asc' }],
  });
  return rows.map(toHeading);
}

/** An official switches the day-before reminder of a ceremony on or off. */
export async function setCeremonyReminder(db: Db, id: string, on: boolean): Promise<void> {
  await db.awardCeremony.update({ where: { id }, data: { remind: on } });
}

/**
 * Claims the ceremonies on `day` whose reminder is due, each once across instances: one
 * set-based UPDATE … RETURNING (see docs/adr/0001-database-access.md).
 */
export async function claimDueReminders(db: Queryable, day: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE "AwardCeremony" SET "remindedAt" = now() WHERE date = $1 AND remind AND "remindedAt" IS NULL RETURNING id`,
    [day],
  );
  return rows.map((r) => r.id);
}
