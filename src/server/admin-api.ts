// The admin HTTP API (Bearer ADMIN_API_TOKEN). For now: importing knowledge-base files.
import express, { type RequestHandler, type Router } from 'express';
import type pg from 'pg';
import { bilingual, describeIssue, describeResult } from '../admin/import-report.ts';
import { IMPORT_KINDS, isImportKind } from '../domain/import/import-kinds.ts';
import { importFile } from '../domain/import/import-runner.ts';
import { audit, recentAudit } from '../domain/roles/audit.ts';
import { CompanyAccessError, issueCompanyCode } from '../domain/companies/company-access.ts';
import {
  announcementToSend,
  audienceSize,
  cancelAnnouncement,
  createAnnouncement,
  deliveryCounts,
  queueAnnouncement,
} from '../domain/announcements/announcements.ts';
import { todayInJakarta } from '../domain/calendar.ts';
import { draftCeremonyAnnouncement } from '../bot/announce-draft.ts';
import { parseTelegramHtml } from '../telegram/telegram-html.ts';
import { grantRole, listRoleGrants, revokeRole, RoleError } from '../domain/roles/roles.ts';
import type { I18n } from '../i18n/i18n.ts';
import { secretMatches } from './secret.ts';

/** A 100,000-row coverage file is about 10 MB. */
const IMPORT_LIMIT = '50mb';

export interface AdminApiOptions {
  pool: pg.Pool;
  /** For whole-file imports, which may take longer than the bounded pool allows a statement. */
  bulkPool?: pg.Pool;
  i18n: I18n;
  /** Wakes the broadcast runner after an approval. */
  broadcasts?: { kick(): void } | undefined;
  /** Now, for drafting invitations or winners (tests fix it). */
  clock?: (() => Date) | undefined;
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
      const result = await importFile(opts.bulkPool ?? opts.pool, kind, body, { format, dryRun });
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
  // Announcements: create (from a ceremony or a text), preview and status, approve, cancel.
  router.post('/announcements', express.json({ limit: '64kb' }), async (req, res, next) => {
    try {
      const body = (req.body ?? {}) as { ceremonyId?: unknown; regionCode?: unknown; text?: unknown; paidBroadcast?: unknown };
      let draft: { regionCode: string; text: string; ceremonyId?: string } | undefined;
      if (typeof body.ceremonyId === 'string') {
        const t = opts.i18n.getFixedT('id');
        const made = await draftCeremonyAnnouncement(opts.pool, t, body.ceremonyId, todayInJakarta(opts.clock?.() ?? new Date()));
        if (!made) return void res.status(404).json({ error: 'unknown_ceremony' });
        draft = { regionCode: made.regionCode, text: made.text, ceremonyId: body.ceremonyId };
      } else if (typeof body.regionCode === 'string' && typeof body.text === 'string') {
        const { rowCount } = await opts.pool.query('SELECT 1 FROM "Region" WHERE code = $1', [body.regionCode]);
        if (!rowCount) return void res.status(400).json({ error: 'unknown_region' });
        const parsed = parseTelegramHtml(body.text);
        if (!parsed.ok || !parsed.text.trim() || parsed.text.length > 4096) {
          return void res.status(400).json({ error: 'bad_text', reason: parsed.ok ? 'empty or over 4096 characters' : parsed.description });
        }
        draft = { regionCode: body.regionCode, text: body.text };
      } else {
        return void res.status(400).json({ error: 'bad_request', expected: '{ "ceremonyId": "PA2026-P13" } or { "regionCode": "13", "text": "<b>…</b>" }' });
      }
      const id = await createAnnouncement(opts.pool, { ...draft, createdBy: 'api', paidBroadcast: body.paidBroadcast === true });
      await audit(opts.pool, { actor: 'api', action: 'announcement.create', target: `announcement:${id}` });
      res.status(201).json({ id, ...(await announcementView(opts.pool, id)) });
    } catch (err) {
      next(err);
    }
  });
  router.get('/announcements/:id', async (req, res, next) => {
    try {
      const view = await announcementView(opts.pool, Number(req.params.id));
      if (!view) return void res.status(404).json({ error: 'not_found' });
      res.json(view);
    } catch (err) {
      next(err);
    }
  });
  router.post('/announcements/:id/approve', async (req, res, next) => {
    try {
      const id = Number(req.params.id);
      const recipients = await queueAnnouncement(opts.pool, id);
      if (recipients === undefined) return void res.status(409).json({ error: 'not_a_draft' });
      await audit(opts.pool, { actor: 'api', action: 'announcement.queue', target: `announcement:${id}`, details: { recipients } });
      opts.broadcasts?.kick();
      res.json({ id, recipients });
    } catch (err) {
      next(err);
    }
  });
  router.post('/announcements/:id/cancel', async (req, res, next) => {
    try {
      const id = Number(req.params.id);
      if (!(await cancelAnnouncement(opts.pool, id))) return void res.status(409).json({ error: 'not_cancellable' });
      await audit(opts.pool, { actor: 'api', action: 'announcement.cancel', target: `announcement:${id}` });
      res.json({ id, status: 'cancelled' });
    } catch (err) {
      next(err);
    }
  });

  // A one-time code for a company's representative, shown once.
  router.post('/companies/:npp/codes', async (req, res, next) => {
    try {
      const { code, expiresAt } = await issueCompanyCode(opts.pool, req.params.npp as string, 'api');
      res.status(201).json({ npp: req.params.npp, code, expiresAt });
    } catch (err) {
      if (err instanceof CompanyAccessError) return void res.status(404).json({ error: err.code });
      next(err);
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

/** What the API shows of an announcement: its exact text (the preview), status, audience and deliveries. */
async function announcementView(pool: pg.Pool, id: number) {
  const a = await announcementToSend(pool, id);
  if (!a) return undefined;
  return {
    id: a.id,
    status: a.status,
    regionCode: a.regionCode,
    text: a.text,
    paidBroadcast: a.paidBroadcast,
    audience: a.status === 'draft' ? await audienceSize(pool, a.regionCode) : undefined,
    deliveries: await deliveryCounts(pool, id),
  };
}
