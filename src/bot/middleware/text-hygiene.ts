// NUL characters cannot be stored in PostgreSQL text ("invalid byte sequence ... 0x00"): one in a
// name or a message made every update from that person fail. They are taken out of every string
// of an update before anything reads it; no one types them on purpose. Lone surrogates become
// U+FFFD (see domain/text.ts).
import type { Context, MiddlewareFn } from 'grammy';
import { wellFormed } from '../../domain/text.ts';

const NUL = new RegExp(String.fromCharCode(0), 'g');
const MAX_DEPTH = 12;

/** The value with NUL characters removed from every string in it (and made well-formed), in place where it is an object. */
export function cleanText<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return wellFormed(value.includes('\u0000') ? value.replace(NUL, '') : value) as T;
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return value;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = cleanText(record[key], depth + 1);
  return value;
}

export function textHygiene<C extends Context>(): MiddlewareFn<C> {
  return (ctx, next) => {
    cleanText(ctx.update);
    return next();
  };
}
