// Roles: grants scoped to regions, audited, from the domain, the CLI and the admin API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentAudit } from '../src/domain/roles/audit.ts';
import { grantRole, listRoleGrants, mayActOn, revokeRole, RoleError, rolesOf } from '../src/domain/roles/roles.ts';
import { startAdminApi, type AdminApi } from './support/admin-api.ts';
import { runCli } from './support/cli.ts';
import { useSeededDatabase } from './support/postgres.ts';

const db = useSeededDatabase();

describe('roles', () => {
  it('grants an official a region and everything below it, and audits the grant', async () => {
    expect(await grantRole(db.pool, { telegramId: 900001, regionCode: '13', actor: 'test' })).toBe('granted');
    expect(await grantRole(db.pool, { telegramId: 900001, regionCode: '13', actor: 'test' })).toBe('already');
    const roles = await rolesOf(db.pool, 900001);
    expect(roles).toEqual({ admin: false, scopes: ['13'] });
    expect(mayActOn(roles, '13')).toBe(true);
    expect(mayActOn(roles, '13.73.02.2005')).toBe(true);
    expect(mayActOn(roles, '36')).toBe(false);
    expect(mayActOn(roles, '36.74')).toBe(false);
    expect(mayActOn(await rolesOf(db.pool, 900099), '13')).toBe(false);
    const [entry] = await recentAudit(db.pool, 1);
    expect(entry).toMatchObject({ actor: 'test', action: 'role.grant.official', target: 'telegram:900001', details: { regionCode: '13' } });
  });

  it('refuses an unknown region or a malformed id, and writes nothing', async () => {
    const before = (await recentAudit(db.pool, 1000)).length;
    await expect(grantRole(db.pool, { telegramId: 900002, regionCode: '99', actor: 'test' })).rejects.toThrow(RoleError);
    await expect(grantRole(db.pool, { telegramId: 'abc', regionCode: '13', actor: 'test' })).rejects.toThrow(RoleError);
    expect((await recentAudit(db.pool, 1000)).length).toBe(before);
  });

  it('revokes, and an admin may act anywhere', async () => {
    await grantRole(db.pool, { telegramId: 900003, regionCode: '36', actor: 'test' });
    expect(await revokeRole(db.pool, { telegramId: 900003, regionCode: '36', actor: 'test' })).toBe('revoked');
    expect(await revokeRole(db.pool, { telegramId: 900003, regionCode: '36', actor: 'test' })).toBe('absent');
    expect((await recentAudit(db.pool, 1))[0]).toMatchObject({ action: 'role.revoke.official' });
    await grantRole(db.pool, { telegramId: 900004, regionCode: null, actor: 'test' });
    expect(mayActOn(await rolesOf(db.pool, 900004), '96.03')).toBe(true);
  });
});

describe('npm run admin', () => {
  const cli = (args: string[]) => runCli('src/admin/admin-cli.ts', args, db.database.url);

  it('grants, lists and revokes officials, audited as the OS user', async () => {
    expect((await cli(['grant-official', '900010', '16'])).stdout).toContain('granted: 900010 16');
    const list = await cli(['list-officials']);
    expect(list.stdout).toMatch(/official\s+900010\s+16 Sumatera Selatan/);
    expect((await cli(['revoke-official', '900010', '16'])).stdout).toContain('revoked: 900010 16');
    const audit = await cli(['audit', '2']);
    expect(audit.stdout).toMatch(/cli:\S+ role\.revoke\.official telegram:900010/);
    expect(audit.stdout).toMatch(/cli:\S+ role\.grant\.official telegram:900010/);
  });

  it('issues a one-time company code, shown once', async () => {
    const result = await cli(['issue-company-code', 'SAMPEL-0002']);
    expect(result.stdout).toMatch(/code for SAMPEL-0002: [A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5} \(valid until /);
    expect((await cli(['issue-company-code', 'NOPE'])).stderr).toContain('NPP tidak dikenal');
  });

  it('explains a wrong command or an unknown region', async () => {
    expect((await cli(['grant-official', '900011'])).code).toBe(2);
    const unknown = await cli(['grant-official', '900011', '99.99']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Kode wilayah tidak dikenal');
  });
});

describe('the admin roles API', () => {
  const TOKEN = 'admin-token-0123456789abcdef';
  let api: AdminApi;
  let base: string;
  beforeAll(async () => {
    api = await startAdminApi(db, { token: TOKEN });
    base = api.base;
  });
  afterAll(() => api.close());

  const call = (method: string, url: string, body?: unknown, token: string | null = TOKEN) =>
    fetch(`${base}${url}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('refuses every call without the token', async () => {
    for (const [method, url] of [
      ['GET', '/officials'],
      ['POST', '/officials'],
      ['DELETE', '/officials/1/13'],
      ['GET', '/audit'],
    ] as const) {
      expect((await call(method, url, method === 'POST' ? { telegramId: '900020', regionCode: '13' } : undefined, null)).status).toBe(401);
    }
    expect((await listRoleGrants(db.pool)).some((g) => g.telegramId === '900020')).toBe(false);
  });

  it('grants, lists, revokes and shows the audit', async () => {
    expect((await call('POST', '/officials', { telegramId: '900020', regionCode: '13' })).status).toBe(201);
    expect((await call('POST', '/officials', { telegramId: '900020', regionCode: '99' })).status).toBe(400);
    const { grants } = (await (await call('GET', '/officials')).json()) as { grants: { telegramId: string; regionCode: string }[] };
    expect(grants).toContainEqual(expect.objectContaining({ telegramId: '900020', regionCode: '13', role: 'official' }));
    expect((await call('DELETE', '/officials/900020/13')).status).toBe(200);
    expect((await call('DELETE', '/officials/900020/13')).status).toBe(404);
    const { entries } = (await (await call('GET', '/audit?limit=2')).json()) as { entries: { actor: string; action: string }[] };
    expect(entries.map((e) => [e.actor, e.action])).toEqual([
      ['api', 'role.revoke.official'],
      ['api', 'role.grant.official'],
    ]);
  });
});
