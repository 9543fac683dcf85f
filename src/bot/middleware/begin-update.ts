import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';
import { beginUpdate } from '../../domain/updates.ts';
import { localeOfTelegram } from '../../domain/users.ts';
import { translator } from '../../i18n/i18n.ts';

/**
 * Handles each update once (a redelivery stops here), records who sent it, and gives the rest
 * of the chain `ctx.locale` and `ctx.t` in their language.
 */
export function beginUpdateMiddleware(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const { pool, i18n, defaultLocale, logger } = ctx.deps;
    const sender = ctx.from && !ctx.from.is_bot ? ctx.from : undefined;
    // For a message that is no command, the same statement reads the person's guided
    // conversation and the chat's free-text context (commands and buttons read them if asked).
    const text = ctx.message?.text;
    const chatId = sender && text !== undefined && !text.startsWith('/') ? ctx.chat?.id : undefined;
    const { fresh, locale, conversation, chatContext, dataVersion } = await beginUpdate(
      pool,
      ctx.me.id,
      ctx.update.update_id,
      sender,
      chatId,
    );
    // What another instance imported a moment ago is answered now: the version came with the claim.
    if (dataVersion !== undefined) ctx.deps.reads.sync(dataVersion);
    if (conversation !== undefined) ctx.preloaded.conversation = conversation ?? undefined;
    if (chatContext !== undefined) ctx.preloaded.chatContext = chatContext ?? undefined;
    if (!fresh) {
      logger.info({ updateId: ctx.update.update_id }, 'duplicate update skipped');
      return;
    }
    // Until someone picks a language with /bahasa, Telegram's language for them decides.
    ctx.locale = locale ?? localeOfTelegram(sender?.language_code, defaultLocale);
    ctx.localeChosen = locale !== null;
    ctx.t = translator(i18n, ctx.locale);
    await next();
  };
}
