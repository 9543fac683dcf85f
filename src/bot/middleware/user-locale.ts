import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';
import { pickLocale, recordUser } from '../../domain/users.ts';
import { translator } from '../../i18n/i18n.ts';

/** Records who wrote and gives the rest of the chain `ctx.locale` and `ctx.t` in their language. */
export function userLocale(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { prisma, i18n, defaultLocale } = ctx.deps;
    const chosen = ctx.from && !ctx.from.is_bot ? await recordUser(prisma, ctx.from) : null;
    ctx.locale = pickLocale(chosen, defaultLocale);
    ctx.t = translator(i18n, ctx.locale);
    await next();
  };
}
