// Messages without a command: understood by src/domain/understanding (every answer ranked,
// places and amounts as slots), answered at once when the bot is confident, offered as
// choices on a close call, and otherwise met with what the bot covers and the menu. The
// chat's last question is kept 15 minutes for follow-ups. In groups only messages that
// mention the bot or answer it; in private chats everything gets an answer.
import { answerReminderText } from './payment-reminder.ts';
import { askToDelete, replyWithMyData } from './my-data.ts';
import { Composer, InlineKeyboard } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { resolveRegion } from '../../domain/regions/region-resolver.ts';
import { contextAfter, saveChatContext, type StoredContext } from '../../domain/understanding/chat-context.ts';
import { recordFeedback, withoutLongNumbers } from '../../domain/understanding/feedback.ts';
import type { Gazetteer, PlaceMatch } from '../../domain/understanding/gazetteer.ts';
import { understanderFor, type ExampleQuestions } from '../../domain/understanding/sources.ts';
import { isBuiltInTarget, Understander, type Understanding } from '../../domain/understanding/understand.ts';
import { knowledgeTitles } from '../../domain/knowledge/knowledge-entries.ts';
import { translator, type I18n } from '../../i18n/i18n.ts';
import { BUTTONS, type Button } from '../buttons.ts';
import type { BotContext } from '../context.ts';
import { MENU, mainMenuKeyboard } from '../menu.ts';
import { regionFromResolution } from '../region-question.ts';
import { hasAwards, replyWithAwards } from './awards.ts';
import { replyWithCalculator } from './calculator.ts';
import { answerCompany } from './company.ts';
import { replyWithComparison } from './compare.ts';
import { replyWithCoverage } from './coverage.ts';
import { replyWithKnowledge } from './knowledge.ts';
import { cut } from '../../domain/text.ts';
import { replyWithRanking, type RankingScope } from './ranking.ts';
import { replyWithChart, replyWithProvincesChart } from './chart.ts';
import { listForChat, startSubscription } from './subscriptions.ts';

export const freeTextFeature = new Composer<BotContext>();

/** What is read of a message: a question is shorter, and a long one costs every user time. */
const MAX_TEXT = 400;
const REGION_CHOICES = 6;

const examples = new WeakMap<I18n, ExampleQuestions>();

/** The example questions of the built-in answers, from locales (`intents:examples`). */
function examplesOf(i18n: I18n): ExampleQuestions {
  let e = examples.get(i18n);
  if (!e) {
    const read = (lng: 'id' | 'en') => i18n.getFixedT(lng)('intents:examples', { returnObjects: true }) as Record<string, string[]>;
    examples.set(i18n, (e = { id: read('id'), en: read('en') }));
  }
  return e;
}

/** The understanding of free text for this bot's database and texts (built on first use, then kept). */
const understanding = (deps: Pick<BotContext['deps'], 'pool' | 'i18n'>) => understanderFor(deps.pool, examplesOf(deps.i18n));

/**
 * Builds the understanding (all 91,593 region names, every answer) at start-up, while the bot
 * already serves: otherwise the first free-text question waits for it, seconds on a small machine.
 */
export async function prepareUnderstanding(deps: Pick<BotContext['deps'], 'pool' | 'i18n'>): Promise<void> {
  await understanding(deps);
}

/** Answers in the language of the question, unless the person picked one with /bahasa. */
function useLanguage(ctx: BotContext, lang: 'id' | 'en' | undefined): void {
  if (!lang || lang === ctx.locale || ctx.localeChosen) return;
  ctx.locale = lang;
  ctx.t = translator(ctx.deps.i18n, lang);
}

type ButtonRow = InlineKeyboardMarkup['inline_keyboard'][number];

/** The 👍/👎 row by bot (its signer), language and target: the same for everyone, made once. */
const feedbackRows = new WeakMap<object, Map<string, ButtonRow>>();
function feedbackRow(ctx: BotContext, target: string): ButtonRow {
  let rows = feedbackRows.get(ctx.buttons);
  if (!rows) feedbackRows.set(ctx.buttons, (rows = new Map()));
  const key = `${ctx.locale}|${target}`;
  let row = rows.get(key);
  if (!row) {
    if (rows.size >= 10_000) rows.clear();
    row = [
      { text: ctx.t('understanding:helpful'), callback_data: BUTTONS.feedback.data(ctx, 'u', target) },
      { text: ctx.t('understanding:unhelpful'), callback_data: BUTTONS.feedback.data(ctx, 'd', target) },
    ];
    rows.set(key, row);
  }
  return row;
}

/** 👍/👎 under every answer to free text. */
function withFeedbackRow(markup: unknown, ctx: BotContext, target: string): unknown {
  if (markup && typeof markup === 'object' && !('inline_keyboard' in markup)) return markup; // a reply prompt
  const rows = ((markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? []).filter((r) => r.length);
  return { inline_keyboard: [...rows, feedbackRow(ctx, target)] };
}

/** Every message sent while answering carries the feedback row. */
function addFeedback(ctx: BotContext, target: string): void {
  const reply = ctx.reply.bind(ctx);
  ctx.reply = ((text: string, other?: Parameters<typeof reply>[1]) =>
    reply(text, { ...other, reply_markup: withFeedbackRow(other?.reply_markup, ctx, target) as InlineKeyboardMarkup })) as typeof ctx.reply;
}

/** The region a place names: at once when sure, else choices (answered later by the button). */
async function regionOfPlace(
  ctx: BotContext,
  gazetteer: Gazetteer,
  place: PlaceMatch,
  action: Button<[string]>,
): Promise<string | undefined> {
  if (place.how === 'typo' && place.candidates.length === 1) return place.candidates[0]!.code;
  // A province (or Indonesia) by its short form, or by a name no other region shares: no question to ask.
  if (gazetteer.isSure(place)) return place.candidates[0]!.code;
  const found = await resolveRegion(ctx.deps.pool, place.text, { limit: REGION_CHOICES });
  if (!found.candidates.length && place.candidates[0]) return place.candidates[0].code;
  return (await regionFromResolution(ctx, found, place.text, action))?.code;
}

/** Answers `target` with the slots understood; returns the region it was about, if any. */
async function answerTarget(
  ctx: BotContext,
  gazetteer: Gazetteer,
  target: string,
  u: Understanding,
  context: StoredContext | undefined,
): Promise<string | undefined> {
  const { slots } = u;
  const [place, second] = slots.places;
  const contextPlace = u.fromContext.includes('place') ? context?.placeCode : undefined;
  switch (target) {
    case 'coverage': {
      const code = place ? await regionOfPlace(ctx, gazetteer, place, BUTTONS.coverage) : (contextPlace ?? '00');
      if (code) await replyWithCoverage(ctx, code);
      return code;
    }
    case 'awards': {
      const code = place ? await regionOfPlace(ctx, gazetteer, place, BUTTONS.awards) : contextPlace;
      if (place && !code) return undefined;
      const key = [code ? `r${code}` : '', slots.year ? `y${slots.year}` : ''].filter(Boolean).join('~') || 'all';
      // A place carried over from the last question, with a year it has no record of: the year alone.
      if (!place && code && slots.year && !(await hasAwards(ctx, key))) {
        await replyWithAwards(ctx, `y${slots.year}`);
        return undefined;
      }
      await replyWithAwards(ctx, key);
      return code;
    }
    case 'calculator':
      await replyWithCalculator(ctx, slots.income, slots.transport);
      return undefined;
    case 'compare': {
      const first = place ? await regionOfPlace(ctx, gazetteer, place, BUTTONS.coverage) : undefined;
      if (place && !first) return undefined;
      const other = second ? await regionOfPlace(ctx, gazetteer, second, BUTTONS.coverage) : undefined;
      const pair = first && other ? [first, other] : first && contextPlace && contextPlace !== first ? [contextPlace, first] : undefined;
      if (pair) {
        await replyWithComparison(ctx, pair as [string, string]);
        return pair[1];
      }
      await ctx.reply(ctx.t('understanding:compareAskSecond'));
      return first;
    }
    case 'chart': {
      // A region's trend; with none named or in context, the provinces side by side (an answer, not a question).
      // "grafik semua provinsi" after a question about Sumsel asks for all provinces, not Sumsel's.
      const code = place ? await regionOfPlace(ctx, gazetteer, place, BUTTONS.chart) : slots.provinces ? undefined : contextPlace;
      if (place && !code) return undefined;
      if (code && code !== '00') await replyWithChart(ctx, code);
      else await replyWithProvincesChart(ctx);
      return code;
    }
    case 'ranking': {
      // Regencies and cities are ranked within the province named, or the one just asked about.
      const province =
        slots.rankLevel && place?.candidates[0]?.level === 'province'
          ? place.candidates[0].code
          : slots.rankLevel
            ? contextPlace
            : undefined;
      const scope: RankingScope = slots.rankLevel ? { level: 'regency', ...(province ? { within: province } : {}) } : { level: 'province' };
      await replyWithRanking(ctx, slots.metric === 'percent' ? 'coveragePercent' : 'activeParticipants', slots.order ?? 'most', scope);
      return province;
    }
    case 'subscribe': {
      const code = place ? await regionOfPlace(ctx, gazetteer, place, BUTTONS.subscribe) : undefined;
      if (code) await startSubscription(ctx, code);
      else if (!place) await listForChat(ctx);
      return code;
    }
    case 'company':
      await answerCompany(ctx);
      return undefined;
    case 'help':
      await ctx.reply(ctx.t('help:text'), { reply_markup: mainMenuKeyboard(ctx.t) });
      return undefined;
    case 'reminder':
      await answerReminderText(ctx, ctx.msg?.text ?? '');
      return undefined;
    case 'mydata':
      await replyWithMyData(ctx);
      return undefined;
    case 'deletemydata':
      await askToDelete(ctx);
      return undefined;
    case 'greeting':
    case 'thanks':
      await ctx.reply(ctx.t(`intents:${target}`), { reply_markup: mainMenuKeyboard(ctx.t) });
      return undefined;
    default: {
      const code = place?.candidates[0]?.code;
      if (!(await replyWithKnowledge(ctx, target))) await notUnderstood(ctx, u);
      return code;
    }
  }
}

async function notUnderstood(ctx: BotContext, u: Understanding): Promise<void> {
  const keyboard = mainMenuKeyboard(ctx.t);
  const place = u.slots.places[0]?.candidates[0];
  if (place) keyboard.row().text(ctx.t('understanding:placeButton', { region: place.name }), BUTTONS.coverage.data(ctx, place.code));
  await ctx.reply(ctx.t('understanding:notUnderstood'), { reply_markup: keyboard });
}

function targetLabel(ctx: BotContext, target: string, titles: Map<string, string>): string {
  return isBuiltInTarget(target) ? ctx.t(`understanding:targets.${target}`) : (titles.get(target) ?? target);
}

async function offerChoices(ctx: BotContext, u: Understanding): Promise<void> {
  const choices = Understander.choices(u);
  const titles = await knowledgeTitles(
    ctx.deps.pool,
    choices.filter((c) => !isBuiltInTarget(c)),
    ctx.locale,
  );
  const keyboard = new InlineKeyboard();
  for (const target of choices)
    keyboard
      .text(targetLabel(ctx, target, titles), isBuiltInTarget(target) ? BUTTONS.builtIn.data(target) : BUTTONS.knowledge.data(target))
      .row();
  keyboard.text(ctx.t('coverage:menuButton'), MENU);
  await ctx.reply(ctx.t('understanding:choose'), { reply_markup: keyboard });
}

/** Answers one free-text message. */
async function answerFreeText(ctx: BotContext, typed: string): Promise<void> {
  const text = cut(typed, MAX_TEXT);
  const { pool } = ctx.deps;
  const chatId = ctx.chat!.id;
  const userId = ctx.from?.id ?? chatId;
  const [understander, previous] = await Promise.all([understanding(ctx.deps), ctx.chatContext()]);
  const u = understander.understand(text, previous);
  useLanguage(ctx, u.lang);
  if (u.decision === 'none' || !u.target) {
    await notUnderstood(ctx, u);
    await recordFeedback(ctx.deps.prisma, { kind: 'unanswered', question: text, locale: ctx.locale });
    return;
  }
  if (u.decision === 'choose') {
    await offerChoices(ctx, u);
    await saveChatContext(
      pool,
      chatId,
      userId,
      contextAfter(u, { target: u.target, lang: ctx.locale, question: withoutLongNumbers(text), placeCode: undefined, previous }),
    );
    return;
  }
  addFeedback(ctx, u.target);
  const placeCode = await answerTarget(ctx, understander.gazetteer, u.target, u, previous);
  await saveChatContext(
    pool,
    chatId,
    userId,
    contextAfter(u, { target: u.target, lang: ctx.locale, question: withoutLongNumbers(text), placeCode, previous }),
  );
}

/** "@paritrana_bot berapa cakupan sumsel" → the message without the mention. */
function addressedText(ctx: BotContext): string | undefined {
  const text = ctx.message?.text ?? '';
  if (ctx.chat?.type === 'private') return text;
  const mention = `@${ctx.me.username}`.toLowerCase();
  if (text.toLowerCase().includes(mention))
    return text.replace(new RegExp(mention.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ' ').trim();
  if (ctx.message?.reply_to_message?.from?.id === ctx.me.id) return text;
  return undefined;
}

freeTextFeature.on('message:text', async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  const text = addressedText(ctx);
  if (text === undefined) return next();
  await answerFreeText(ctx, text);
});

/** A built-in answer picked from a close call: answered with what the question named (kept in the context). */
BUTTONS.builtIn.on(freeTextFeature, async (ctx, target) => {
  await ctx.answerCallbackQuery();
  if (!isBuiltInTarget(target)) return;
  const context = await ctx.chatContext();
  useLanguage(ctx, context?.lang);
  const understander = await understanding(ctx.deps);
  const u = understander.understand(context?.question ?? '', undefined);
  addFeedback(ctx, target);
  await answerTarget(ctx, understander.gazetteer, target, { ...u, decision: 'answer', target }, context);
});

BUTTONS.feedback.on(freeTextFeature, async (ctx, vote, target) => {
  const helpful = vote === 'u';
  const context = await ctx.chatContext();
  await recordFeedback(ctx.deps.prisma, {
    kind: helpful ? 'helpful' : 'unhelpful',
    question: context?.question ?? '',
    target,
    locale: ctx.locale,
  });
  await ctx.answerCallbackQuery({ text: ctx.t(helpful ? 'understanding:thanksHelpful' : 'understanding:thanksUnhelpful') });
  // The buttons have done their work: the row goes, the answer's own buttons stay.
  const rows = ctx.callbackQuery.message?.reply_markup?.inline_keyboard ?? [];
  const kept = rows.filter(
    (row) => !row.some((b) => 'callback_data' in b && BUTTONS.feedback.read(ctx, b.callback_data ?? '') !== undefined),
  );
  await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: kept } }).catch(() => undefined);
});
