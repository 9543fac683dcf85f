// /perusahaan: a representative's view of their company. Linking takes the NPP and a one-time
// code; `/perusahaan keluar` unlinks. No figure reaches anyone who is not a verified
// representative or an official covering the company's region, by any path.
import { Composer, InlineKeyboard } from 'grammy';
import {
  issueCompanyCode,
  linkedCompanies,
  linkRepresentative,
  splitNppAndCode,
  maySeeCompany,
  unlinkRepresentative,
} from '../../domain/companies/company-access.ts';
import { isOfficial, mayActOn, rolesOf } from '../../domain/roles/roles.ts';
import { companyStanding, type CompanyStanding } from '../../domain/companies/company-standing.ts';
import { fmt } from '../../i18n/format.ts';
import type { TFunction } from '../../i18n/i18n.ts';
import { BUTTONS } from '../buttons.ts';
import type { BotContext } from '../context.ts';
import { companyByNpp } from '../../domain/companies/company-lookup.ts';
import { trustedHtml } from '../../i18n/html.ts';
import { commandNames } from '../commands.ts';
import { guidedFlow } from '../guided-flow.ts';
import { MENU, menuKeyboard } from '../menu.ts';

export const companyFeature = new Composer<BotContext>();

export function standingMessage(t: TFunction, s: CompanyStanding): string {
  const pct = (n: number) => fmt(t).percent(Math.round(n * 10) / 10);
  const lines = [t('company:title', { name: s.name, npp: s.npp })];
  if (s.isSample) lines.push(t('company:sample'));
  lines.push(
    '',
    t('company:status', { status: trustedHtml(t(`company:statusName.${s.status}`)) }),
    t('company:coverage', {
      enrolled: fmt(t).integer(s.enrolledWorkers),
      workforce: fmt(t).integer(s.reportedWorkforce),
      percent: pct(s.coveragePercent),
    }),
    t('company:programmes', { list: s.programmes.join(', ') }),
  );
  if (s.missingProgrammes.length) lines.push(t('company:missing', { list: s.missingProgrammes.join(', ') }));
  if (s.monthsInArrears > 0)
    lines.push(
      s.arrearsAmount !== null
        ? t('company:arrearsAmount', { months: s.monthsInArrears, amount: fmt(t).rupiah(s.arrearsAmount) })
        : t('company:arrears', { months: s.monthsInArrears }),
    );
  else lines.push(t('company:noArrears'));
  if (s.provinceAverage !== null && s.provinceName)
    lines.push(t('company:compareProvince', { province: s.provinceName, percent: pct(s.provinceAverage) }));
  if (s.sectorAverage !== null) lines.push(t('company:compareSector', { sector: s.sector, percent: pct(s.sectorAverage) }));
  if (s.awards.length) lines.push(t('company:awards', { list: s.awards.map((a) => `${a.title} (${a.ceremony})`).join('; ') }));
  lines.push('', t('company:stepsTitle'));
  const missingWorkers = s.reportedWorkforce - s.enrolledWorkers;
  if (missingWorkers > 0) lines.push(t('company:stepEnroll', { count: fmt(t).integer(missingWorkers) }));
  if (s.missingProgrammes.length) lines.push(t('company:stepProgrammes', { list: s.missingProgrammes.join(', ') }));
  if (s.monthsInArrears > 0) lines.push(t('company:stepArrears', { months: s.monthsInArrears }));
  lines.push(t('company:stepPartners'), '', t('company:asOf', { date: fmt(t).calendarDate(s.asOf) }));
  return lines.join('\n');
}

/** The deep link that opens the private chat on the company view (`/start perusahaan`). */
export const COMPANY_START = 'perusahaan';

/**
 * Company figures and codes are for private chats only: in a group the bot says so, with a
 * button into the private chat, and shows nothing. True when it did.
 */
async function refusedOutsidePrivate(ctx: BotContext): Promise<boolean> {
  if (ctx.chat?.type === 'private') return false;
  const keyboard = new InlineKeyboard().url(ctx.t('company:privateButton'), `https://t.me/${ctx.me.username}?start=${COMPANY_START}`);
  await ctx.reply(ctx.t('company:privateOnly'), { reply_markup: keyboard });
  return true;
}

/** Linking in the chat: "I have a code" asks for the NPP and the code in one message. */
const linkFlow = guidedFlow<'code', Record<string, never>>('companyLink');

/** How to link, with a button to do it here and now. */
function replyHowToLink(ctx: BotContext): Promise<unknown> {
  return ctx.reply(ctx.t('company:howToLink'), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t('company:linkButton'), BUTTONS.companyLink.data)
      .row()
      .text(ctx.t('coverage:menuButton'), MENU),
  });
}

async function showStanding(ctx: BotContext, npp: string, before?: string): Promise<void> {
  if (await refusedOutsidePrivate(ctx)) return;
  // Checked on every view: a forged button naming another company gets nothing.
  if (!(await maySeeCompany(ctx.deps.pool, ctx.from!.id, npp))) return void (await replyHowToLink(ctx));
  const standing = await companyStanding(ctx.deps.pool, npp);
  if (!standing) return;
  const keyboard = new InlineKeyboard()
    .text(ctx.t('company:unlinkButton'), BUTTONS.companyUnlink.data)
    .text(ctx.t('coverage:menuButton'), MENU);
  await ctx.reply([...(before ? [before, ''] : []), standingMessage(ctx.t, standing)].join('\n'), { reply_markup: keyboard });
}

/** The person's companies: one is shown, several are offered, none explains how to link. */
export async function answerCompany(ctx: BotContext): Promise<void> {
  if (await refusedOutsidePrivate(ctx)) return;
  const companies = await linkedCompanies(ctx.deps.pool, ctx.from!.id);
  if (!companies.length) return void (await replyHowToLink(ctx));
  if (companies.length === 1) return showStanding(ctx, companies[0]!.npp);
  const keyboard = new InlineKeyboard();
  for (const c of companies) keyboard.text(c.name, BUTTONS.company.data(ctx, c.npp)).row();
  await ctx.reply(ctx.t('company:choose'), { reply_markup: keyboard.text(ctx.t('coverage:menuButton'), MENU) });
}

/** Checks an NPP and a code; linked, the company is shown at once. True unless the code was wrong. */
async function tryLink(ctx: BotContext, npp: string, code: string): Promise<boolean> {
  const outcome = await linkRepresentative(ctx.deps.pool, ctx.from!.id, npp, code, ctx.deps.clock?.() ?? new Date());
  if (outcome.result === 'linked') {
    await showStanding(ctx, outcome.npp, ctx.t('company:linked', { name: outcome.companyName }));
    return true;
  }
  if (outcome.result === 'locked') {
    await ctx.reply(ctx.t('company:locked', { until: fmt(ctx.t).dateTime(outcome.until) }), { reply_markup: menuKeyboard(ctx.t) });
    return true;
  }
  await ctx.reply(ctx.t('company:invalid', { left: outcome.failuresLeft }), { reply_markup: menuKeyboard(ctx.t) });
  return false;
}

companyFeature.command(commandNames('company'), async (ctx) => {
  // Linking sends a one-time code: in a group it would be everyone's.
  if (await refusedOutsidePrivate(ctx)) return;
  const [first, ...rest] = ctx.match.trim().split(/\s+/).filter(Boolean);
  if (!first) return answerCompany(ctx);
  if (/^(keluar|lepas|unlink|logout)$/i.test(first)) {
    const count = await unlinkRepresentative(ctx.deps.pool, ctx.from!.id);
    return void (await ctx.reply(count ? ctx.t('company:unlinked', { count }) : ctx.t('company:notLinked'), {
      reply_markup: menuKeyboard(ctx.t),
    }));
  }
  // An NPP alone: an official's look at a company in their regions (audited); anyone else is told how to link.
  if (!rest.length) {
    if (isOfficial(await rolesOf(ctx.deps.pool, ctx.from!.id))) return showStanding(ctx, first);
    return void (await replyHowToLink(ctx));
  }
  const typed = splitNppAndCode(ctx.match);
  if (!typed) return void (await replyHowToLink(ctx));
  await tryLink(ctx, typed.npp, typed.code);
});

// /kodeperusahaan <NPP>: an official (for a company in their scope) or an admin issues a code.
companyFeature.command(commandNames('companyCode'), async (ctx) => {
  const npp = ctx.match.trim();
  if (!npp) return void (await ctx.reply(ctx.t('company:codeUsage')));
  const company = await companyByNpp(ctx.deps.prisma, npp);
  const roles = await rolesOf(ctx.deps.pool, ctx.from!.id);
  if (!isOfficial(roles)) return void (await ctx.reply(ctx.t('ceremonies:notAllowed', { id: ctx.from?.id ?? '' })));
  // Unknown and out of scope read the same: the answer must not tell which NPPs exist elsewhere.
  if (!company || !mayActOn(roles, company.regionCode)) return void (await ctx.reply(ctx.t('company:notInScope', { npp })));
  // In a private chat only: a code posted in a group would be anyone's.
  if (ctx.chat.type !== 'private') return void (await ctx.reply(ctx.t('ceremonies:privateOnly')));
  const { code, expiresAt } = await issueCompanyCode(ctx.deps.pool, npp, `telegram:${ctx.from!.id}`, ctx.deps.clock?.() ?? new Date());
  await ctx.reply(ctx.t('company:codeIssued', { name: company.name, npp, code, until: fmt(ctx.t).dateTime(expiresAt) }));
});

BUTTONS.menuCompany.on(companyFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  await answerCompany(ctx);
});

BUTTONS.companyLink.on(companyFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  if (await refusedOutsidePrivate(ctx)) return;
  await linkFlow.save(ctx, 'code', {});
  await ctx.reply(ctx.t('company:askCode'));
});

// The NPP and the code, typed after "I have a code". A wrong code may be typed again.
linkFlow.onText(companyFeature, async (ctx) => {
  const typed = splitNppAndCode(ctx.message.text);
  if (!typed) return void (await ctx.reply(ctx.t('company:askCode')));
  if (await tryLink(ctx, typed.npp, typed.code)) await linkFlow.end(ctx);
});

BUTTONS.companyUnlink.on(companyFeature, async (ctx) => {
  await ctx.answerCallbackQuery();
  const count = await unlinkRepresentative(ctx.deps.pool, ctx.from.id);
  await ctx.reply(count ? ctx.t('company:unlinked', { count }) : ctx.t('company:notLinked'), {
    reply_markup: new InlineKeyboard().text(ctx.t('coverage:menuButton'), MENU),
  });
});

BUTTONS.company.on(companyFeature, async (ctx, npp) => {
  await ctx.answerCallbackQuery();
  if (npp) await showStanding(ctx, npp);
});
