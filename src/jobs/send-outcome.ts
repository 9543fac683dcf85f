// What a failed sendMessage means for the message, the same for announcements and reminders:
// a 429 pauses every send, a 403 ends the chat's subscriptions, other 4xx are final, and 5xx
// or network errors are retried with backoff, then recorded as failed.
import { GrammyError, HttpError } from 'grammy';

export const MAX_ATTEMPTS = 5;

/** 5 s, 10 s, 20 s, 40 s: the wait before each retry of a transient failure. */
export const backoffMs = (attempt: number): number => 5_000 * 2 ** (attempt - 1);

export type SendFailure =
  | { kind: 'rateLimited'; seconds: number }
  | { kind: 'blocked'; reason: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'transient'; reason: string };

export function classifySendError(err: unknown): SendFailure {
  if (err instanceof GrammyError) {
    if (err.error_code === 429) return { kind: 'rateLimited', seconds: err.parameters.retry_after ?? 1 };
    if (err.error_code === 403) return { kind: 'blocked', reason: err.description };
    if (err.error_code < 500) return { kind: 'failed', reason: `${err.error_code} ${err.description}` };
    return { kind: 'transient', reason: `${err.error_code} ${err.description}` };
  }
  return { kind: 'transient', reason: err instanceof HttpError ? `network: ${err.message}` : String(err) };
}
