// Heavy work per person is bounded: someone sending more than 20 messages or inline queries in
// 10 seconds (a script, a stuck client) has the rest ignored before they reach the database, and
// is told once. Kept in memory per instance by @grammyjs/ratelimiter: with several instances,
// each allows its share.
import { limit } from '@grammyjs/ratelimiter';
import type { MiddlewareFn } from 'grammy';
import { pickLocale } from '../../domain/users.ts';
import type { BotContext } from '../context.ts';

export const RATE_LIMIT = { updates: 20, perMs: 10_000 };

export function rateLimit(): MiddlewareFn<BotContext> {
  return limit<BotContext, never>({
    timeFrame: RATE_LIMIT.perMs,
    limit: RATE_LIMIT.updates,
    // Messages and inline queries: what a person types, and what makes the bot search. Button
    // presses carry data the bot signed, so they are its own questions answered again.
    keyGenerator: (ctx) => (ctx.callbackQuery ? undefined : ctx.from?.id.toString()),
    // The limiter returns what this returns (its type says void), so the webhook waits for the reply.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    onLimitExceeded: (ctx) => {
      // Once per excess (the library's default), before anything else has been read: the hint of Telegram's language.
      const locale = pickLocale(ctx.from?.language_code?.slice(0, 2), ctx.deps.defaultLocale);
      // Returned, so that the webhook answers once it is sent; a failure to send is nobody's error.
      if (ctx.chat?.type === 'private')
        return ctx.reply(ctx.deps.i18n.t('common:errors.tooFast', { lng: locale })).then(
          () => undefined,
          () => undefined,
        );
    },
  });
}
