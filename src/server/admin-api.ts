// The admin HTTP API (Bearer ADMIN_API_TOKEN). For now: importing knowledge-base files.
import express, { type RequestHandler, type Router } from 'express';
import type pg from 'pg';
import { bilingual, describeIssue, describeResult } from '../admin/import-report.ts';
import { IMPORT_KINDS, isImportKind } from '../domain/import/import-kinds.ts';
import { importFile } from '../domain/import/import-runner.ts';
import { recentAudit } from '../domain/roles/audit.ts';
import { grantRole, listRoleGrants, revokeRole, RoleError } from '../domain/roles/roles.ts';
import type { I18n } from '../i18n/i18n.ts';
import { secretMatches } from './secret.ts';

/** A 100,000-row coverage file is about 10 MB. */
const IMPORT_LIMIT = '50mb';

export interface AdminApiOptions {
  pool: pg.Pool;
  i18n: I18n;
  /** Unset: the API answers 503 to everything, so it is never open by accident. */
  token?: string | undefined;
}

function requireToken(token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!token) {
      res.status(503).json({ error: 'admin_api_disabled', message: 'ADMIN_API_TOKEN is not set' });
      return;
    }
    const given = /^Bearer (.+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (secretMatches(given, token)) return next();
    req.log.warn({ path: req.path }, 'admin API call without a valid token');
    res.setHeader('WWW-Authenticate', 'Bearer');
    res.status(401).json({ error: 'unauthorized' });
  };
}

export function adminRouter(opts: AdminApiOptions): Router {
  const router = express.Router();
  router.use(requireToken(opts.token));

  router.post('/import/:kind', express.raw({ type: () => true, limit: IMPORT_LIMIT }), async (req, res, next) => {
    const kind = req.params.kind as string;
    if (!isImportKind(kind)) {
      res.status(404).json({ error: 'unknown_kind', kinds: IMPORT_KINDS });
      return;
    }
    const type = req.get('content-type') ?? '';
    const format = /json/i.test(type) || req.query.format === 'json' ? 'json' : 'csv';
    const dryRun = req.query.dryRun === 'true' || req.query.dryRun === '1' || req.query.dry_run === 'true';
    const body = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '';
    try {
      const result = await importFile(opts.pool, kind, body, { format, dryRun });
      const message = bilingual((locale) => describeResult(opts.i18n, locale, result)[0]!);
      if (!result.ok) {
        req.log.info({ kind, issues: result.issueCount }, 'admin import rejected');
        res.status(422).json({
          ...result,
          message,
          issues: result.issues.map((issue) => ({ ...issue, message: bilingual((l) => describeIssue(opts.i18n, l, issue)) })),
        });
        return;
      }
      req.log.info({ kind, dryRun, rows: result.rows, inserted: result.inserted, updated: result.updated }, 'admin import');
      res.json({ ...result, message });
    } catch (err) {
      next(err);
    }
  });
  // Roles. The API acts as "api" in the audit log: whoever holds the token.
  const roleError = (err: unknown, res: express.Response, next: express.NextFunction) => {
    if (err instanceof RoleError) res.status(400).json({ error: err.code });
    else next(err);
  };
  router.get('/officials', async (_req, res, next) => {
    try {
      res.json({ grants: await listRoleGrants(opts.pool) });
    } catch (err) {
      next(err);
    }
  });
  router.post('/officials', express.json({ limit: '10kb' }), async (req, res, next) => {
    const { telegramId, regionCode } = (req.body ?? {}) as { telegramId?: unknown; regionCode?: unknown };
    if ((typeof telegramId !== 'string' && typeof telegramId !== 'number') || (regionCode !== null && typeof regionCode !== 'string')) {
      res.status(400).json({ error: 'bad_request', expected: '{ "telegramId": "123", "regionCode": "13" | null }' });
      return;
    }
    try {
      const outcome = await grantRole(opts.pool, { telegramId, regionCode, actor: 'api' });
      req.log.info({ telegramId, regionCode, outcome }, 'admin API role grant');
      res.status(outcome === 'granted' ? 201 : 200).json({ outcome });
    } catch (err) {
      roleError(err, res, next);
    }
  });
  router.delete('/officials/:telegramId{/:regionCode}', async (req, res, next) => {
    try {
      const { telegramId, regionCode } = req.params as { telegramId: string; regionCode?: string };
      const outcome = await revokeRole(opts.pool, { telegramId, regionCode: regionCode ?? null, actor: 'api' });
      req.log.info({ telegramId, regionCode, outcome }, 'admin API role revoke');
      res.status(outcome === 'revoked' ? 200 : 404).json({ outcome });
    } catch (err) {
      roleError(err, res, next);
    }
  });
  router.get('/audit', async (req, res, next) => {
    try {
      res.json({ entries: await recentAudit(opts.pool, Math.min(Number(req.query.limit ?? 100) || 100, 1000)) });
    } catch (err) {
      next(err);
    }
  });
  return router;
}
