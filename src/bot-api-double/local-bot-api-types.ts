import type {
  ForceReply,
  InlineKeyboardMarkup,
  MessageEntity,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  ResponseParameters,
  Update,
  UserFromGetMe,
} from 'grammy/types';

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** Telegram's response envelope, byte for byte what the Bot API answers. */
export type ApiResponse =
  | { ok: true; result: unknown; description?: string }
  | { ok: false; error_code: number; description: string; parameters?: ResponseParameters };

export type Payload = Record<string, unknown>;

/**
 * A file part of a multipart/form-data request. Its bytes are kept as a non-enumerable `data`,
 * so that recorded calls print and compare without them.
 */
export interface UploadedFile {
  filename: string;
  size: number;
  readonly data?: Buffer;
}

export interface ApiCall {
  /** Canonical method name (`sendMessage`), or the path segment if unknown. */
  method: string;
  /** Parameters after merging query string and body; file parts become UploadedFile. */
  payload: Payload;
  /** `Date.now()` when the request arrived. */
  at: number;
  status: number;
  response: ApiResponse;
  /** `webhook-reply` when the bot answered a webhook delivery with a method call in the body. */
  via: 'http' | 'webhook-reply';
  /** True for a long poll the client gave up on (e.g. grammY's `bot.stop()`). */
  aborted?: boolean;
}

/** A message the bot sent, kept up to date as the bot edits or deletes it. */
export interface BotMessage {
  message_id: number;
  chat_id: number;
  /** What the user sees: the message text or the photo caption with markup removed ('' if none). */
  text: string;
  /** The raw text or caption as sent, when `parse_mode` was HTML. */
  html?: string;
  parse_mode?: string;
  entities?: MessageEntity[];
  reply_markup?: ReplyMarkup;
  photo?: boolean;
  /** Plain caption of a photo. */
  caption?: string;
  /** Unix time in seconds, as in Telegram's Message.date. */
  date: number;
  /** Unix time of the last edit. */
  edit_date?: number;
  edits: number;
  deleted: boolean;
}

export type FaultStatus = 429 | 403 | 400 | 500 | 502;

export interface FaultSpec {
  /** Method name (case-insensitive); any method when omitted, including a polling bot's getUpdates. */
  method?: string;
  /** Only calls whose `chat_id` is this chat. */
  chatId?: number;
  /** How many matching calls fail; default 1. */
  times?: number;
  status: FaultStatus;
  /** Seconds for 429; default 1. */
  retryAfter?: number;
  description?: string;
}

export interface LocalBotApiOptions {
  /** Accept only this token; any token when omitted. */
  token?: string;
  botInfo?: Partial<UserFromGetMe>;
  /** With a webhook set, POST queued updates to it instead of holding them. Default false. */
  deliverViaWebhook?: boolean;
  /** Global flood limit over sendMessage, sendPhoto and editMessageText. */
  rateLimit?: { perSecond: number };
  /** Pause before re-delivering an update the webhook did not accept. Default 1000 ms. */
  webhookRetryDelayMs?: number;
  /** Where update ids start (default 100000001). Telegram's only increase, so a bot that keeps
   * claimed ids across runs needs a new start each run. */
  firstUpdateId?: number;
  /** Added before answering every method call except getUpdates, like a network round trip to Telegram. Default 0. */
  latencyMs?: number;
}

/** The `from` side of a simulated user. */
export interface UserLike {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  is_premium?: true;
}

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
  url?: string;
}

export interface WebhookDelivery {
  update_id: number;
  url: string;
  at: number;
  /** HTTP status of the webhook's answer; absent when the request itself failed. */
  status?: number;
  error?: string;
}

export interface LocalBotApiEvents {
  message: [BotMessage];
  edit: [BotMessage];
  delete: [BotMessage];
  'callback-answer': [CallbackAnswer];
  call: [ApiCall];
  update: [Update];
}
