// /umumkan: an official picks a ceremony (the bot drafts the invitation or the winners) or
// writes a text for a region within their scope; sees the exact message; confirms or
// cancels. Once queued, one status message follows the sending and can stop it.
import { outOfScope } from '../official-scope.ts';
import { Composer, InlineKeyboard } from 'grammy';
import { BUTTONS } from '../buttons.ts';
import {
  audienceSize,
  cancelAnnouncement,
  createAnnouncement,
  queueAnnouncement,
  setStatusMessage,
  announcementToSend,
} from '../../domain/announcements/announcements.ts';
import { todayInJakarta } from '../../domain/calendar.ts';
import { resolveRegion } from '../../domain/regions/region-resolver.ts';
import { audit } from '../../domain/roles/audit.ts';
import { ceremonyRegion, isOfficial, mayManage, type Roles, rolesOf } from '../../domain/roles/roles.ts';
import { fmt } from '../../i18n/format.ts';
import { escapeBareSymbols, parseTelegramHtml } from '../../i18n/telegram-html.ts';
import type { BotContext } from '../context.ts';
import { draftCeremonyAnnouncementBoth, withStopLine } from '../announce-draft.ts';
import { ceremonyHeading, ceremonyHeadings, setCeremonyReminder } from '../../domain/awards/ceremonies.ts';
import { commandNames } from '../commands.ts';
import { ceremonyTitle } from './awards-message.ts';
import { guidedFlow } from '../guided-flow.ts';

export const announceFeature = new Composer<BotContext>();
const flow = guidedFlow<'region' | 'text' | 'english', { regionCode?: string; html?: string }>('umumkan');
const CEREMONY_CHOICES = 8;

async function allowed(ctx: BotContext): Promise<Roles | undefined> {
  const roles = await rolesOf(ctx.deps.pool, ctx.from!.id);
  if (!isOfficial(roles)) {
    await ctx.reply(ctx.t('announce:notAllowed', { id: ctx.from?.id ?? '' }));
    return undefined;
  }
  return roles;
}

/** Shows the exact message and how many will receive it, with send and cancel buttons. */
async function preview(ctx: BotContext, announcementId: number, text: string, regionCode: string, english = false): Promise<void> {
  const count = await audienceSize(ctx.deps.pool, regionCode);
  await ctx.reply(text, { link_preview_options: { is_disabled: true } });
  const note = ctx.t('announce:previewNote', { count: fmt(ctx.t).integer(count) });
  await ctx.reply(english ? `${note}\n${ctx.t('announce:previewEnglish')}` : note, {
    reply_markup: new InlineKeyboard()
      .text(ctx.t('announce:send', { count: fmt(ctx.t).integer(count) }), BUTTONS.announceSend.data(announcementId))
      .text(ctx.t('announce:cancel'), BUTTONS.announceDiscard.data(announcementId)),
  });
}

announceFeature.command(commandNames('announce'), async (ctx) => {
  const roles = await allowed(ctx);
  if (!roles) return;
  if (ctx.chat.type !== 'private') return void (await ctx.reply(ctx.t('announce:privateOnly')));
  const mine = (await ceremonyHeadings(ctx.deps.prisma))
    .filter((c) => mayManage(roles, ceremonyRegion(c.provinceCode)))
    .slice(0, CEREMONY_CHOICES);
  const keyboard = new InlineKeyboard();
  for (const c of mine) keyboard.text(ceremonyTitle(ctx.t, c.edition, c.provinceName), BUTTONS.announceCeremony.data(c.id)).row();
  keyboard.text(ctx.t('announce:freeText'), BUTTONS.announceFreeText.data);
  await ctx.reply(ctx.t(mine.length ? 'announce:choose' : 'announce:noCeremonies'), { reply_markup: keyboard });
});

// A ceremony picked: the draft is the invitation before its date, the winners after.
BUTTONS.announceCeremony.on(announceFeature, async (ctx, ceremonyId) => {
  await ctx.answerCallbackQuery();
  const roles = await allowed(ctx);
  if (!roles) return;
  const draft = await draftCeremonyAnnouncementBoth(ctx.deps, ctx.deps.i18n, ceremonyId, todayInJakarta(ctx.deps.clock?.() ?? new Date()));
  if (!draft) return;
  // Checked here, not when the list was shown: button data can be forged.
  if (!mayManage(roles, draft.regionCode)) return void (await ctx.reply(await outOfScope(ctx, roles, draft.regionName)));
  const id = await createAnnouncement(ctx.deps.pool, {
    regionCode: draft.regionCode,
    text: draft.text,
    textEn: draft.textEn,
    ceremonyId,
    createdBy: `telegram:${ctx.from.id}`,
  });
  await preview(ctx, id, draft.text, draft.regionCode, true);
});

BUTTONS.announceFreeText.on(announceFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (!(await allowed(ctx))) return;
  await flow.save(ctx, 'region', {});
  await ctx.reply(ctx.t('announce:askRegion'));
});

/** The official's own text, with the stop line; the English one, if given, for those who chose English. */
async function createOwn(ctx: BotContext & { from: { id: number } }, regionCode: string, html: string, english?: string): Promise<void> {
  await flow.end(ctx);
  const text = withStopLine(ctx.deps.i18n.getFixedT('id'), html);
  const textEn = english === undefined ? null : withStopLine(ctx.deps.i18n.getFixedT('en'), english);
  const id = await createAnnouncement(ctx.deps.pool, { regionCode, text, textEn, createdBy: `telegram:${ctx.from.id}` });
  await preview(ctx, id, text, regionCode, textEn !== null);
}

/** The official's HTML, escaped as meant and checked as Telegram would; undefined once told what is wrong. */
async function checkedHtml(ctx: BotContext, typed: string): Promise<string | undefined> {
  const html = escapeBareSymbols(typed);
  const parsed = parseTelegramHtml(html);
  if (parsed.ok) return html;
  await ctx.reply(ctx.t(`announce:badText.${htmlProblem(parsed.description)}`));
  return undefined;
}

BUTTONS.announceSkipEnglish.on(announceFeature, async (ctx) => {
  const data = await flow.atButton(ctx, 'english');
  if (!data?.regionCode || data.html === undefined) return;
  await ctx.answerCallbackQuery();
  if (!(await allowed(ctx))) return void (await flow.end(ctx));
  await createOwn(ctx, data.regionCode, data.html);
});

// The region, then the text, of a free-text announcement, then its English if the official has one.
flow.onText(announceFeature, async (ctx, { step, data }) => {
  const roles = await allowed(ctx);
  if (!roles) return void (await flow.end(ctx));
  const text = ctx.message.text.trim();
  if (step === 'region') {
    const { candidates } = await resolveRegion(ctx.deps.pool, text, { limit: 1 });
    const region = candidates[0];
    if (!region) return void (await ctx.reply(ctx.t('announce:notFound', { text })));
    if (!mayManage(roles, region.code)) return void (await ctx.reply(await outOfScope(ctx, roles, region.name)));
    await flow.save(ctx, 'text', { regionCode: region.code });
    return void (await ctx.reply(ctx.t('announce:askText')));
  }
  // The official's own text: "&" and the like escaped as meant, then checked as Telegram would,
  // so that the broadcast cannot fail on it; what is still wrong is said in the person's words.
  const html = await checkedHtml(ctx, ctx.message.text);
  if (html === undefined) return;
  const regionCode = String(data.regionCode);
  if (step === 'english') return createOwn(ctx, regionCode, String(data.html), html);
  await flow.save(ctx, 'english', { regionCode, html });
  await ctx.reply(ctx.t('announce:askEnglish'), {
    reply_markup: new InlineKeyboard().text(ctx.t('announce:skipEnglish'), BUTTONS.announceSkipEnglish.data),
  });
});

/** What is wrong with an official's HTML, as a key of `announce:badText`. */
function htmlProblem(description: string): 'tag' | 'closing' | 'other' {
  if (/Unsupported start tag|must have/.test(description)) return 'tag';
  if (/end tag|Unclosed|Can't find end tag/.test(description)) return 'closing';
  return 'other';
}

/** The announcement a button names, if this person made it (or is an admin) and may announce for its region. */
async function ownAnnouncement(ctx: BotContext, id: number) {
  const announcement = await announcementToSend(ctx.deps.pool, id);
  const roles = await rolesOf(ctx.deps.pool, ctx.from!.id);
  if (
    !announcement ||
    !mayManage(roles, announcement.regionCode) ||
    (!roles.admin && announcement.createdBy !== `telegram:${ctx.from!.id}`)
  ) {
    await ctx.answerCallbackQuery({ text: ctx.t('announce:stale'), show_alert: true });
    return undefined;
  }
  return announcement;
}

BUTTONS.announceSend.on(announceFeature, async (ctx, id) => {
  if (!(await ownAnnouncement(ctx, id))) return;
  const recipients = await queueAnnouncement(ctx.deps.pool, id);
  if (recipients === undefined) return void (await ctx.answerCallbackQuery({ text: ctx.t('announce:stale'), show_alert: true }));
  await ctx.answerCallbackQuery();
  await audit(ctx.deps.pool, {
    actor: `telegram:${ctx.from.id}`,
    action: 'announcement.queue',
    target: `announcement:${id}`,
    details: { recipients },
  });
  const status = await ctx.reply(ctx.t('announce:sending', { id, count: fmt(ctx.t).integer(recipients) }), {
    reply_markup: new InlineKeyboard().text(ctx.t('announce:stop'), BUTTONS.announceStop.data(id)),
  });
  await setStatusMessage(ctx.deps.pool, id, status.chat.id, status.message_id);
  ctx.deps.broadcasts?.kick();
});

BUTTONS.announceDiscard.on(announceFeature, async (ctx, id) => {
  const announcement = await ownAnnouncement(ctx, id);
  if (!announcement) return;
  await ctx.answerCallbackQuery();
  if (announcement.status === 'draft') await cancelAnnouncement(ctx.deps.pool, id);
  await ctx.reply(ctx.t('announce:discarded'));
});

BUTTONS.announceStop.on(announceFeature, async (ctx, id) => {
  if (!(await ownAnnouncement(ctx, id))) return;
  await ctx.answerCallbackQuery();
  if (await cancelAnnouncement(ctx.deps.pool, id)) {
    await audit(ctx.deps.pool, { actor: `telegram:${ctx.from.id}`, action: 'announcement.cancel', target: `announcement:${id}` });
  }
});

// /pengingat <kode> mati|hidup: the day-before reminder of a ceremony within the official's scope.
announceFeature.command(commandNames('reminder'), async (ctx) => {
  const roles = await allowed(ctx);
  if (!roles) return;
  const [id, switchWord] = ctx.match.trim().split(/\s+/);
  const on = switchWord && /^(hidup|nyala|on|ya)$/i.test(switchWord);
  const off = switchWord && /^(mati|off|tidak)$/i.test(switchWord);
  if (!id || (!on && !off)) return void (await ctx.reply(ctx.t('announce:reminderUsage')));
  const ceremony = await ceremonyHeading(ctx.deps.prisma, id);
  if (!ceremony) return void (await ctx.reply(ctx.t('announce:reminderUnknown', { id })));
  if (!mayManage(roles, ceremonyRegion(ceremony.provinceCode)))
    return void (await ctx.reply(await outOfScope(ctx, roles, ceremony.provinceName ?? 'Indonesia')));
  await setCeremonyReminder(ctx.deps.prisma, id, !!on);
  await audit(ctx.deps.pool, {
    actor: `telegram:${ctx.from!.id}`,
    action: on ? 'ceremony.reminder.on' : 'ceremony.reminder.off',
    target: id,
  });
  await ctx.reply(ctx.t(on ? 'announce:reminderOn' : 'announce:reminderOff', { id }));
});
