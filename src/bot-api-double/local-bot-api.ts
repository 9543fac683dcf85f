/**
 * A local stand-in for the Telegram Bot API: a real HTTP server that a grammY
 * bot reaches through `new Bot(token, { client: { apiRoot } })`.
 *
 * It validates like Telegram (stricter for HTML, see telegram-html.ts), keeps
 * the server-side state a bot depends on (known chats, sent messages, update
 * queue, webhook, commands), records every call for assertions, lets tests
 * inject failures, and emits events so a terminal console can show the chat.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import type {
  BotCommand,
  CallbackQuery,
  Chat,
  InlineQuery,
  MenuButton,
  Message,
  MessageEntity,
  PhotoSize,
  Update,
  User,
  UserFromGetMe,
  WebhookInfo,
} from 'grammy/types';

import { ApiError, badRequest, faultError, toErrorResponse } from './local-bot-api-errors.ts';
import { decodePayload, readBody, sendJson } from './local-bot-api-http.ts';
import type {
  ApiCall,
  ApiResponse,
  BotMessage,
  CallbackAnswer,
  FaultSpec,
  LocalBotApiEvents,
  LocalBotApiOptions,
  Payload,
  ReplyMarkup,
  UserLike,
  WebhookDelivery,
} from './local-bot-api-types.ts';
import {
  CALLBACK_ANSWER_TEXT_LIMIT,
  callbackDataOf,
  canonicalJson,
  clamp,
  commandsKey,
  formatText,
  isUploadedFile,
  optionalBoolean,
  optionalInteger,
  optionalString,
  parseAllowedUpdates,
  parseCommands,
  parseReplyMarkup,
  validateInlineResults,
  validateSecretToken,
  type FormattedText,
} from './local-bot-api-validation.ts';
import { postUpdate } from './local-bot-api-webhook.ts';

export type * from './local-bot-api-types.ts';
export { ApiError } from './local-bot-api-errors.ts';

export const DEFAULT_BOT_INFO: UserFromGetMe = {
  id: 7000000001,
  is_bot: true,
  first_name: 'Paritrana Bot',
  username: 'paritrana_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

const LONG_POLL_MAX_SECONDS = 50;
const WEBHOOK_TIMEOUT_MS = 60_000;
/** Backstop for waitFor predicates that watch state outside the double (e.g. a database). */
const WAIT_FOR_POLL_MS = 50;

/** Telegram never delivers these unless they are asked for explicitly. */
const OPT_IN_UPDATE_TYPES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

const CHAT_ACTIONS = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current ' +
  'content and reply markup of the message';
const QUERY_ID_INVALID = 'query is too old and response timeout expired or query ID is invalid';

interface CallContext {
  signal: AbortSignal;
  aborted: boolean;
}

/** A successful result that also carries Telegram's `description` (setWebhook does this). */
class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}

type MethodHandler = (payload: Payload, ctx: CallContext) => unknown;

interface PendingPoll {
  limit: number;
  settle: (outcome: Update[] | ApiError) => void;
}

interface WebhookState {
  url: string;
  secretToken?: string;
  maxConnections: number;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

interface ActiveFault extends FaultSpec {
  times: number;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const messageKey = (chatId: number, messageId: number): string => `${chatId}:${messageId}`;

export class LocalBotApi extends EventEmitter<LocalBotApiEvents> {
  /** Every request, failed ones included, recorded when answered (a long poll lands after later calls). */
  readonly calls: ApiCall[] = [];
  /** Messages the bot sent, updated in place on edits and deletes. */
  readonly messages: BotMessage[] = [];
  readonly callbackAnswers: CallbackAnswer[] = [];
  readonly webhookDeliveries: WebhookDelivery[] = [];
  /** Sends refused by the `rateLimit` option. */
  rateLimited = 0;
  readonly botInfo: UserFromGetMe;

  private readonly token: string | undefined;
  private readonly deliverViaWebhook: boolean;
  private readonly rateLimit: { perSecond: number } | undefined;
  private readonly webhookRetryDelayMs: number;
  private readonly latencyMs: number;
  private readonly handlers: ReadonlyMap<string, { name: string; run: MethodHandler }>;

  private server: Server | undefined;
  private host = '127.0.0.1';
  private lifecycle = new AbortController();

  private readonly chats = new Map<number, Chat>();
  private readonly blocked = new Set<number>();
  /** Telegram's view of the bot's messages; survives reset() like the real chat history. */
  private readonly store = new Map<string, BotMessage>();
  private readonly photoSizes = new WeakMap<BotMessage, PhotoSize[]>();
  private readonly photoFiles = new WeakMap<BotMessage, Buffer>();
  private readonly userMessages = new Set<string>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly issuedFileIds = new Set<string>();
  /** Documents users sent, by file_id: their bytes and the path getFile gives. */
  private readonly files = new Map<string, { bytes: Buffer; path: string }>();
  private readonly callbackQueries = new Map<string, { answered: boolean }>();
  private readonly inlineQueries = new Map<string, { answered: boolean }>();
  private readonly commands = new Map<string, BotCommand[]>();
  private readonly menuButtons = new Map<number | 'default', MenuButton>();

  private queue: Update[] = [];
  private nextUpdateId: number;
  private nextQueryId = 1;
  private nextFileId = 1;
  private allowedUpdates: string[] | undefined;
  /** Methods whose answers wait, after the call took effect, until released. */
  private readonly holds = new Map<string, Promise<void>>();
  private poll: PendingPoll | undefined;
  private webhook: WebhookState | undefined;
  private delivering = false;

  private faults: ActiveFault[] = [];
  private sendTimes: number[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(options: LocalBotApiOptions = {}) {
    super();
    this.token = options.token;
    this.botInfo = { ...DEFAULT_BOT_INFO, ...options.botInfo };
    this.deliverViaWebhook = options.deliverViaWebhook ?? false;
    this.rateLimit = options.rateLimit;
    this.webhookRetryDelayMs = options.webhookRetryDelayMs ?? 1000;
    this.latencyMs = options.latencyMs ?? 0;
    this.nextUpdateId = options.firstUpdateId ?? 100_000_001;

    const table: Array<[string, MethodHandler]> = [
      ['getMe', () => this.botInfo],
      ['getUpdates', (p, ctx) => this.getUpdates(p, ctx)],
      ['setWebhook', (p) => this.setWebhook(p)],
      ['deleteWebhook', (p) => this.deleteWebhook(p)],
      ['getWebhookInfo', () => this.getWebhookInfo()],
      ['setMyCommands', (p) => this.setMyCommands(p)],
      ['getMyCommands', (p) => this.commands.get(commandsKey(p.scope, optionalString(p, 'language_code'))) ?? []],
      ['deleteMyCommands', (p) => this.deleteMyCommands(p)],
      ['sendMessage', (p) => this.sendMessage(p)],
      ['sendPhoto', (p) => this.sendPhoto(p)],
      ['getFile', (p) => this.getFile(p)],
      ['editMessageText', (p) => this.editMessageText(p)],
      ['editMessageReplyMarkup', (p) => this.editMessageReplyMarkup(p)],
      ['deleteMessage', (p) => this.deleteMessage(p)],
      ['answerCallbackQuery', (p) => this.answerCallbackQuery(p)],
      ['answerInlineQuery', (p) => this.answerInlineQuery(p)],
      ['sendChatAction', (p) => this.sendChatAction(p)],
      ['getChatMember', (p) => this.getChatMember(p)],
      ['setChatMenuButton', (p) => this.setChatMenuButton(p)],
      ['getChatMenuButton', (p) => this.getChatMenuButton(p)],
    ];
    // Telegram matches method names case-insensitively.
    this.handlers = new Map(table.map(([name, run]) => [name.toLowerCase(), { name, run }]));
  }

  // -------------------------------------------------------------------------
  // Lifecycle

  async start(port = 0, host = '127.0.0.1'): Promise<void> {
    if (this.server !== undefined) throw new Error('LocalBotApi is already started');
    this.lifecycle = new AbortController();
    const server = createServer((req, res) => {
      this.handleHttp(req, res).catch((error: unknown) => {
        console.error('LocalBotApi: request failed', error);
        sendJson(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.host = host;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === undefined) return;
    this.server = undefined;
    this.lifecycle.abort();
    this.poll?.settle([]);
    // Let the answer to a pending long poll reach the socket before closing it.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise<void>((resolve) => {
      // close() ends idle keep-alive connections; anything still busy gets a short grace period.
      const force = setTimeout(() => server.closeAllConnections(), 100);
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
    });
  }

  get apiRoot(): string {
    const address = this.server?.address();
    if (address === undefined || address === null || typeof address === 'string') {
      throw new Error('LocalBotApi is not started');
    }
    const host = this.host === '0.0.0.0' || this.host === '::' ? '127.0.0.1' : this.host;
    return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  }

  // -------------------------------------------------------------------------
  // Test helpers

  /** Messages the bot sent (sendMessage/sendPhoto), optionally in one chat. */
  sent(chatId?: number): BotMessage[] {
    return this.messages.filter((m) => chatId === undefined || m.chat_id === chatId);
  }

  callsTo(method: string): ApiCall[] {
    const wanted = method.toLowerCase();
    return this.calls.filter((c) => c.method.toLowerCase() === wanted);
  }

  /**
   * Clears records, faults, blocks and the rate-limit window. Server-side state
   * (known chats, message history, queued updates, webhook, commands) stays, as
   * it would on Telegram between two test cases.
   */
  reset(): void {
    this.calls.length = 0;
    this.messages.length = 0;
    this.callbackAnswers.length = 0;
    this.webhookDeliveries.length = 0;
    this.faults = [];
    this.blocked.clear();
    this.sendTimes = [];
    this.rateLimited = 0;
  }

  /** Resolves with the predicate's first truthy value; re-checked on every call and update. */
  waitFor<T>(predicate: () => T | undefined | false | null, timeoutMs = 5000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const finish = (): void => {
        settled = true;
        clearTimeout(timer);
        clearInterval(backstop);
        this.waiters.delete(check);
      };
      const check = (): void => {
        if (settled) return;
        let value: T | undefined | false | null;
        try {
          value = predicate();
        } catch (error) {
          finish();
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        if (value === undefined || value === false || value === null) return;
        finish();
        resolve(value);
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`waitFor timed out after ${timeoutMs} ms; recent calls: ${this.describeRecentCalls()}`));
      }, timeoutMs);
      const backstop = setInterval(check, WAIT_FOR_POLL_MS);
      this.waiters.add(check);
      check();
    });
  }

  /**
   * From now on a successful `method` call takes effect (a message is recorded) but its answer
   * waits until the returned function is called: a crash test kills the bot while it waits, so
   * that it dies knowing nothing of messages that did arrive.
   */
  holdAnswers(method: string): () => void {
    let release!: () => void;
    const key = method.toLowerCase();
    this.holds.set(key, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.holds.delete(key);
      release();
    };
  }

  /** The bytes of a photo the bot uploaded (not of one sent by file id or URL). */
  photoBytes(message: BotMessage): Buffer | undefined {
    return this.photoFiles.get(message);
  }

  injectFault(fault: FaultSpec): void {
    this.faults.push({ ...fault, times: fault.times ?? 1 });
  }

  /** From now on every send or edit to this chat answers 403, as after the user blocks the bot. */
  blockChat(chatId: number): void {
    this.blocked.add(chatId);
  }

  unblockChat(chatId: number): void {
    this.blocked.delete(chatId);
  }

  addChat(id: number, type: Chat['type'] = 'private'): Chat {
    const existing = this.chats.get(id);
    if (existing?.type === type) return existing;
    let chat: Chat;
    switch (type) {
      case 'private':
        chat = { id, type, first_name: `User ${id}` };
        break;
      case 'group':
        chat = { id, type, title: `Group ${id}` };
        break;
      case 'supergroup':
        chat = { id, type, title: `Supergroup ${id}` };
        break;
      case 'channel':
        chat = { id, type, title: `Channel ${id}` };
        break;
    }
    this.chats.set(id, chat);
    return chat;
  }

  // -------------------------------------------------------------------------
  // The user side: updates

  sendUserMessage(from: UserLike, text: string, opts: { chat?: Chat } = {}): Update {
    const chat = opts.chat ?? privateChatOf(from);
    if (chat.type === 'channel') throw new Error('sendUserMessage: use pushUpdate({ channel_post }) for channels');
    this.rememberChat(chat);
    const messageId = this.allocateMessageId(chat.id);
    this.userMessages.add(messageKey(chat.id, messageId));
    const command = /^\/\S+/.exec(text);
    const entities: MessageEntity[] = command ? [{ type: 'bot_command', offset: 0, length: command[0].length }] : [];
    const message: Message & Update.NonChannel = {
      message_id: messageId,
      from: toUser(from),
      chat,
      date: nowSeconds(),
      text,
      ...(entities.length > 0 ? { entities } : {}),
    };
    return this.pushUpdate({ message });
  }

  /**
   * The user sends a file as a document. Its bytes are served, as Telegram does, at
   * `/file/bot<token>/<file_path>` once the bot has asked `getFile` for its path.
   */
  sendUserDocument(
    from: UserLike,
    fileName: string,
    bytes: Buffer,
    opts: { chat?: Chat; mimeType?: string; caption?: string } = {},
  ): Update {
    const chat = opts.chat ?? privateChatOf(from);
    if (chat.type === 'channel') throw new Error('sendUserDocument: not for channels');
    this.rememberChat(chat);
    const messageId = this.allocateMessageId(chat.id);
    this.userMessages.add(messageKey(chat.id, messageId));
    const n = this.files.size + 1;
    const fileId = `DOC${n}-${chat.id}`;
    const extension = /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1] ?? 'bin';
    this.files.set(fileId, { bytes, path: `documents/file_${n}.${extension.toLowerCase()}` });
    const message: Message & Update.NonChannel = {
      message_id: messageId,
      from: toUser(from),
      chat,
      date: nowSeconds(),
      document: {
        file_id: fileId,
        file_unique_id: `U${fileId}`,
        file_name: fileName,
        ...(opts.mimeType ? { mime_type: opts.mimeType } : {}),
        file_size: bytes.length,
      },
      ...(opts.caption ? { caption: opts.caption } : {}),
    };
    return this.pushUpdate({ message });
  }

  /** Simulates tapping an inline button; throws if the message has no such button. */
  pressButton(from: UserLike, message: BotMessage, callbackData: string): Update {
    const current = this.store.get(messageKey(message.chat_id, message.message_id)) ?? message;
    if (current.deleted) {
      throw new Error(`pressButton: message ${current.message_id} in chat ${current.chat_id} was deleted`);
    }
    const available = callbackDataOf(current.reply_markup);
    if (!available.includes(callbackData)) {
      throw new Error(
        `pressButton: message ${current.message_id} has no button with callback_data ${JSON.stringify(callbackData)}` +
          ` (available: ${available.map((d) => JSON.stringify(d)).join(', ') || 'none'})`,
      );
    }
    const callbackQuery: CallbackQuery = {
      id: this.allocateQueryId(),
      from: toUser(from),
      message: this.toTelegramMessage(current),
      chat_instance: chatInstance(current.chat_id),
      data: callbackData,
    };
    return this.pushUpdate({ callback_query: callbackQuery });
  }

  sendInlineQuery(from: UserLike, query: string): Update {
    const inlineQuery: InlineQuery = {
      id: this.allocateQueryId(),
      from: toUser(from),
      query,
      offset: '',
      chat_type: 'sender',
    };
    return this.pushUpdate({ inline_query: inlineQuery });
  }

  /** Queues any update; `update_id` is assigned from the counter when absent. */
  /**
   * A callback query the caller delivers itself (a benchmark posting to the webhook): the bot
   * may answer it once, as Telegram allows.
   */
  acceptCallbackQuery(id: string): void {
    this.callbackQueries.set(id, { answered: false });
  }

  pushUpdate(partial: Omit<Update, 'update_id'> & { update_id?: number }): Update {
    const updateId = partial.update_id ?? this.nextUpdateId;
    this.nextUpdateId = Math.max(this.nextUpdateId, updateId + 1);
    const update: Update = { ...partial, update_id: updateId };
    this.rememberChatsOf(update);
    if (update.callback_query) this.callbackQueries.set(update.callback_query.id, { answered: false });
    if (update.inline_query) this.inlineQueries.set(update.inline_query.id, { answered: false });
    this.queue.push(update);
    this.emitSafely(() => this.emit('update', update));
    this.wakePoll();
    void this.pumpWebhook();
    this.notify();
    return update;
  }

  // -------------------------------------------------------------------------
  // HTTP

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (download !== null) return this.serveFile(res, decodeURIComponent(download[1] ?? ''), decodeURIComponent(download[2] ?? ''));
    const route = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname);
    if (route === null) {
      sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const token = decodeURIComponent(route[1] ?? '');
    const method = decodeURIComponent(route[2] ?? '');

    const controller = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) controller.abort();
    });

    let payload: Payload = {};
    let early: ApiError | undefined;
    try {
      payload = decodePayload(req.headers['content-type'], await readBody(req), url.searchParams);
    } catch (error) {
      early = error instanceof ApiError ? error : new ApiError(400, 'Bad Request: malformed request');
    }
    if (early === undefined && this.token !== undefined && token !== this.token) {
      early = new ApiError(401, 'Unauthorized');
    }
    if (this.latencyMs > 0 && method.toLowerCase() !== 'getupdates') await sleep(this.latencyMs);
    const response = await this.dispatch(method, payload, 'http', controller.signal, at, early);
    const hold = response.ok ? this.holds.get(method.toLowerCase()) : undefined;
    if (hold) await hold;
    sendJson(res, response.ok ? 200 : response.error_code, response);
  }

  private async dispatch(
    name: string,
    payload: Payload,
    via: ApiCall['via'],
    signal: AbortSignal,
    at = Date.now(),
    early?: ApiError,
  ): Promise<ApiResponse> {
    const handler = this.handlers.get(name.toLowerCase());
    const ctx: CallContext = { signal, aborted: false };
    let response: ApiResponse;
    try {
      if (early !== undefined) throw early;
      if (handler === undefined) throw new ApiError(404, 'Not Found: method not found');
      this.throwInjectedFault(handler.name, payload);
      const value = await handler.run(payload, ctx);
      response =
        value instanceof Described ? { ok: true, result: value.result, description: value.description } : { ok: true, result: value };
    } catch (error) {
      response = toErrorResponse(error);
    }
    const call: ApiCall = {
      method: handler?.name ?? name,
      payload,
      at,
      status: response.ok ? 200 : response.error_code,
      response,
      via,
      ...(ctx.aborted ? { aborted: true } : {}),
    };
    this.calls.push(call);
    this.emitSafely(() => this.emit('call', call));
    this.notify();
    return response;
  }

  // -------------------------------------------------------------------------
  // Updates delivery

  private getUpdates(p: Payload, ctx: CallContext): Update[] | Promise<Update[]> {
    if (this.webhook !== undefined) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const offset = optionalInteger(p, 'offset') ?? 0;
    const limit = clamp(optionalInteger(p, 'limit') ?? 100, 1, 100);
    const timeout = clamp(optionalInteger(p, 'timeout') ?? 0, 0, LONG_POLL_MAX_SECONDS);
    const allowed = parseAllowedUpdates(p.allowed_updates);
    if (allowed !== undefined) this.allowedUpdates = allowed;

    // Asking for `offset` confirms every earlier update; a negative one keeps only the newest.
    if (offset > 0) this.queue = this.queue.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.queue = this.queue.slice(offset);

    const ready = this.readyUpdates(limit);
    if (ready.length > 0 || timeout === 0 || this.server === undefined) return ready;

    this.poll?.settle(
      new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'),
    );
    return new Promise<Update[]>((resolve, reject) => {
      let done = false;
      const settle = (outcome: Update[] | ApiError): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        ctx.signal.removeEventListener('abort', onAbort);
        if (this.poll === poll) this.poll = undefined;
        if (outcome instanceof ApiError) reject(outcome);
        else resolve(outcome);
      };
      const onAbort = (): void => {
        ctx.aborted = true;
        settle([]);
      };
      const timer = setTimeout(() => settle([]), timeout * 1000);
      const poll: PendingPoll = { limit, settle };
      this.poll = poll;
      ctx.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  private wakePoll(): void {
    if (this.poll === undefined) return;
    const ready = this.readyUpdates(this.poll.limit);
    if (ready.length > 0) this.poll.settle(ready);
  }

  /** The first `limit` queued updates of allowed types; others are dropped as Telegram never creates them. */
  private readyUpdates(limit: number): Update[] {
    this.queue = this.queue.filter((u) => this.isAllowed(u));
    return this.queue.slice(0, limit);
  }

  private isAllowed(update: Update): boolean {
    const type = Object.keys(update).find((key) => key !== 'update_id') ?? '';
    const allowed = this.allowedUpdates;
    if (allowed === undefined || allowed.length === 0) return !OPT_IN_UPDATE_TYPES.has(type);
    return allowed.includes(type);
  }

  private setWebhook(p: Payload): Described {
    const url = optionalString(p, 'url') ?? '';
    if (url === '') return this.deleteWebhook(p);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest('invalid webhook URL specified');
    }
    // Telegram insists on HTTPS; plain HTTP is allowed here so tests can use a local server.
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw badRequest('invalid webhook URL specified');
    const secretToken = optionalString(p, 'secret_token') ?? '';
    validateSecretToken(secretToken);
    const allowed = parseAllowedUpdates(p.allowed_updates);
    const maxConnections = clamp(optionalInteger(p, 'max_connections') ?? 40, 1, 100);
    if (optionalBoolean(p, 'drop_pending_updates')) this.queue = [];

    const previous = this.webhook;
    const unchanged =
      previous !== undefined &&
      previous.url === url &&
      (previous.secretToken ?? '') === secretToken &&
      previous.maxConnections === maxConnections;
    this.webhook = {
      url,
      maxConnections,
      ...(secretToken !== '' ? { secretToken } : {}),
      ...(unchanged && previous.lastErrorDate !== undefined
        ? { lastErrorDate: previous.lastErrorDate, lastErrorMessage: previous.lastErrorMessage ?? '' }
        : {}),
    };
    if (allowed !== undefined) this.allowedUpdates = allowed;
    this.poll?.settle(new ApiError(409, 'Conflict: terminated by setWebhook request'));
    void this.pumpWebhook();
    return new Described(true, unchanged ? 'Webhook is already set' : 'Webhook was set');
  }

  private deleteWebhook(p: Payload): Described {
    if (optionalBoolean(p, 'drop_pending_updates')) this.queue = [];
    const had = this.webhook !== undefined;
    this.webhook = undefined;
    return new Described(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
  }

  private getWebhookInfo(): WebhookInfo {
    const hook = this.webhook;
    const info: WebhookInfo = {
      url: hook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.queue.length,
    };
    if (hook === undefined) return info;
    info.ip_address = '127.0.0.1';
    info.max_connections = hook.maxConnections;
    // Unknown type names are echoed back as given rather than rejected.
    if (this.allowedUpdates !== undefined) info.allowed_updates = this.allowedUpdates as WebhookInfo['allowed_updates'];
    if (hook.lastErrorDate !== undefined) {
      info.last_error_date = hook.lastErrorDate;
      info.last_error_message = hook.lastErrorMessage ?? '';
    }
    return info;
  }

  /** Posts queued updates one at a time, in order, retrying an update until the webhook takes it. */
  private async pumpWebhook(): Promise<void> {
    if (this.delivering || !this.deliverViaWebhook) return;
    this.delivering = true;
    try {
      const { signal } = this.lifecycle;
      while (!signal.aborted && this.server !== undefined) {
        const hook = this.webhook;
        const update = this.readyUpdates(1)[0];
        if (hook === undefined || update === undefined) break;
        const at = Date.now();
        const outcome = await postUpdate(hook, update, signal, WEBHOOK_TIMEOUT_MS);
        this.webhookDeliveries.push({
          update_id: update.update_id,
          url: hook.url,
          at,
          ...(outcome.status !== undefined ? { status: outcome.status } : {}),
          ...(outcome.ok ? {} : { error: outcome.error }),
        });
        this.notify();
        if (outcome.ok) {
          this.queue = this.queue.filter((u) => u !== update);
          if (outcome.reply !== undefined) {
            await this.dispatch(outcome.reply.method, outcome.reply.payload, 'webhook-reply', signal);
          }
        } else {
          hook.lastErrorDate = nowSeconds();
          hook.lastErrorMessage = outcome.error;
          await sleep(this.webhookRetryDelayMs, undefined, { signal }).catch(() => undefined);
        }
      }
    } finally {
      this.delivering = false;
    }
  }

  // -------------------------------------------------------------------------
  // Commands and menu

  private setMyCommands(p: Payload): boolean {
    const commands = parseCommands(p.commands);
    const key = commandsKey(p.scope, optionalString(p, 'language_code'));
    if (commands.length === 0) this.commands.delete(key);
    else this.commands.set(key, commands);
    return true;
  }

  private deleteMyCommands(p: Payload): boolean {
    this.commands.delete(commandsKey(p.scope, optionalString(p, 'language_code')));
    return true;
  }

  private setChatMenuButton(p: Payload): boolean {
    const target = p.chat_id === undefined ? 'default' : this.resolveChat(p).id;
    const button = p.menu_button;
    if (button === undefined) {
      this.menuButtons.delete(target);
      return true;
    }
    if (typeof button !== 'object' || button === null) throw badRequest("can't parse menu button JSON object");
    const { type, text, web_app: webApp } = button as Record<string, unknown>;
    if (type !== 'commands' && type !== 'web_app' && type !== 'default') {
      throw badRequest('unsupported menu button type specified');
    }
    if (type === 'web_app') {
      if (typeof text !== 'string' || text === '') throw badRequest('menu button text is empty');
      const url = (webApp as { url?: unknown } | undefined)?.url;
      if (typeof url !== 'string' || !url.startsWith('https://')) {
        throw badRequest('menu button Web App URL is invalid');
      }
    }
    this.menuButtons.set(target, button as MenuButton);
    return true;
  }

  private getChatMenuButton(p: Payload): MenuButton {
    const target = p.chat_id === undefined ? 'default' : this.resolveChat(p).id;
    return this.menuButtons.get(target) ?? this.menuButtons.get('default') ?? { type: 'commands' };
  }

  // -------------------------------------------------------------------------
  // Messages

  private sendMessage(p: Payload): Message {
    const formatted = formatText(optionalString(p, 'text') ?? '', p.parse_mode, p.entities, 'text');
    const markup = parseReplyMarkup(p.reply_markup);
    const chat = this.resolveChat(p);
    this.assertReplyTarget(chat.id, p);
    this.assertReachable(chat);
    this.takeSendSlot();
    const message = this.storeMessage(chat.id, formatted, markup, false);
    this.emitSafely(() => this.emit('message', message));
    return this.toTelegramMessage(message);
  }

  /** Telegram lets bots download files of up to 20 MB. */
  private static readonly MAX_DOWNLOAD = 20 * 1024 * 1024;

  private getFile(p: Payload): unknown {
    const fileId = optionalString(p, 'file_id');
    if (fileId === undefined) throw new ApiError(400, 'Bad Request: file_id is empty');
    const file = this.files.get(fileId);
    if (file === undefined) throw new ApiError(400, 'Bad Request: invalid file_id');
    if (file.bytes.length > LocalBotApi.MAX_DOWNLOAD) throw new ApiError(400, 'Bad Request: file is too big');
    return { file_id: fileId, file_unique_id: `U${fileId}`, file_size: file.bytes.length, file_path: file.path };
  }

  private serveFile(res: ServerResponse, token: string, path: string): void {
    const file = [...this.files.values()].find((f) => f.path === path);
    if ((this.token !== undefined && token !== this.token) || !file) {
      sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length });
    res.end(file.bytes);
  }

  private sendPhoto(p: Payload): Message {
    const caption = optionalString(p, 'caption') ?? '';
    const formatted: FormattedText =
      caption === '' ? { text: '', entities: [] } : formatText(caption, p.parse_mode, p.caption_entities, 'caption');
    const markup = parseReplyMarkup(p.reply_markup);
    const photo = p.photo;
    if (photo === undefined || photo === '') throw badRequest('there is no photo in the request');
    if (isUploadedFile(photo)) {
      if (photo.size === 0) throw badRequest('file must be non-empty');
    } else if (typeof photo !== 'string' || !this.isUsablePhotoReference(photo)) {
      throw badRequest('wrong file identifier/HTTP URL specified');
    }
    const chat = this.resolveChat(p);
    this.assertReplyTarget(chat.id, p);
    this.assertReachable(chat);
    this.takeSendSlot();
    const message = this.storeMessage(chat.id, formatted, markup, true);
    this.photoSizes.set(message, this.makePhotoSizes(isUploadedFile(photo) ? photo.size : 50_000));
    if (isUploadedFile(photo) && photo.data) this.photoFiles.set(message, photo.data);
    this.emitSafely(() => this.emit('message', message));
    return this.toTelegramMessage(message);
  }

  private editMessageText(p: Payload): Message {
    const formatted = formatText(optionalString(p, 'text') ?? '', p.parse_mode, p.entities, 'text');
    const markup = parseReplyMarkup(p.reply_markup);
    const { chat, message } = this.findEditable(p);
    if (message.photo === true) throw badRequest('there is no text in the message to edit');
    // Telegram drops the inline keyboard when an edit does not repeat it.
    const sameText = message.text === formatted.text && canonicalJson(message.entities ?? []) === canonicalJson(formatted.entities);
    if (sameText && canonicalJson(message.reply_markup ?? null) === canonicalJson(markup ?? null)) {
      throw badRequest(NOT_MODIFIED);
    }
    this.assertReachable(chat);
    this.takeSendSlot();
    applyFormatted(message, formatted);
    setMarkup(message, markup);
    return this.finishEdit(message);
  }

  private editMessageReplyMarkup(p: Payload): Message {
    const markup = parseReplyMarkup(p.reply_markup);
    const { chat, message } = this.findEditable(p);
    if (canonicalJson(message.reply_markup ?? null) === canonicalJson(markup ?? null)) throw badRequest(NOT_MODIFIED);
    this.assertReachable(chat);
    setMarkup(message, markup);
    return this.finishEdit(message);
  }

  private finishEdit(message: BotMessage): Message {
    message.edits += 1;
    message.edit_date = nowSeconds();
    this.emitSafely(() => this.emit('edit', message));
    return this.toTelegramMessage(message);
  }

  private deleteMessage(p: Payload): boolean {
    const chat = this.resolveChat(p);
    const messageId = optionalInteger(p, 'message_id');
    if (messageId === undefined) throw badRequest('message identifier is not specified');
    const key = messageKey(chat.id, messageId);
    const message = this.store.get(key);
    if (message !== undefined && !message.deleted) {
      message.deleted = true;
      this.emitSafely(() => this.emit('delete', message));
      return true;
    }
    // Bots may delete incoming messages too.
    if (this.userMessages.delete(key)) return true;
    throw badRequest('message to delete not found');
  }

  private answerCallbackQuery(p: Payload): boolean {
    const id = optionalString(p, 'callback_query_id');
    const text = optionalString(p, 'text');
    if (text !== undefined && text.length > CALLBACK_ANSWER_TEXT_LIMIT) throw badRequest('MESSAGE_TOO_LONG');
    const query = id === undefined ? undefined : this.callbackQueries.get(id);
    if (id === undefined || query === undefined || query.answered) throw badRequest(QUERY_ID_INVALID);
    query.answered = true;
    const url = optionalString(p, 'url');
    const answer: CallbackAnswer = {
      callback_query_id: id,
      ...(text !== undefined ? { text } : {}),
      ...(p.show_alert !== undefined ? { show_alert: optionalBoolean(p, 'show_alert') } : {}),
      ...(url !== undefined ? { url } : {}),
    };
    this.callbackAnswers.push(answer);
    this.emitSafely(() => this.emit('callback-answer', answer));
    return true;
  }

  private answerInlineQuery(p: Payload): boolean {
    const id = optionalString(p, 'inline_query_id');
    validateInlineResults(p.results);
    const query = id === undefined ? undefined : this.inlineQueries.get(id);
    if (query === undefined || query.answered) throw badRequest(QUERY_ID_INVALID);
    query.answered = true;
    return true;
  }

  /** A member's status in a group: "administrator" for those set with setChatAdministrators, else "member". */
  private getChatMember(p: Payload): { status: string; user: { id: number; is_bot: boolean; first_name: string } } {
    const chat = this.resolveChat(p);
    const userId = Number(p.user_id);
    if (!Number.isInteger(userId)) throw badRequest('wrong user_id specified');
    const user = { id: userId, is_bot: false, first_name: `User ${userId}` };
    if (chat.type === 'private') return { status: chat.id === userId ? 'member' : 'left', user };
    return { status: this.administrators.get(chat.id)?.has(userId) ? 'administrator' : 'member', user };
  }

  /** Who administers a group or supergroup, as getChatMember reports it. */
  setChatAdministrators(chatId: number, userIds: number[]): void {
    this.administrators.set(chatId, new Set(userIds));
  }

  private readonly administrators = new Map<number, Set<number>>();

  private sendChatAction(p: Payload): boolean {
    const chat = this.resolveChat(p);
    const action = optionalString(p, 'action');
    if (action === undefined || !CHAT_ACTIONS.has(action)) throw badRequest('wrong parameter action in request');
    this.assertReachable(chat);
    return true;
  }

  // -------------------------------------------------------------------------
  // Shared checks and state

  private resolveChat(p: Payload): Chat {
    const raw = p.chat_id;
    if (raw === undefined || raw === '') throw badRequest('chat_id is empty');
    let chat: Chat | undefined;
    if (typeof raw === 'number') {
      chat = this.chats.get(raw);
    } else if (typeof raw === 'string' && /^-?\d+$/.test(raw)) {
      chat = this.chats.get(Number(raw));
    } else if (typeof raw === 'string' && raw.startsWith('@')) {
      const username = raw.slice(1).toLowerCase();
      chat = [...this.chats.values()].find((c) => c.username?.toLowerCase() === username);
    }
    if (chat === undefined) throw badRequest('chat not found');
    return chat;
  }

  private assertReachable(chat: Chat): void {
    if (!this.blocked.has(chat.id)) return;
    const description =
      chat.type === 'private' ? 'Forbidden: bot was blocked by the user' : `Forbidden: bot was kicked from the ${chat.type} chat`;
    throw new ApiError(403, description);
  }

  private assertReplyTarget(chatId: number, p: Payload): void {
    const params = p.reply_parameters as { message_id?: unknown; allow_sending_without_reply?: unknown } | undefined;
    const target = typeof params?.message_id === 'number' ? params.message_id : optionalInteger(p, 'reply_to_message_id');
    if (target === undefined) return;
    if (params?.allow_sending_without_reply === true || optionalBoolean(p, 'allow_sending_without_reply')) return;
    const key = messageKey(chatId, target);
    const own = this.store.get(key);
    if ((own !== undefined && !own.deleted) || this.userMessages.has(key)) return;
    throw badRequest('message to be replied not found');
  }

  /** Rolling one-second window over sends, like Telegram's global flood limit. */
  private takeSendSlot(): void {
    if (this.rateLimit === undefined) return;
    const now = Date.now();
    this.sendTimes = this.sendTimes.filter((t) => now - t < 1000);
    if (this.sendTimes.length >= this.rateLimit.perSecond) {
      this.rateLimited += 1;
      throw new ApiError(429, 'Too Many Requests: retry after 1', { retry_after: 1 });
    }
    this.sendTimes.push(now);
  }

  private throwInjectedFault(method: string, payload: Payload): void {
    const chatId = typeof payload.chat_id === 'string' ? Number(payload.chat_id) : payload.chat_id;
    const index = this.faults.findIndex(
      (f) => (f.method === undefined || f.method.toLowerCase() === method.toLowerCase()) && (f.chatId === undefined || f.chatId === chatId),
    );
    const fault = this.faults[index];
    if (fault === undefined) return;
    fault.times -= 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    throw faultError(fault);
  }

  private findEditable(p: Payload): { chat: Chat; message: BotMessage } {
    if (p.inline_message_id !== undefined) throw badRequest('MESSAGE_ID_INVALID');
    const chat = this.resolveChat(p);
    const messageId = optionalInteger(p, 'message_id');
    if (messageId === undefined) throw badRequest('message identifier is not specified');
    const key = messageKey(chat.id, messageId);
    const message = this.store.get(key);
    if (message === undefined || message.deleted) {
      if (this.userMessages.has(key)) throw badRequest("message can't be edited");
      throw badRequest('message to edit not found');
    }
    return { chat, message };
  }

  private storeMessage(chatId: number, formatted: FormattedText, markup: ReplyMarkup | undefined, photo: boolean): BotMessage {
    const message: BotMessage = {
      message_id: this.allocateMessageId(chatId),
      chat_id: chatId,
      text: '',
      date: nowSeconds(),
      edits: 0,
      deleted: false,
    };
    if (photo) message.photo = true;
    applyFormatted(message, formatted);
    setMarkup(message, markup);
    this.messages.push(message);
    this.store.set(messageKey(chatId, message.message_id), message);
    return message;
  }

  private toTelegramMessage(record: BotMessage): Message {
    const chat = this.chats.get(record.chat_id) ?? this.addChat(record.chat_id);
    const message: Message = {
      message_id: record.message_id,
      from: { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username },
      chat,
      date: record.date,
    };
    if (record.edit_date !== undefined) message.edit_date = record.edit_date;
    const entities = record.entities !== undefined && record.entities.length > 0 ? record.entities : undefined;
    if (record.photo === true) {
      message.photo = this.photoSizes.get(record) ?? this.makePhotoSizes(50_000);
      if (record.text !== '') message.caption = record.text;
      if (entities) message.caption_entities = entities;
    } else {
      message.text = record.text;
      if (entities) message.entities = entities;
    }
    if (record.reply_markup !== undefined && 'inline_keyboard' in record.reply_markup) {
      message.reply_markup = record.reply_markup;
    }
    return message;
  }

  private makePhotoSizes(bytes: number): PhotoSize[] {
    const serial = String(this.nextFileId++).padStart(8, '0');
    const size = (suffix: string, side: number, fileSize: number): PhotoSize => ({
      file_id: `AgACAgIAAxkBAAI${serial}${suffix}`,
      file_unique_id: `AQAD${serial}${suffix}`,
      width: side,
      height: side,
      file_size: fileSize,
    });
    const sizes = [size('s', 90, Math.ceil(bytes / 20)), size('x', 800, bytes)];
    for (const photoSize of sizes) this.issuedFileIds.add(photoSize.file_id);
    return sizes;
  }

  private isUsablePhotoReference(value: string): boolean {
    if (this.issuedFileIds.has(value)) return true;
    if (/^https?:\/\/\S+$/.test(value)) return true;
    // Plausible file_id from elsewhere (e.g. configuration); Telegram would check ownership.
    return /^[A-Za-z0-9_-]{20,}$/.test(value);
  }

  private allocateMessageId(chatId: number): number {
    const next = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, next);
    return next;
  }

  private allocateQueryId(): string {
    // Telegram's query ids are large decimal strings.
    return String(4_000_000_000_000_000 + this.nextQueryId++);
  }

  private rememberChat(chat: Chat): void {
    this.chats.set(chat.id, chat);
  }

  private rememberChatsOf(update: Update): void {
    const carriers = [
      update.message,
      update.edited_message,
      update.channel_post,
      update.edited_channel_post,
      update.business_message,
      update.my_chat_member,
      update.chat_member,
      update.chat_join_request,
      update.message_reaction,
      update.callback_query?.message,
    ];
    for (const carrier of carriers) {
      if (carrier !== undefined && 'chat' in carrier && carrier.chat !== undefined) this.rememberChat(carrier.chat);
    }
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  /** A throwing console listener must not turn into a failed API call for the bot. */
  private emitSafely(emit: () => void): void {
    try {
      emit();
    } catch (error) {
      console.error('LocalBotApi: an event listener threw', error);
    }
  }

  private describeRecentCalls(): string {
    const recent = this.calls.slice(-8);
    if (recent.length === 0) return 'none';
    return recent
      .map((c) => (c.response.ok ? `${c.method} → ${c.status}` : `${c.method} → ${c.status} ${c.response.description}`))
      .join('; ');
  }
}

// ---------------------------------------------------------------------------
// Helpers

function toUser(from: UserLike): User {
  return {
    id: from.id,
    is_bot: false,
    first_name: from.first_name,
    ...(from.last_name !== undefined ? { last_name: from.last_name } : {}),
    ...(from.username !== undefined ? { username: from.username } : {}),
    ...(from.language_code !== undefined ? { language_code: from.language_code } : {}),
    ...(from.is_premium !== undefined ? { is_premium: from.is_premium } : {}),
  };
}

function privateChatOf(from: UserLike): Chat.PrivateChat {
  return {
    id: from.id,
    type: 'private',
    first_name: from.first_name,
    ...(from.last_name !== undefined ? { last_name: from.last_name } : {}),
    ...(from.username !== undefined ? { username: from.username } : {}),
  };
}

function chatInstance(chatId: number): string {
  return String(-(8_000_000_000_000_000 + Math.abs(chatId)));
}

function applyFormatted(message: BotMessage, formatted: FormattedText): void {
  message.text = formatted.text;
  if (message.photo === true) {
    if (formatted.text !== '') message.caption = formatted.text;
    else delete message.caption;
  }
  if (formatted.html !== undefined) message.html = formatted.html;
  else delete message.html;
  if (formatted.parseMode !== undefined) message.parse_mode = formatted.parseMode;
  else delete message.parse_mode;
  if (formatted.entities.length > 0) message.entities = formatted.entities;
  else delete message.entities;
}

function setMarkup(message: BotMessage, markup: ReplyMarkup | undefined): void {
  if (markup !== undefined) message.reply_markup = markup;
  else delete message.reply_markup;
}
