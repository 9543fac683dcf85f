// /bantuan: what this person may do, by role (worker, company representative, official,
// admin), and /id: the person's Telegram id, which an admin needs to grant a role.
import { Composer } from 'grammy';
import { linkedCompanies } from '../../domain/companies/company-access.ts';
import { isOfficial, rolesOf } from '../../domain/roles/roles.ts';
import type { BotContext } from '../context.ts';
import { backToMenuKeyboard } from '../menu.ts';
import { BUTTONS } from '../buttons.ts';
import { commandNames } from '../commands.ts';

export const helpFeature = new Composer<BotContext>();

/** The help for everyone, then the parts for the roles this person has. */
async function helpText(ctx: BotContext): Promise<string> {
  const parts = [ctx.t('help:text')];
  if (!ctx.from) return parts[0]!;
  const [roles, companies] = await Promise.all([rolesOf(ctx.deps.pool, ctx.from.id), linkedCompanies(ctx.deps.pool, ctx.from.id)]);
  parts.push(ctx.t(companies.length ? 'help:representative' : 'help:company'));
  if (isOfficial(roles)) parts.push(ctx.t('help:official'));
  if (roles.admin) parts.push(ctx.t('help:admin'));
  return parts.join('\n\n');
}

helpFeature.command(commandNames('help'), async (ctx) => {
  await ctx.reply(await helpText(ctx), { reply_markup: backToMenuKeyboard(ctx.t) });
});

helpFeature.command(commandNames('id'), async (ctx) => {
  await ctx.reply(ctx.t('help:id', { id: ctx.from?.id ?? '' }), { reply_markup: backToMenuKeyboard(ctx.t) });
});

BUTTONS.help.on(helpFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(await helpText(ctx), { reply_markup: backToMenuKeyboard(ctx.t) });
});
