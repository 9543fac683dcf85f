// /dataku: what the bot keeps about the person; /hapusdataku: deleting all of it after one
// confirmation (UU 27/2022 on personal data protection). Private chats only.
import { Composer, InlineKeyboard } from 'grammy';
import { deletePersonalData, personalDataOf } from '../../domain/personal-data.ts';
import { fmt } from '../../i18n/format.ts';
import { BUTTONS } from '../buttons.ts';
import { commandNames } from '../commands.ts';
import type { BotContext } from '../context.ts';
import { MENU } from '../menu.ts';
import { reminderWhen } from '../payment-reminder-message.ts';
import { inPrivateChat } from '../private-chat.ts';

export const myDataFeature = new Composer<BotContext>();

/** Every kind of data the bot keeps about the person, one line each, and how to delete it. */
export async function replyWithMyData(ctx: BotContext): Promise<void> {
  if (!(await inPrivateChat(ctx, 'myData:privateOnly'))) return;
  const data = await personalDataOf(ctx.deps.prisma, ctx.from!.id);
  const f = fmt(ctx.t);
  const t = ctx.t;
  const lines = [t('myData:title'), ''];
  const p = data.profile;
  lines.push(
    p
      ? t('myData:profile', {
          name: [p.firstName, p.lastName].filter(Boolean).join(' '),
          username: p.username ? ` (@${p.username})` : '',
          first: f.date(p.firstSeenAt),
          last: f.date(p.lastSeenAt),
        })
      : t('myData:noProfile'),
  );
  lines.push(data.locale ? t('myData:language', { language: t(`language:names.${data.locale}`) }) : t('myData:languageAuto'));
  lines.push(
    data.subscriptions.length
      ? t('myData:subscriptions', {
          list: data.subscriptions.map((s) => (s.active ? s.regionName : `${s.regionName} (${t('myData:inactive')})`)).join(', '),
        })
      : t('myData:noSubscriptions'),
  );
  const r = data.reminder;
  lines.push(
    !r
      ? t('myData:noReminder')
      : !r.active
        ? t('myData:reminderInactive')
        : t('myData:reminder', {
            when: reminderWhen(t, r),
            income: r.income !== null ? t('myData:reminderIncome', { income: f.rupiah(r.income) }) : '',
          }),
  );
  lines.push(data.companies.length ? t('myData:companies', { list: data.companies.join(', ') }) : t('myData:noCompanies'));
  if (data.roles.length)
    lines.push(t('myData:roles', { list: data.roles.map((g) => (g.regionCode ? `${g.role} ${g.regionCode}` : g.role)).join(', ') }));
  lines.push(
    data.context.lastQuestion || data.context.flow
      ? t('myData:context', { flow: data.context.flow ? t('myData:contextFlow') : '' })
      : t('myData:noContext'),
  );
  lines.push(t('myData:deliveries', { count: data.deliveries }), t('myData:feedback'), '', t('myData:audit'), t('myData:deleteHint'));
  await ctx.reply(lines.join('\n'), {
    reply_markup: new InlineKeyboard().text(t('myData:deleteButton'), BUTTONS.myDataDelete.data).row().text(t('coverage:menuButton'), MENU),
  });
}

/** One question before anything is deleted. */
export async function askToDelete(ctx: BotContext): Promise<void> {
  if (!(await inPrivateChat(ctx, 'myData:privateOnly'))) return;
  await ctx.reply(ctx.t('myData:confirm'), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t('myData:confirmButton'), BUTTONS.myDataDeleteConfirm.data)
      .text(ctx.t('myData:cancelButton'), BUTTONS.myDataKeep.data),
  });
}

myDataFeature.command(commandNames('myData'), replyWithMyData);
myDataFeature.command(commandNames('deleteMyData'), askToDelete);

BUTTONS.myDataDelete.on(myDataFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  await askToDelete(ctx);
});

BUTTONS.myDataDeleteConfirm.on(myDataFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!(await inPrivateChat(ctx, 'myData:privateOnly'))) return;
  await deletePersonalData(ctx.deps.prisma, ctx.from.id);
  // The answer goes without buttons: pressing one would make them a user again.
  await ctx.editMessageText(ctx.t('myData:deleted'));
});

BUTTONS.myDataKeep.on(myDataFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('myData:cancelled'), { reply_markup: new InlineKeyboard().text(ctx.t('coverage:menuButton'), MENU) });
});
