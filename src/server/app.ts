// The HTTP face of the bot: Telegram's webhook, probes for the orchestrator, JSON everywhere.
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from 'pino';
import type { BotContext } from '../bot/context.ts';
import { adminRouter, type AdminApiOptions } from './admin-api.ts';
import { requestContext } from './request-context.ts';
import { secretMatches } from './secret.ts';

export const WEBHOOK_PATH = '/telegram/webhook';
const BODY_LIMIT = '1mb';

export interface AppOptions {
  logger: Logger;
  /** Resolves when the bot can answer (Telegram reached, the database answering); rejects with a `reason` otherwise. */
  checkReady: () => Promise<void>;
  /** Set in webhook mode. */
  webhook?: { bot: Bot<BotContext>; secret: string } | undefined;
  /** True once shutdown began: new requests are turned away so in-flight ones can finish. */
  isDraining?: () => boolean;
  admin?: AdminApiOptions | undefined;
}

export function createApp(opts: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);
  app.use(requestContext(opts.logger));
  app.use(refuseWhileDraining(opts.isDraining ?? (() => false)));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (req, res) => {
    try {
      await opts.checkReady();
      res.json({ status: 'ready' });
    } catch (err) {
      req.log.warn({ err: (err as Error).message }, 'not ready');
      res.status(503).json({ status: 'unavailable', reason: (err as { reason?: string }).reason ?? 'database' });
    }
  });

  if (opts.webhook) {
    const { bot, secret } = opts.webhook;
    // grammY compares the secret itself with ===; ours is constant-time and runs before the body is read.
    const checkSecret: RequestHandler = (req, res, next) => {
      if (secretMatches(req.get('x-telegram-bot-api-secret-token'), secret)) return next();
      req.log.warn('webhook call with a missing or wrong secret');
      res.status(401).json({ ok: false, error: 'unauthorized' });
    };
    // Telegram posts JSON; anything else gets 415 here rather than an empty body reaching grammY (a 500).
    const jsonOnly: RequestHandler = (req, res, next) => {
      if (req.is('application/json')) return next();
      res.status(415).json({ ok: false, error: 'unsupported_media_type' });
    };
    // A JSON body that is no update (no update_id) is refused too.
    const updateOnly: RequestHandler = (req, res, next) => {
      const body: unknown = req.body;
      if (typeof body === 'object' && body !== null && Number.isInteger((body as { update_id?: unknown }).update_id)) return next();
      res.status(400).json({ ok: false, error: 'not_an_update' });
    };
    app.post(
      WEBHOOK_PATH,
      checkSecret,
      jsonOnly,
      express.json({ limit: BODY_LIMIT }),
      updateOnly,
      // On timeout grammY throws: the update is answered 500, not acknowledged, and Telegram retries.
      webhookCallback(bot, 'express'),
    );
  }

  if (opts.admin) app.use('/api/admin', adminRouter(opts.admin));

  app.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  app.use(jsonErrors);
  return app;
}

function refuseWhileDraining(isDraining: () => boolean): RequestHandler {
  return (_req, res, next) => {
    if (!isDraining()) return next();
    // Not acknowledged, so Telegram delivers it again, to us after restart or to another instance.
    res.setHeader('Connection', 'close');
    res.status(503).json({ error: 'shutting_down' });
  };
}

const jsonErrors: ErrorRequestHandler = (err: { status?: number; statusCode?: number; type?: string }, req, res, _next) => {
  const status = err.status ?? err.statusCode ?? 500;
  if (status >= 500) req.log.error({ err }, 'request failed');
  const error =
    status === 413
      ? 'payload_too_large'
      : err.type === 'entity.parse.failed'
        ? 'invalid_json'
        : status >= 500
          ? 'internal_error'
          : 'bad_request';
  if (!res.headersSent) res.status(status).json({ error });
};
