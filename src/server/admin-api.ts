// The admin HTTP API (Bearer ADMIN_API_TOKEN): imports, officials, announcements, company codes
// and the audit log. Every parameter, query and body is checked by one zod schema each, and
// every error reaches one mapping to a status and a JSON body; nothing a caller sends gives a 500.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Router } from 'express';
import type pg from 'pg';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { z } from 'zod';
import { bilingual, describeIssue, describeResult } from '../admin/import-report.ts';
import { IMPORT_KINDS, isImportKind } from '../domain/import/import-kinds.ts';
import { ImportTooLargeError, importInWorker } from '../jobs/import-job.ts';
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
import { regionExists } from '../domain/regions/region-lookup.ts';
import { draftCeremonyAnnouncementBoth, withStopLine } from '../bot/announce-draft.ts';
import { parseTelegramHtml } from '../i18n/telegram-html.ts';
import { grantRole, listRoleGrants, revokeRole, RoleError } from '../domain/roles/roles.ts';
import type { I18n } from '../i18n/i18n.ts';
import { secretMatches } from './secret.ts';

/** A 100,000-row coverage file is about 10 MB. */
const IMPORT_LIMIT_BYTES = 50 * 1024 * 1024;

export interface AdminApiOptions {
  prisma: PrismaClient;
  pool: pg.Pool;
  /**
   * Whole-file imports run in a worker thread (jobs/import-job.ts) on a connection of their own,
   * with at most `memoryMb` of heap.
   */
  imports: { pgConfig: pg.PoolConfig; memoryMb: number };
  i18n: I18n;
  /** Wakes the broadcast runner after an approval. */
  broadcasts?: { kick(): void } | undefined;
  /** Now, for drafting invitations or winners (tests fix it). */
  clock?: (() => Date) | undefined;
  /** Unset: the API answers 503 to everything, so it is never open by accident. */
  token?: string | undefined;
}

/** An error the API answers with this status and body. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.error));
  }
}

/** Text with no NUL (PostgreSQL cannot store it) and within a length. */
const text = (max: number) =>
  z
    .string()
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'contains a NUL character');
/** A PostgreSQL integer id: "abc", "1.5", "-3" and 99999999999 are no id. */
const Id = z.object({
  id: z
    .string()
    .regex(/^\d{1,10}$/, 'a positive integer')
    .transform(Number)
    .pipe(z.number().int().positive().max(2_147_483_647)),
});
const Npp = z.object({ npp: text(40).pipe(z.string().regex(/^[A-Za-z0-9-]+$/, 'letters, digits and -')) });
const TelegramId = z.union([z.string().regex(/^\d{1,15}$/), z.number().int().positive().max(Number.MAX_SAFE_INTEGER)]);
const RegionCode = text(20).pipe(z.string().regex(/^[\d.]+$/, 'a region code such as "13" or "13.74"'));
const GrantBody = z.object({ telegramId: TelegramId, regionCode: RegionCode.nullable() });
const RevokeParams = z.object({ telegramId: z.string().regex(/^\d{1,15}$/), regionCode: RegionCode.optional() });
const AnnouncementBody = z.union([
  z.object({ ceremonyId: text(60), paidBroadcast: z.boolean().optional() }),
  z.object({ regionCode: RegionCode, text: text(20_000), paidBroadcast: z.boolean().optional() }),
]);
const AuditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
const ImportQuery = z.object({
  format: z.enum(['json', 'csv']).optional(),
  dryRun: z.enum(['true', '1', 'false', '0']).optional(),
  dry_run: z.enum(['true', '1', 'false', '0']).optional(),
});

/** The value as the schema reads it, or a 400 naming what is wrong and where. */
function valid<T>(schema: z.ZodType<T>, value: unknown, where: string, expected?: string): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw new ApiError(400, {
    error: 'bad_request',
    where,
    issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    ...(expected ? { expected } : {}),
  });
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

/** Streams the request body to `file`; more than `limit` bytes is a 413 (nothing is kept). */
async function receiveFile(req: Request, file: string, limit: number): Promise<void> {
  if (Number(req.get('content-length') ?? 0) > limit) throw new ApiError(413, { error: 'payload_too_large' });
  let received = 0;
  const bounded = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > limit ? new ApiError(413, { error: 'payload_too_large' }) : null, chunk);
    },
  });
  await pipeline(req, bounded, createWriteStream(file));
}

/** The one mapping from what went wrong to a status. Express 5 hands rejected handlers here. */
const apiErrors: ErrorRequestHandler = (err: unknown, req, res, next) => {
  if (res.headersSent) return next(err);
  if (err instanceof ApiError) return void res.status(err.status).json(err.body);
  if (err instanceof RoleError) return void res.status(400).json({ error: err.code });
  if (err instanceof CompanyAccessError) return void res.status(404).json({ error: err.code });
  if (err instanceof ImportTooLargeError) {
    return void res.status(413).json({
      error: 'import_too_large',
      message: {
        id: 'Berkas ini terlalu besar untuk diimpor sekaligus. Bagi menjadi beberapa berkas yang lebih kecil, lalu impor satu per satu.',
        en: 'This file is too large to import at once. Split it into smaller files and import them one by one.',
      },
    });
  }
  const { status, type } = err as { status?: number; type?: string };
  if (type === 'entity.parse.failed') return void res.status(400).json({ error: 'invalid_json' });
  if (status === 413) return void res.status(413).json({ error: 'payload_too_large' });
  if (status && status >= 400 && status < 500) return void res.status(status).json({ error: 'bad_request' });
  req.log.error({ err }, 'admin API request failed');
  res.status(500).json({ error: 'internal_error' });
};

export function adminRouter(opts: AdminApiOptions): Router {
  const router = express.Router();
  router.use(requireToken(opts.token));

  router.post('/import/:kind', async (req, res) => {
    const kind = req.params.kind as string;
    if (!isImportKind(kind)) throw new ApiError(404, { error: 'unknown_kind', kinds: IMPORT_KINDS });
    const query = valid(ImportQuery, req.query, 'query');
    const type = req.get('content-type') ?? '';
    const format = /json/i.test(type) || query.format === 'json' ? 'json' : 'csv';
    const dryRun = [query.dryRun, query.dry_run].some((v) => v === 'true' || v === '1');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'paritrana-import-'));
    let result;
    try {
      const file = path.join(dir, 'upload');
      await receiveFile(req, file, IMPORT_LIMIT_BYTES);
      result = await importInWorker(
        { pgConfig: opts.imports.pgConfig, kind, file, format, dryRun },
        { pool: opts.pool, memoryMb: opts.imports.memoryMb },
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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
  });

  // Roles. The API acts as "api" in the audit log: whoever holds the token.
  router.get('/officials', async (_req, res) => {
    res.json({ grants: await listRoleGrants(opts.pool) });
  });
  router.post('/officials', express.json({ limit: '10kb' }), async (req, res) => {
    const { telegramId, regionCode } = valid(GrantBody, req.body, 'body', '{ "telegramId": "123", "regionCode": "13" | null }');
    const outcome = await grantRole(opts.pool, { telegramId, regionCode, actor: 'api' });
    req.log.info({ telegramId, regionCode, outcome }, 'admin API role grant');
    res.status(outcome === 'granted' ? 201 : 200).json({ outcome });
  });
  router.delete('/officials/:telegramId{/:regionCode}', async (req, res) => {
    const { telegramId, regionCode } = valid(RevokeParams, req.params, 'path');
    const outcome = await revokeRole(opts.pool, { telegramId, regionCode: regionCode ?? null, actor: 'api' });
    req.log.info({ telegramId, regionCode, outcome }, 'admin API role revoke');
    res.status(outcome === 'revoked' ? 200 : 404).json({ outcome });
  });

  // Announcements: create (from a ceremony or a text), preview and status, approve, cancel.
  router.post('/announcements', express.json({ limit: '64kb' }), async (req, res) => {
    const body = valid(AnnouncementBody, req.body, 'body', '{ "ceremonyId": "PA2026-P13" } or { "regionCode": "13", "text": "<b>…</b>" }');
    let draft: { regionCode: string; text: string; textEn?: string; ceremonyId?: string };
    if ('ceremonyId' in body) {
      const made = await draftCeremonyAnnouncementBoth(opts, opts.i18n, body.ceremonyId, todayInJakarta(opts.clock?.() ?? new Date()));
      if (!made) throw new ApiError(404, { error: 'unknown_ceremony' });
      draft = { regionCode: made.regionCode, text: made.text, textEn: made.textEn, ceremonyId: body.ceremonyId };
    } else {
      if (!(await regionExists(opts.prisma, body.regionCode))) throw new ApiError(400, { error: 'unknown_region' });
      const parsed = parseTelegramHtml(body.text);
      if (!parsed.ok || !parsed.text.trim() || parsed.text.length > 4096) {
        throw new ApiError(400, { error: 'bad_text', reason: parsed.ok ? 'empty or over 4096 characters' : parsed.description });
      }
      draft = { regionCode: body.regionCode, text: withStopLine(opts.i18n.getFixedT('id'), body.text) };
    }
    const id = await createAnnouncement(opts.pool, { ...draft, createdBy: 'api', paidBroadcast: body.paidBroadcast === true });
    await audit(opts.pool, { actor: 'api', action: 'announcement.create', target: `announcement:${id}` });
    res.status(201).json({ id, ...(await announcementView(opts.pool, id)) });
  });
  router.get('/announcements/:id', async (req, res) => {
    const { id } = valid(Id, req.params, 'path');
    const view = await announcementView(opts.pool, id);
    if (!view) throw new ApiError(404, { error: 'not_found' });
    res.json(view);
  });
  router.post('/announcements/:id/approve', async (req, res) => {
    const { id } = valid(Id, req.params, 'path');
    const recipients = await queueAnnouncement(opts.pool, id);
    if (recipients === undefined) throw new ApiError(409, { error: 'not_a_draft' });
    await audit(opts.pool, { actor: 'api', action: 'announcement.queue', target: `announcement:${id}`, details: { recipients } });
    opts.broadcasts?.kick();
    res.json({ id, recipients });
  });
  router.post('/announcements/:id/cancel', async (req, res) => {
    const { id } = valid(Id, req.params, 'path');
    if (!(await cancelAnnouncement(opts.pool, id))) throw new ApiError(409, { error: 'not_cancellable' });
    await audit(opts.pool, { actor: 'api', action: 'announcement.cancel', target: `announcement:${id}` });
    res.json({ id, status: 'cancelled' });
  });

  // A one-time code for a company's representative, shown once.
  router.post('/companies/:npp/codes', async (req, res) => {
    const { npp } = valid(Npp, req.params, 'path');
    const { code, expiresAt } = await issueCompanyCode(opts.pool, npp, 'api');
    res.status(201).json({ npp, code, expiresAt });
  });

  router.get('/audit', async (req, res) => {
    const { limit } = valid(AuditQuery, req.query, 'query');
    res.json({ entries: await recentAudit(opts.pool, limit) });
  });

  router.use(apiErrors);
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
