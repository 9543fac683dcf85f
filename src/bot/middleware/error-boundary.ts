import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';
import { pickLocale } from '../../domain/users.ts';

/**
 * Outermost: whatever fails below, the person gets a short apology in their language and the
 * error is logged with the update id. Sending the apology may fail too (blocked bot, Telegram
 * down); that is logged, never thrown, so one bad update cannot stop the others.
 */
export function errorBoundary(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      const { logger, i18n, defaultLocale } = ctx.deps;
      logger.error({ err, updateId: ctx.update.update_id }, 'update handler failed');
      if (!ctx.chat) return;
      // Before the user's choice is known, Telegram's language hint will do.
      const locale = ctx.locale ?? pickLocale(ctx.from?.language_code?.slice(0, 2), defaultLocale);
      const text = i18n.t('common:errors.apology', { lng: locale });
      try {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery();
        await ctx.reply(text);
      } catch (replyErr) {
        logger.warn({ err: replyErr, updateId: ctx.update.update_id }, 'could not send the apology');
      }
    }
  };
}
