// Messages without a command, understood by keywords (locales/<lng>/intents.json, every
// language at once) with the region found inside the sentence. In groups only messages that
// mention the bot or answer it; in private chats everything gets an answer.
import { Composer } from 'grammy';
import { detectIntent, INTENTS, type IntentKeywords } from '../../domain/intents/intent-detector.ts';
import { incomeIn } from '../../domain/contributions/income-text.ts';
import { resolveRegionInWords } from '../../domain/regions/region-resolver.ts';
import type { I18n } from '../../i18n/i18n.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { ACTION } from '../button-actions.ts';
import type { BotContext } from '../context.ts';
import { mainMenuKeyboard } from '../menu.ts';
import { regionFromResolution } from '../region-question.ts';
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
  const list = (lng: string, key: string) =>
    String(i18n.t(key, { lng }))
      .split(',')
      .map((w) => w.trim().toLowerCase())
      .filter(Boolean);
  const keywords = Object.fromEntries(INTENTS.map((i) => [i, LOCALES.flatMap((lng) => list(lng, `intents:keywords.${i}`))])) as IntentKeywords;
  v = { keywords, fillers: new Set(LOCALES.flatMap((lng) => list(lng, 'intents:fillers'))) };
  vocabularies.set(i18n, v);
  return v;
}

const YEAR = /\b(19|20)\d\d\b/;

async function menuReply(ctx: BotContext, key: string): Promise<void> {
  await ctx.reply(ctx.t(key), { parse_mode: 'HTML', reply_markup: mainMenuKeyboard(ctx.t) });
}

/** Answers one free-text message. Exported for the conversation tests' explanations. */
export async function answerFreeText(ctx: BotContext, text: string): Promise<string> {
  const { keywords, fillers } = vocabulary(ctx.deps.i18n);
  const { intent, rest } = detectIntent(text, keywords, fillers);
  const pool = ctx.deps.pool;
  const year = YEAR.exec(text)?.[0];
  const words = rest.filter((w) => w !== year);
  switch (intent) {
    case 'about':
    case 'greeting':
    case 'thanks':
      await ctx.reply(ctx.t(`intents:${intent}`), { parse_mode: 'HTML', reply_markup: mainMenuKeyboard(ctx.t) });
      return intent;
    case 'help':
      await ctx.reply(ctx.t('help:text'), { parse_mode: 'HTML', reply_markup: mainMenuKeyboard(ctx.t) });
      return intent;
    case 'enroll':
      await answerEnroll(ctx);
      return intent;
    case 'contribution':
      await answerContribution(ctx, contributionAnswers(ctx, text));
      return intent;
    case 'subscribe': {
      const found = words.length ? await resolveRegionInWords(pool, words, { limit: 6 }) : undefined;
      const region = found?.candidates.length ? await regionFromResolution(ctx, found, words.join(' '), ACTION.subscribe) : undefined;
      if (region) await startSubscription(ctx, region.code);
      else if (!found?.candidates.length) await listForChat(ctx);
      return intent;
    }
    case 'company':
      // Only what the person may see: their own companies, or how to link.
      await answerCompany(ctx);
      return intent;
    case 'awards': {
      const found = words.length ? await resolveRegionInWords(pool, words, { limit: 6 }) : undefined;
      if (found?.candidates.length) {
        const region = await regionFromResolution(ctx, found, words.join(' '), ACTION.awards);
        if (region) await replyWithAwards(ctx, `r${region.code}`);
      } else await replyWithAwards(ctx, year ? `y${year}` : 'all');
      return intent;
    }
    case 'coverage': {
      if (!words.length) {
        await ctx.reply(ctx.t('intents:askRegionCoverage'), { parse_mode: 'HTML' });
        return intent;
      }
      const region = await regionFromResolution(ctx, await resolveRegionInWords(pool, words, { limit: 6 }), words.join(' '), ACTION.coverage);
      if (region) await replyWithCoverage(ctx, region.code);
      return intent;
    }
    case undefined: {
      // A bare amount is a contribution question; a bare place, a coverage question.
      if (incomeIn(text) !== undefined) {
        await answerContribution(ctx, contributionAnswers(ctx, text));
        return 'contribution';
      }
      const found = words.length ? await resolveRegionInWords(pool, words, { limit: 6 }) : undefined;
      if (found?.candidates.length) {
        const region = await regionFromResolution(ctx, found, words.join(' '), ACTION.coverage);
        if (region) await replyWithCoverage(ctx, region.code);
        return 'coverage';
      }
      await menuReply(ctx, 'intents:notUnderstood');
      return 'none';
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
