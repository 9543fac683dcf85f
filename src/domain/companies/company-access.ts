// Who may see a company's figures: its verified representatives, who link with a random
// one-time code (valid 72 hours, stored only as a hash), and officials whose scope covers the
// company's region (each view audited). Five failed codes within an hour lock a person out of
// linking for an hour.
import { createHash, randomInt } from 'node:crypto';
import type pg from 'pg';
import { audit } from '../roles/audit.ts';
import { mayActOn, rolesOf } from '../roles/roles.ts';
import { inTransaction, type Queryable } from '../../db/sql.ts';

export const CODE_VALID_HOURS = 72;
export const MAX_FAILURES = 5;
const LOCKOUT_MS = 60 * 60 * 1000;
/** No 0/O, 1/I/L: codes are read from paper and typed on phones. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;

/** "k7m2-xq9p pa" → "K7M2XQ9PPA": what is hashed. */
export const normalizeCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const hashCode = (code: string) => createHash('sha256').update(normalizeCode(code)).digest('hex');

export class CompanyAccessError extends Error {
  constructor(readonly code: 'unknown_company') {
    super(code);
    this.name = 'CompanyAccessError';
  }
}

/**
 * The NPP and the code in what a person typed, however they spaced them: the code is the last
 * CODE_LENGTH letters and digits ("SAMPEL 0001 k7m2x q9ppa" → "SAMPEL0001", "K7M2XQ9PPA").
 */
export function splitNppAndCode(text: string): { npp: string; code: string } | undefined {
  // The words people put around them: "npp 12345678 kode K7M2X-Q9PPA".
  const chars = normalizeCode(text.replace(/\b(?:(?:npp|nomor|no|kode|code|perusahaan)(?:nya)?|saya|adalah|dan|and)\b[.:]?/gi, ' '));
  if (chars.length <= CODE_LENGTH) return undefined;
  return { npp: chars.slice(0, -CODE_LENGTH), code: chars.slice(-CODE_LENGTH) };
}

/** A new code for a company, shown once: "K7M2X-Q9PPA". */
export async function issueCompanyCode(
  db: Queryable,
  npp: string,
  actor: string,
  now = new Date(),
): Promise<{ code: string; expiresAt: Date }> {
  const { rowCount } = await db.query('SELECT 1 FROM "Company" WHERE npp = $1', [npp]);
  if (!rowCount) throw new CompanyAccessError('unknown_company');
  const raw = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const expiresAt = new Date(now.getTime() + CODE_VALID_HOURS * 3600 * 1000);
  await db.query(`INSERT INTO "CompanyCode" (npp, "codeHash", "expiresAt", "issuedBy") VALUES ($1, $2, $3, $4)`, [
    npp,
    hashCode(raw),
    expiresAt,
    actor,
  ]);
  await audit(db, { actor, action: 'company.code.issue', target: `company:${npp}`, details: { expiresAt: expiresAt.toISOString() } });
  return { code: `${raw.slice(0, 5)}-${raw.slice(5)}`, expiresAt };
}

export type LinkOutcome =
  { result: 'linked'; npp: string; companyName: string } | { result: 'invalid'; failuresLeft: number } | { result: 'locked'; until: Date };

/** Until when a person may not try a code, after five failures within an hour. */
async function lockedUntil(db: Queryable, telegramId: number, now: Date): Promise<Date | undefined> {
  const { rows } = await db.query<{ at: Date }>(
    `SELECT at FROM "LinkAttempt" WHERE "telegramId" = $1 AND NOT ok AND at > $2 ORDER BY at DESC LIMIT ${MAX_FAILURES}`,
    [telegramId, new Date(now.getTime() - LOCKOUT_MS)],
  );
  if (rows.length < MAX_FAILURES) return undefined;
  // Locked for an hour from the fifth failure.
  return new Date(rows[0]!.at.getTime() + LOCKOUT_MS);
}

export async function linkRepresentative(
  pool: pg.Pool,
  telegramId: number,
  npp: string,
  code: string,
  now = new Date(),
): Promise<LinkOutcome> {
  return inTransaction(pool, async (client) => {
    // One try at a time per person, across chats and instances: the count is read and the
    // attempt written under the same lock, so forty guesses at once still stop at five.
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('company-link:' || $1::text, 0))`, [telegramId]);
    const until = await lockedUntil(client, telegramId, now);
    if (until) {
      return { result: 'locked', until };
    }
    // Single use: the first to mark the code used wins. The NPP as typed: any case, with or without spaces and dashes.
    const { rows } = await client.query<{ name: string; npp: string }>(
      `UPDATE "CompanyCode" c SET "usedAt" = $4, "usedBy" = $3
         FROM "Company" co
        WHERE c."codeHash" = $1 AND regexp_replace(upper(c.npp), '[^A-Z0-9]', '', 'g') = regexp_replace(upper($2), '[^A-Z0-9]', '', 'g') AND co.npp = c.npp AND c."usedAt" IS NULL AND c."expiresAt" > $4
        RETURNING co.name, co.npp`,
      [hashCode(code), npp.trim(), telegramId, now],
    );
    const ok = rows.length === 1;
    await client.query('INSERT INTO "LinkAttempt" ("telegramId", at, ok) VALUES ($1, $2, $3)', [telegramId, now, ok]);
    if (ok) {
      const linked = rows[0]!;
      await client.query(`INSERT INTO "CompanyRepresentative" ("telegramId", npp) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
        telegramId,
        linked.npp,
      ]);
      await audit(client, { actor: `telegram:${telegramId}`, action: 'company.link', target: `company:${linked.npp}` });
      return { result: 'linked', npp: linked.npp, companyName: linked.name };
    }
    // Still under the lock: what this failure leaves is exact, however many came at once.
    const lockedNow = await lockedUntil(client, telegramId, now);
    const failures = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "LinkAttempt" WHERE "telegramId" = $1 AND NOT ok AND at > $2`,
      [telegramId, new Date(now.getTime() - LOCKOUT_MS)],
    );
    if (lockedNow) return { result: 'locked', until: lockedNow };
    return { result: 'invalid', failuresLeft: Math.max(0, MAX_FAILURES - failures.rows[0]!.n) };
  });
}

export async function unlinkRepresentative(db: Queryable, telegramId: number): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM "CompanyRepresentative" WHERE "telegramId" = $1', [telegramId]);
  if (rowCount) await audit(db, { actor: `telegram:${telegramId}`, action: 'company.unlink', target: `telegram:${telegramId}` });
  return rowCount ?? 0;
}

export async function linkedCompanies(db: Queryable, telegramId: number): Promise<{ npp: string; name: string }[]> {
  const { rows } = await db.query<{ npp: string; name: string }>(
    `SELECT c.npp, c.name FROM "CompanyRepresentative" r JOIN "Company" c ON c.npp = r.npp WHERE r."telegramId" = $1 ORDER BY c.name`,
    [telegramId],
  );
  return rows;
}

/**
 * Whether this person may see the company's figures: a representative, or an official whose
 * scope covers its region (the view is audited). Everyone else: no.
 */
export async function maySeeCompany(db: Queryable, telegramId: number, npp: string): Promise<boolean> {
  const { rows } = await db.query<{ linked: boolean; regionCode: string }>(
    `SELECT EXISTS (SELECT 1 FROM "CompanyRepresentative" WHERE "telegramId" = $1 AND npp = $2) AS linked, "regionCode"
       FROM "Company" WHERE npp = $2`,
    [telegramId, npp],
  );
  const company = rows[0];
  if (!company) return false;
  if (company.linked) return true;
  if (!mayActOn(await rolesOf(db, telegramId), company.regionCode)) return false;
  await audit(db, { actor: `telegram:${telegramId}`, action: 'company.view', target: `company:${npp}` });
  return true;
}
