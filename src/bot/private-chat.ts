// What is personal (a reminder, one's own data) is shown and changed in a private chat only.
import type { BotContext } from './context.ts';

/**
 * True in a private chat with a sender; elsewhere says so (`messageKey`) and is false. Said as a
 * message, also for a button: its press has been answered already by the handler.
 */
export async function inPrivateChat(ctx: BotContext, messageKey: string): Promise<boolean> {
  if (ctx.chat?.type === 'private' && ctx.from) return true;
  await ctx.reply(ctx.t(messageKey));
  return false;
}
