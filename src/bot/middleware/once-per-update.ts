import type { MiddlewareFn } from 'grammy';
import type { BotContext } from '../context.ts';
import { claimUpdate } from '../../domain/updates.ts';

export function oncePerUpdate(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (await claimUpdate(ctx.deps.prisma, ctx.update.update_id)) return next();
    ctx.deps.logger.info({ updateId: ctx.update.update_id }, 'duplicate update skipped');
  };
}
