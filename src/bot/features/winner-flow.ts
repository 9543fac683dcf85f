// /pemenang: an official records a winner of a ceremony within their scope, step by step,
// with the state in the database (a restart loses nothing). The award passes the awards
// import's checks and is audited.
import { outOfScope } from '../official-scope.ts';
import { MENU } from '../menu.ts';
import { officialSource } from '../announce-draft.ts';
import { Composer, InlineKeyboard } from 'grammy';
import { BUTTONS } from '../buttons.ts';
import { AWARD_CATEGORIES } from '../../domain/awards/award-history.ts';
import { importFile } from '../../domain/import/import-runner.ts';
import { resolveRegion } from '../../domain/regions/region-resolver.ts';
import { audit } from '../../domain/roles/audit.ts';
import { ceremonyRegion, isOfficial, mayManage, rolesOf } from '../../domain/roles/roles.ts';
import type { BotContext } from '../context.ts';
import { companyByNppOrName } from '../../domain/companies/company-lookup.ts';
import { ceremonyHeading, ceremonyHeadings } from '../../domain/awards/ceremonies.ts';
import { trustedHtml } from '../../i18n/html.ts';
import { commandNames } from '../commands.ts';
import { ceremonyTitle } from './awards-message.ts';
import { guidedFlow } from '../guided-flow.ts';

export const winnerFlowFeature = new Composer<BotContext>();
const CATEGORIES = AWARD_CATEGORIES;

type Step = 'ceremony' | 'category' | 'rank' | 'title' | 'recipient' | 'confirm';

interface WinnerDraft {
  ceremonyId?: string;
  ceremonyTitle?: string;
  provinceCode?: string | null;
  provinceName?: string | null;
  category?: string;
  rank?: number | null;
  title?: string;
  recipient?: { type: 'region' | 'company' | 'organisation'; key: string; name: string };
}

const flow = guidedFlow<Step, WinnerDraft>('pemenang');

/** "Terbaik 2" or "Penerima penghargaan": an award's name as announced, stored in Indonesian whatever the official's language. */
const defaultTitle = (ctx: BotContext, rank: number | null | undefined) =>
  rank ? ctx.deps.i18n.t('winners:defaultTitleRanked', { lng: 'id', rank }) : ctx.deps.i18n.t('winners:defaultTitle', { lng: 'id' });

const recipientLabel = (ctx: BotContext, r: NonNullable<WinnerDraft['recipient']>) =>
  trustedHtml(ctx.t(`winners:${r.type}`, { name: r.name }));

winnerFlowFeature.command(commandNames('winner'), async (ctx) => {
  const roles = await rolesOf(ctx.deps.pool, ctx.from!.id);
  if (!isOfficial(roles)) return void (await ctx.reply(ctx.t('ceremonies:notAllowed', { id: ctx.from?.id ?? '' })));
  if (ctx.chat.type !== 'private') return void (await ctx.reply(ctx.t('ceremonies:privateOnly')));
  const mine = (await ceremonyHeadings(ctx.deps.prisma)).filter((c) => mayManage(roles, ceremonyRegion(c.provinceCode))).slice(0, 8);
  if (!mine.length) return void (await ctx.reply(ctx.t('winners:noCeremonies')));
  const keyboard = new InlineKeyboard();
  for (const c of mine) keyboard.text(ceremonyTitle(ctx.t, c.edition, c.provinceName), BUTTONS.winnerCeremony.data(c.id)).row();
  await flow.save(ctx, 'ceremony', {});
  await ctx.reply(ctx.t('winners:choose'), { reply_markup: keyboard });
});

BUTTONS.winnerCeremony.on(winnerFlowFeature, async (ctx, ceremonyId) => {
  if (!(await flow.atButton(ctx, 'ceremony'))) return;
  await ctx.answerCallbackQuery();
  await askCategory(ctx, ceremonyId);
});

// "➕ Pemenang lain" under a saved winner: the next winner of the same ceremony, from its category.
BUTTONS.winnerAnother.on(winnerFlowFeature, async (ctx, ceremonyId) => {
  await ctx.answerCallbackQuery();
  await askCategory(ctx, ceremonyId);
});

async function askCategory(ctx: BotContext & { from: { id: number } }, ceremonyId: string): Promise<void> {
  const c = await ceremonyHeading(ctx.deps.prisma, ceremonyId);
  // Checked when the button comes back: its data could be forged.
  const roles = await rolesOf(ctx.deps.pool, ctx.from.id);
  if (!c || !mayManage(roles, ceremonyRegion(c.provinceCode))) return void (await ctx.reply(await outOfScope(ctx, roles)));
  const draft: WinnerDraft = {
    ceremonyId,
    ceremonyTitle: ceremonyTitle(ctx.t, c.edition, c.provinceName),
    provinceCode: c.provinceCode,
    provinceName: c.provinceName,
  };
  await flow.save(ctx, 'category', draft);
  const keyboard = new InlineKeyboard();
  CATEGORIES.forEach((k, i) => {
    keyboard.text(ctx.t(`awards:category.${k}`), BUTTONS.winnerKind.data(k));
    if (i % 2 === 1) keyboard.row();
  });
  await ctx.reply(ctx.t('winners:askCategory'), { reply_markup: keyboard });
}

BUTTONS.winnerKind.on(winnerFlowFeature, async (ctx, category) => {
  const draft = await flow.atButton(ctx, 'category');
  if (!draft) return;
  await ctx.answerCallbackQuery();
  await flow.save(ctx, 'rank', { ...draft, category });
  await ctx.reply(ctx.t('winners:askRank'), {
    reply_markup: new InlineKeyboard()
      .text('1', BUTTONS.winnerRank.data('1'))
      .text('2', BUTTONS.winnerRank.data('2'))
      .text('3', BUTTONS.winnerRank.data('3'))
      .text(ctx.t('winners:noRank'), BUTTONS.winnerRank.data('0')),
  });
});

BUTTONS.winnerRank.on(winnerFlowFeature, async (ctx, given) => {
  const draft = await flow.atButton(ctx, 'rank');
  if (!draft) return;
  await ctx.answerCallbackQuery();
  const rank = Number(given) || null;
  await flow.save(ctx, 'title', { ...draft, rank });
  await ctx.reply(ctx.t('winners:askTitle', { default: defaultTitle(ctx, rank) }));
});

/** A region inside the ceremony's province, a company (by NPP or name), or else an organisation. */
async function findRecipient(
  ctx: BotContext,
  draft: WinnerDraft,
  text: string,
): Promise<NonNullable<WinnerDraft['recipient']> | 'outside'> {
  const company = await companyByNppOrName(ctx.deps.prisma, text);
  if (company) return { type: 'company', key: company.npp, name: company.name };
  const { candidates } = await resolveRegion(ctx.deps.pool, text, { limit: 3 });
  const inside = candidates.find(
    (c) => !draft.provinceCode || c.code === draft.provinceCode || c.code.startsWith(`${draft.provinceCode}.`),
  );
  if (inside && inside.match !== 'fuzzy') return { type: 'region', key: inside.code, name: inside.name };
  if (candidates[0] && candidates[0].match !== 'fuzzy' && !inside) return 'outside';
  return { type: 'organisation', key: text, name: text };
}

BUTTONS.winnerSave.on(winnerFlowFeature, async (ctx) => {
  const draft = await flow.atButton(ctx, 'confirm');
  if (!draft) return;
  await ctx.answerCallbackQuery();
  const roles = await rolesOf(ctx.deps.pool, ctx.from.id);
  if (!mayManage(roles, ceremonyRegion(draft.provinceCode ?? null)))
    return void (await ctx.reply(isOfficial(roles) ? await outOfScope(ctx, roles) : ctx.t('ceremonies:notAllowed', { id: ctx.from.id })));
  const r = draft.recipient!;
  const row = {
    ceremony_id: draft.ceremonyId,
    category: draft.category,
    rank: draft.rank ?? null,
    title: draft.title,
    region_code: r.type === 'region' ? r.key : null,
    company_npp: r.type === 'company' ? r.key : null,
    organisation_name: r.type === 'organisation' ? r.key : null,
    // The office, never the person: the source is shown to every subscriber; who did it is in the audit log.
    source_name: officialSource(ctx, draft.provinceName ?? null),
  };
  const result = await importFile(ctx.deps.pool, 'awards', JSON.stringify([row]), { format: 'json' });
  if (!result.ok)
    return void (await ctx.reply(
      ctx.t('ceremonies:rejected', { reason: result.issues.map((i) => `${i.column ?? ''} ${i.code}`).join('; ') }),
    ));
  await audit(ctx.deps.pool, { actor: `telegram:${ctx.from.id}`, action: 'award.save', target: draft.ceremonyId!, details: row });
  await flow.end(ctx);
  await ctx.reply(ctx.t('winners:saved', { title: draft.title, recipient: recipientLabel(ctx, r) }), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t('winners:another'), BUTTONS.winnerAnother.data(draft.ceremonyId!))
      .text(ctx.t('coverage:menuButton'), MENU),
  });
});

BUTTONS.winnerCancel.on(winnerFlowFeature, async (ctx) => {
  if (!(await flow.atButton(ctx, 'confirm'))) return;
  await ctx.answerCallbackQuery();
  await flow.end(ctx);
  await ctx.reply(ctx.t('ceremonies:cancelled'));
});

flow.onText(winnerFlowFeature, async (ctx, { step, data: draft }, next) => {
  const text = ctx.message.text.trim();
  if (step === 'title') {
    const title = text === '-' ? defaultTitle(ctx, draft.rank) : text.slice(0, 200);
    await flow.save(ctx, 'recipient', { ...draft, title });
    return void (await ctx.reply(ctx.t('winners:askRecipient')));
  }
  if (step === 'recipient') {
    const recipient = await findRecipient(ctx, draft, text.slice(0, 200));
    if (recipient === 'outside')
      return void (await ctx.reply(ctx.t('winners:outsideProvince', { name: text, province: draft.provinceName ?? '' })));
    await flow.save(ctx, 'confirm', { ...draft, recipient });
    return void (await ctx.reply(
      ctx.t('winners:summary', {
        ceremony: draft.ceremonyTitle,
        category: trustedHtml(ctx.t(`awards:category.${draft.category}`)),
        title: draft.title,
        recipient: recipientLabel(ctx, recipient),
      }),
      { reply_markup: new InlineKeyboard().text(ctx.t('ceremonies:save'), 'pm:ok').text(ctx.t('ceremonies:cancel'), 'pm:no') },
    ));
  }
  return next();
});
