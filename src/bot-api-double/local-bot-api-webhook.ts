/**
 * One webhook delivery as Telegram performs it: POST the update as JSON with
 * the secret header, accept any 2xx, and honour a method call in the answer
 * body (the "webhook reply" grammY can use).
 */
import type { Update } from 'grammy/types';

import type { Payload } from './local-bot-api-types.ts';

export interface WebhookTarget {
  url: string;
  secretToken?: string;
}

export type WebhookOutcome =
  { ok: true; status: number; reply?: { method: string; payload: Payload } } | { ok: false; status?: number; error: string };

export async function postUpdate(target: WebhookTarget, update: Update, cancel: AbortSignal, timeoutMs: number): Promise<WebhookOutcome> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  cancel.addEventListener('abort', abort, { once: true });
  const timer = setTimeout(abort, timeoutMs);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (target.secretToken !== undefined) headers['X-Telegram-Bot-Api-Secret-Token'] = target.secretToken;
  try {
    const res = await fetch(target.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(update),
      signal: controller.signal,
    });
    const body = await res.text();
    if (res.status < 200 || res.status > 299) {
      const error = `Wrong response from the webhook: ${res.status} ${res.statusText}`;
      return { ok: false, status: res.status, error };
    }
    const reply = parseWebhookReply(body);
    return reply === undefined ? { ok: true, status: res.status } : { ok: true, status: res.status, reply };
  } catch (error) {
    return { ok: false, error: describeFetchError(error) };
  } finally {
    clearTimeout(timer);
    cancel.removeEventListener('abort', abort);
  }
}

function parseWebhookReply(body: string): { method: string; payload: Payload } | undefined {
  if (body.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { method, ...payload } = parsed as Record<string, unknown>;
  return typeof method === 'string' && method !== '' ? { method, payload } : undefined;
}

/** Node's fetch says only "fetch failed"; the useful reason (ECONNREFUSED…) is in `cause`. */
function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : error.message;
}
