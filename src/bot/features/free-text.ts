// Messages without a command, understood by keywords (locales/<lng>/intents.json, every
// language at once) with the region found inside the sentence. In groups only messages that
// mention the bot or answer it; in private chats everything gets an answer.
import { Composer } from 'grammy';
import { detectIntent, INTENTS, type IntentKeywords } from '../../domain/intents/intent-detector.ts';
import { incomeIn } from '../../domain/contributions/income-text.ts';
import { resolveRegionInWords, type RegionResolution } from '../../domain/regions/region-resolver.ts';
import type { I18n } from '../../i18n/i18n.ts';
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import { ACTION } from '../button-actions.ts';
import type { BotContext } from '../context.ts';
import { mainMenuKeyboard } from '../menu.ts';
import { regionFromResolution } from '../region-question.ts';
import { wordList } from '../words.ts';
import { replyWithAwards } from './awards.ts';
import { answerContribution, contributionAnswers } from './contribution.ts';
import { replyWithCoverage } from './coverage.ts';
import { answerCompany } from './company.ts';
import { answerEnroll } from './enroll.ts';
import { listForChat, startSubscription } from './subscriptions.ts';

export const freeTextFeature = new Composer<BotContext>();

interface Vocabulary {
  keywords: IntentKeywords;
  fillers: Set<string>;
}

const vocabularies = new WeakMap<I18n, Vocabulary>();

/** The keyword lists of every language, merged once per i18n instance. */
function vocabulary(i18n: I18n): Vocabulary {
  let v = vocabularies.get(i18n);
  if (v) return v;
  const list = (lng: Locale, key: string) => wordList(i18n.getFixedT(lng), key);
  const keywords = Object.fromEntries(INTENTS.map((i) => [i, LOCALES.flatMap((lng) => list(lng, `intents:keywords.${i}`))])) as IntentKeywords;
  v = { keywords, fillers: new Set(LOCALES.flatMap((lng) => list(lng, 'intents:fillers'))) };
  vocabularies.set(i18n, v);
  return v;
}

const YEAR = /\b(19|20)\d\d\b/;
const REGION_CHOICES = 6;

async function menuReply(ctx: BotContext, key: string): Promise<void> {
  await ctx.reply(ctx.t(key), { parse_mode: 'HTML', reply_markup: mainMenuKeyboard(ctx.t) });
}

/** Answers one free-text message by its intent, with the region it names where one is needed. */
async function answerFreeText(ctx: BotContext, text: string): Promise<void> {
  const { keywords, fillers } = vocabulary(ctx.deps.i18n);
  const { intent, rest } = detectIntent(text, keywords, fillers);
  const year = YEAR.exec(text)?.[0];
  const words = rest.filter((w) => w !== year);
  // Looked up only by the intents that need a place: the others answer without a query.
  const findRegion = async () => (words.length ? resolveRegionInWords(ctx.deps.pool, words, { limit: REGION_CHOICES }) : undefined);
  /** The region found, or undefined once choices or "not found" were offered for `action`. */
  const pick = (found: RegionResolution, action: string) => regionFromResolution(ctx, found, words.join(' '), action);
  switch (intent) {
    case 'about':
    case 'greeting':
    case 'thanks':
      return menuReply(ctx, `intents:${intent}`);
    case 'help':
      return menuReply(ctx, 'help:text');
    case 'enroll':
      return answerEnroll(ctx);
    case 'contribution':
      return answerContribution(ctx, contributionAnswers(ctx, text));
    case 'company':
      // Only what the person may see: their own companies, or how to link.
      return answerCompany(ctx);
    case 'subscribe': {
      const found = await findRegion();
      if (!found?.candidates.length) return listForChat(ctx);
      const region = await pick(found, ACTION.subscribe);
      if (region) await startSubscription(ctx, region.code);
      return;
    }
    case 'awards': {
      const found = await findRegion();
      if (!found?.candidates.length) return replyWithAwards(ctx, year ? `y${year}` : 'all');
      const region = await pick(found, ACTION.awards);
      if (region) await replyWithAwards(ctx, `r${region.code}`);
      return;
    }
    case 'coverage': {
      const found = await findRegion();
      if (!found) return void (await ctx.reply(ctx.t('intents:askRegionCoverage'), { parse_mode: 'HTML' }));
      const region = await pick(found, ACTION.coverage);
      if (region) await replyWithCoverage(ctx, region.code);
      return;
    }
    case undefined: {
      // A bare amount is a contribution question; a bare place, a coverage question.
      if (incomeIn(text) !== undefined) return answerContribution(ctx, contributionAnswers(ctx, text));
      const found = await findRegion();
      if (!found?.candidates.length) return menuReply(ctx, 'intents:notUnderstood');
      const region = await pick(found, ACTION.coverage);
      if (region) await replyWithCoverage(ctx, region.code);
      return;
    }
  }
}

/** "@paritrana_bot berapa cakupan sumsel" → the message without the mention. */
function addressedText(ctx: BotContext): string | undefined {
  const text = ctx.message?.text ?? '';
  if (ctx.chat?.type === 'private') return text;
  const mention = `@${ctx.me.username}`.toLowerCase();
  if (text.toLowerCase().includes(mention)) return text.replace(new RegExp(mention.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), ' ').trim();
  if (ctx.message?.reply_to_message?.from?.id === ctx.me.id) return text;
  return undefined;
}

freeTextFeature.on('message:text', async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  const text = addressedText(ctx);
  if (text === undefined) return next();
  await answerFreeText(ctx, text);
});
