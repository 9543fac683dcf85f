// Admins may do everything; an official acts only inside the regions they were granted
// (a province grant covers its regencies, districts and villages). Every change is audited
// in the same transaction.
import type pg from 'pg';
import { inTransaction } from '../../db/sql.ts';
import { audit } from './audit.ts';
import type { Roles } from './role-scope.ts';

export interface RoleGrantView {
  telegramId: string;
  role: 'admin' | 'official';
  regionCode: string | null;
  regionName: string | null;
  grantedBy: string;
  createdAt: Date;
}

// Who may act where is decided by role-scope.ts (pure, mutation-tested); re-exported here.
export { ceremonyRegion, isOfficial, mayActOn, mayManage, type Roles } from './role-scope.ts';

export class RoleError extends Error {
  constructor(readonly code: 'unknown_region' | 'bad_telegram_id') {
    super(code);
    this.name = 'RoleError';
  }
}

function telegramIdOf(value: string | number | bigint): string {
  const text = String(value).trim();
  if (!/^[1-9]\d{0,18}$/.test(text)) throw new RoleError('bad_telegram_id');
  return text;
}

export type GrantOutcome = 'granted' | 'already';
export type RevokeOutcome = 'revoked' | 'absent';

/** `regionCode` null grants admin. */
export async function grantRole(
  pool: pg.Pool,
  input: { telegramId: string | number | bigint; regionCode: string | null; actor: string },
): Promise<GrantOutcome> {
  const telegramId = telegramIdOf(input.telegramId);
  const role = input.regionCode === null ? 'admin' : 'official';
  return inTransaction(pool, async (db) => {
    if (input.regionCode !== null) {
      const { rowCount } = await db.query('SELECT 1 FROM "Region" WHERE code = $1', [input.regionCode]);
      if (!rowCount) throw new RoleError('unknown_region');
    }
    const { rowCount: exists } = await db.query(
      'SELECT 1 FROM "RoleGrant" WHERE "telegramId" = $1 AND role = $2 AND "regionCode" IS NOT DISTINCT FROM $3',
      [telegramId, role, input.regionCode],
    );
    if (exists) return 'already';
    await db.query('INSERT INTO "RoleGrant" ("telegramId", role, "regionCode", "grantedBy") VALUES ($1, $2, $3, $4)', [
      telegramId,
      role,
      input.regionCode,
      input.actor,
    ]);
    await audit(db, {
      actor: input.actor,
      action: `role.grant.${role}`,
      target: `telegram:${telegramId}`,
      details: { regionCode: input.regionCode },
    });
    return 'granted';
  });
}

export async function revokeRole(
  pool: pg.Pool,
  input: { telegramId: string | number | bigint; regionCode: string | null; actor: string },
): Promise<RevokeOutcome> {
  const telegramId = telegramIdOf(input.telegramId);
  const role = input.regionCode === null ? 'admin' : 'official';
  return inTransaction(pool, async (db) => {
    const { rowCount } = await db.query(
      'DELETE FROM "RoleGrant" WHERE "telegramId" = $1 AND role = $2 AND "regionCode" IS NOT DISTINCT FROM $3',
      [telegramId, role, input.regionCode],
    );
    if (!rowCount) return 'absent';
    await audit(db, {
      actor: input.actor,
      action: `role.revoke.${role}`,
      target: `telegram:${telegramId}`,
      details: { regionCode: input.regionCode },
    });
    return 'revoked';
  });
}

export async function listRoleGrants(db: Pick<pg.Pool, 'query'>): Promise<RoleGrantView[]> {
  const { rows } = await db.query<RoleGrantView>(
    `SELECT g."telegramId"::text AS "telegramId", g.role::text AS role, g."regionCode", r.name AS "regionName", g."grantedBy", g."createdAt"
       FROM "RoleGrant" g LEFT JOIN "Region" r ON r.code = g."regionCode"
      ORDER BY g.role, g."telegramId", g."regionCode" NULLS FIRST`,
  );
  return rows;
}

export async function rolesOf(db: Pick<pg.Pool, 'query'>, telegramId: number | bigint): Promise<Roles> {
  const { rows } = await db.query<{ role: string; regionCode: string | null }>(
    'SELECT role::text AS role, "regionCode" FROM "RoleGrant" WHERE "telegramId" = $1',
    [String(telegramId)],
  );
  return {
    admin: rows.some((r) => r.role === 'admin'),
    scopes: rows.filter((r) => r.role === 'official' && r.regionCode).map((r) => r.regionCode!),
  };
}
