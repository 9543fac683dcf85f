import { Bot, Composer, type Transformer, type BotConfig, type MiddlewareFn } from 'grammy';
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import type { BotContext, BotDeps } from './context.ts';
import { buttonSigner } from './callback-data.ts';
import { pressDispatcher } from './buttons.ts';
import { loadConversation, type ConversationState } from '../domain/conversations.ts';
import { loadChatContext, type StoredContext } from '../domain/understanding/chat-context.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { textHygiene } from './middleware/text-hygiene.ts';
import { errorBoundary } from './middleware/error-boundary.ts';
import { beginUpdateMiddleware } from './middleware/begin-update.ts';
import { startFeature } from './features/start.ts';
import { helpFeature } from './features/help.ts';
import { languageFeature } from './features/language.ts';
import { fallbackFeature } from './features/fallback.ts';
import { coverageFeature } from './features/coverage.ts';
import { awardsFeature } from './features/awards.ts';
import { contributionFeature } from './features/contribution.ts';
import { enrollFeature } from './features/enroll.ts';
import { freeTextFeature } from './features/free-text.ts';
import { inlineFeature } from './features/inline.ts';
import { chartFeature } from './features/chart.ts';
import { fileImportFeature } from './features/file-import.ts';
import { compareFeature } from './features/compare.ts';
import { subscriptionsFeature } from './features/subscriptions.ts';
import { ceremonyFlowFeature } from './features/ceremony-flow.ts';
import { announceFeature } from './features/announce.ts';
import { winnerFlowFeature } from './features/winner-flow.ts';
import { companyFeature } from './features/company.ts';
import { knowledgeFeature } from './features/knowledge.ts';
import { calculatorFeature } from './features/calculator.ts';
import { myDataFeature } from './features/my-data.ts';
import { paymentReminderFeature } from './features/payment-reminder.ts';
import { rankingFeature } from './features/ranking.ts';

export interface BotOptions extends BotConfig<BotContext> {
  /** Bot API server root: Telegram's by default, a self-hosted server or a local double otherwise. */
  apiRoot?: string;
  /** Webhook mode: every update must be answered within the webhook's time, so retries are shorter. */
  webhook?: boolean;
}

/**
 * Webhook mode: every update must be answered within the webhook's time (grammY's 10 s), so a
 * 5xx is retried once after a second and a 429 waited out only up to 4 s; otherwise the reply
 * (and then the apology) is dropped, and the error boundary logs it. (auto-retry also waits after
 * its last try, which would use up that time.)
 */
export const WEBHOOK_RETRY = { serverErrorPauseMs: 1_000, maxRetryAfterS: 4 };

function retryWithinWebhookTime(): Transformer {
  return async (prev, method, payload, signal) => {
    const first = await prev(method, payload, signal);
    if (first.ok) return first;
    const retryAfter = first.parameters?.retry_after;
    const pauseMs =
      typeof retryAfter === 'number'
        ? retryAfter <= WEBHOOK_RETRY.maxRetryAfterS
          ? retryAfter * 1000
          : undefined
        : first.error_code >= 500
          ? WEBHOOK_RETRY.serverErrorPauseMs
          : undefined;
    if (pauseMs === undefined) return first;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    return prev(method, payload, signal);
  };
}

/** The methods whose text or caption the bot writes. */
const HTML_METHODS: ReadonlySet<string> = new Set(['sendMessage', 'editMessageText', 'sendPhoto', 'editMessageCaption', 'sendDocument']);

/**
 * Every text the bot sends is Telegram HTML (translations escape their data, and HTML the bot
 * made is passed as such): the parse mode is set here once, not at each call. A call that
 * sets its own parse mode or entities keeps them.
 */
function htmlByDefault(): Transformer {
  return (prev, method, payload, signal) => {
    const p = payload as Record<string, unknown> | undefined;
    const plain = HTML_METHODS.has(method) && p && !('parse_mode' in p) && !('entities' in p) && !('caption_entities' in p);
    return prev(method, plain ? ({ ...p, parse_mode: 'HTML' } as typeof payload) : payload, signal);
  };
}

/**
 * Every feature, in the order they see an update. /start, the most frequent command, comes
 * first: a deep link to a region's subscription before the greeting, and no other feature
 * takes /start.
 */
const FEATURES = [
  subscriptionsFeature,
  startFeature,
  ceremonyFlowFeature,
  winnerFlowFeature,
  companyFeature,
  announceFeature,
  fileImportFeature,
  helpFeature,
  languageFeature,
  coverageFeature,
  awardsFeature,
  enrollFeature,
  contributionFeature,
  calculatorFeature,
  paymentReminderFeature,
  myDataFeature,
  chartFeature,
  compareFeature,
  inlineFeature,
  knowledgeFeature,
  rankingFeature,
  freeTextFeature,
  fallbackFeature,
];

/**
 * Plain text (no command) while no guided flow is in progress: only these features answer it.
 * The others' text handlers are a flow's (they need one) and the rest are commands and buttons.
 */
const PLAIN_TEXT = [compareFeature, freeTextFeature, fallbackFeature];

/**
 * Sends each update only through the features that can answer its kind. Most updates are free
 * text or presses, and each feature passed costs every update its filters and promises (a
 * tenth of the bot's CPU under load when all of them were passed): a press goes straight to
 * the button that made it, plain text to the features that read it, and the rest (commands,
 * flows, files, inline queries) through all of them.
 */
function routeByKind(): MiddlewareFn<BotContext> {
  const everything = new Composer(...FEATURES).middleware();
  const plainText = new Composer(...PLAIN_TEXT).middleware();
  // Only the fallback takes a press no button reads: it says the button is out of date.
  const presses = new Composer(pressDispatcher(FEATURES), fallbackFeature).middleware();
  return (ctx, next) => {
    if (ctx.callbackQuery?.data !== undefined) return presses(ctx, next);
    const text = ctx.message?.text;
    // The conversation is read with the update's claim for such a message: none means no flow.
    const inFlow = !('conversation' in ctx.preloaded) || ctx.preloaded.conversation !== undefined;
    if (text !== undefined && !text.startsWith('/') && !inFlow) return plainText(ctx, next);
    return everything(ctx, next);
  };
}

export function createBot(token: string, deps: BotDeps, botConfig: BotOptions = {}): Bot<BotContext> {
  const { apiRoot, webhook, ...config } = botConfig;
  const bot = new Bot<BotContext>(token, {
    ...config,
    client: { ...config.client, ...(apiRoot ? { apiRoot } : {}) },
  });
  // Polling waits out 429s (up to 30 s) and retries 5xx twice (after 3 s, then 6 s). Network
  // errors are not retried: the library would retry them forever, and the error boundary's
  // apology is the better answer.
  bot.api.config.use(webhook ? retryWithinWebhookTime() : autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 30, rethrowHttpErrors: true }));
  bot.api.config.use(htmlByDefault());

  const buttons = buttonSigner(token);
  bot.use(textHygiene());
  bot.use((ctx, next) => {
    ctx.deps = deps;
    ctx.buttons = buttons;
    // Three guided flows ask about the same row, and free text about the chat's context: read
    // with the update's claim when it has a chat and a sender, else once when first asked.
    ctx.preloaded = {};
    let conversation: Promise<ConversationState | undefined> | undefined;
    ctx.conversation = () =>
      (conversation ??=
        'conversation' in ctx.preloaded
          ? Promise.resolve(ctx.preloaded.conversation)
          : ctx.chat && ctx.from
            ? loadConversation(deps.pool, ctx.chat.id, ctx.from.id)
            : Promise.resolve(undefined));
    let chatContext: Promise<StoredContext | undefined> | undefined;
    ctx.chatContext = () =>
      (chatContext ??=
        'chatContext' in ctx.preloaded
          ? Promise.resolve(ctx.preloaded.chatContext)
          : ctx.chat
            ? loadChatContext(deps.pool, ctx.chat.id, ctx.from?.id ?? ctx.chat.id)
            : Promise.resolve(undefined));
    return deps.inFlight ? deps.inFlight.track(next) : next();
  });
  // Polling hands updates over concurrently: keep each chat's in order.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(errorBoundary());
  bot.use(rateLimit());
  bot.use(beginUpdateMiddleware());
  bot.use(routeByKind());

  bot.catch(({ error, ctx }) => deps.logger.error({ err: error, updateId: ctx.update.update_id }, 'unhandled bot error'));
  return bot;
}
