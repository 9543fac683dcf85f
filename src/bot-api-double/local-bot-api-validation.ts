/**
 * Parameter validation for the local Bot API double. Error descriptions copy
 * the real Bot API's wording (tdlib/telegram-bot-api) wherever Telegram
 * rejects the same input, so bot code that branches on descriptions behaves
 * the same in tests. Checks marked "stricter" go beyond Telegram on purpose.
 */
import type { BotCommand, MessageEntity } from 'grammy/types';

import { ApiError, badRequest } from './local-bot-api-errors.ts';
import type { Payload, ReplyMarkup, UploadedFile } from './local-bot-api-types.ts';
import { parseTelegramHtml } from '../i18n/telegram-html.ts';

export const MESSAGE_TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;
export const CALLBACK_DATA_MAX_BYTES = 64;
export const CALLBACK_ANSWER_TEXT_LIMIT = 200;
export const INLINE_RESULTS_LIMIT = 50;

const utf8Length = (value: string): number => Buffer.byteLength(value, 'utf8');

// ---------------------------------------------------------------------------
// Scalars

export function optionalString(payload: Payload, key: string): string | undefined {
  const value = payload[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw badRequest(`parameter "${key}" must be a string`);
}

export function optionalInteger(payload: Payload, key: string): number | undefined {
  const value = payload[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  throw badRequest(`parameter "${key}" must be an Integer`);
}

export function optionalBoolean(payload: Payload, key: string): boolean {
  const value = payload[key];
  return value === true || value === 'true' || value === 1 || value === '1';
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Lone surrogates come from slicing strings mid-emoji; Telegram rejects them. */
export function assertWellFormed(value: string, what: string): void {
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value)) {
    throw badRequest(`${what} must be encoded in UTF-8`);
  }
}

// ---------------------------------------------------------------------------
// Formatted text

export interface FormattedText {
  /** What the user sees. */
  text: string;
  entities: MessageEntity[];
  /** Raw input when parse_mode was HTML. */
  html?: string;
  parseMode?: string;
}

type TextKind = 'text' | 'caption';

/**
 * Applies `parse_mode` the way the Bot API does. HTML is validated strictly;
 * Markdown modes are accepted unparsed because this project only sends HTML.
 */
export function formatText(raw: string, parseModeValue: unknown, explicitEntities: unknown, kind: TextKind): FormattedText {
  assertWellFormed(raw, kind === 'text' ? 'text' : 'caption');
  const parseMode = typeof parseModeValue === 'string' && parseModeValue !== '' ? parseModeValue : undefined;
  const mode = parseMode?.toLowerCase();

  let formatted: FormattedText;
  if (mode === undefined || mode === 'none') {
    formatted = { text: raw, entities: validateExplicitEntities(explicitEntities, raw) };
  } else if (mode === 'html') {
    const parsed = parseTelegramHtml(raw);
    if (!parsed.ok) throw new ApiError(400, parsed.description);
    formatted = { text: parsed.text, entities: parsed.entities, html: raw };
  } else if (mode === 'markdown' || mode === 'markdownv2') {
    formatted = { text: raw, entities: [] };
  } else {
    throw badRequest('unsupported parse_mode');
  }
  if (parseMode !== undefined) formatted.parseMode = parseMode;

  const limit = kind === 'text' ? MESSAGE_TEXT_LIMIT : CAPTION_LIMIT;
  if (kind === 'text' && formatted.text.trim() === '') throw badRequest('message text is empty');
  // Telegram counts UTF-16 code units of the text after entity parsing.
  if (formatted.text.length > limit) {
    throw badRequest(kind === 'text' ? 'message is too long' : 'message caption is too long');
  }
  return formatted;
}

function validateExplicitEntities(value: unknown, text: string): MessageEntity[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw badRequest("can't parse entities JSON object");
  return value.map((entity: unknown) => {
    if (typeof entity !== 'object' || entity === null) {
      throw badRequest("can't parse MessageEntity: expected an Object");
    }
    const { type, offset, length } = entity as Record<string, unknown>;
    if (typeof type !== 'string') throw badRequest(`can't parse MessageEntity: Field "type" must be of type String`);
    if (typeof offset !== 'number' || typeof length !== 'number') {
      throw badRequest(`can't parse MessageEntity: Field "offset" must be of type Number`);
    }
    if (offset < 0 || length <= 0 || offset + length > text.length) {
      throw badRequest('entity beginning or end is out of text bounds');
    }
    return entity as MessageEntity;
  });
}

// ---------------------------------------------------------------------------
// Reply markup

const INLINE_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
] as const;

const MAX_BUTTONS = 100;

export function parseReplyMarkup(value: unknown): ReplyMarkup | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') throw badRequest("can't parse reply keyboard markup JSON object");
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest('object expected as reply markup');
  const markup = value as Record<string, unknown>;

  if (markup.keyboard !== undefined) {
    validateRows(markup.keyboard, 'Field "keyboard" must be an Array of Arrays', validateKeyboardButton);
    return markup as unknown as ReplyMarkup;
  }
  if (markup.inline_keyboard !== undefined) {
    validateRows(
      markup.inline_keyboard,
      'Field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays',
      validateInlineButton,
    );
    return markup as unknown as ReplyMarkup;
  }
  if (markup.remove_keyboard === true || markup.force_reply === true) return markup as unknown as ReplyMarkup;
  // Telegram ignores markup objects it does not recognise.
  return undefined;
}

function validateRows(rows: unknown, shapeError: string, validateButton: (button: unknown) => void): void {
  if (!Array.isArray(rows)) throw badRequest(lowerFirst(shapeError));
  let count = 0;
  for (const row of rows) {
    if (!Array.isArray(row)) throw badRequest(lowerFirst(shapeError));
    for (const button of row) {
      validateButton(button);
      count += 1;
    }
  }
  if (count > MAX_BUTTONS) throw badRequest('reply markup is too long');
}

function validateKeyboardButton(button: unknown): void {
  if (typeof button === 'string') {
    if (button.trim() === '') throw badRequest('BUTTON_TEXT_INVALID');
    return;
  }
  if (typeof button !== 'object' || button === null) {
    throw badRequest("can't parse keyboard button: KeyboardButton must be a String or an Object");
  }
  const { text } = button as Record<string, unknown>;
  if (typeof text !== 'string') throw badRequest(`can't parse keyboard button: Field "text" must be of type String`);
  if (text.trim() === '') throw badRequest('BUTTON_TEXT_INVALID');
}

function validateInlineButton(button: unknown): void {
  const prefix = "can't parse inline keyboard button: ";
  if (typeof button !== 'object' || button === null || Array.isArray(button)) {
    throw badRequest(`${prefix}InlineKeyboardButton must be an Object`);
  }
  const fields = button as Record<string, unknown>;
  if (fields.text === undefined) throw badRequest(`${prefix}Can't find field "text"`);
  if (typeof fields.text !== 'string') throw badRequest(`${prefix}Field "text" must be of type String`);
  if (fields.text.trim() === '') throw badRequest('BUTTON_TEXT_INVALID');

  const actions = INLINE_ACTIONS.filter((action) => fields[action] !== undefined);
  if (actions.length === 0) throw badRequest(`${prefix}Text buttons are unallowed in the inline keyboard`);
  // Stricter: Telegram silently keeps one of several actions; that is always a bug.
  if (actions.length > 1) {
    throw badRequest(`${prefix}exactly one of the optional fields must be used, found ${actions.join(', ')}`);
  }

  const data = fields.callback_data;
  if (data !== undefined) {
    if (typeof data !== 'string') throw badRequest(`${prefix}Field "callback_data" must be of type String`);
    const bytes = utf8Length(data);
    if (bytes < 1 || bytes > CALLBACK_DATA_MAX_BYTES) throw badRequest('BUTTON_DATA_INVALID');
  }
  const url = fields.url;
  if (url !== undefined) {
    if (typeof url !== 'string') throw badRequest(`${prefix}Field "url" must be of type String`);
    if (!isButtonUrl(url)) throw badRequest('BUTTON_URL_INVALID');
  }
  for (const key of ['switch_inline_query', 'switch_inline_query_current_chat'] as const) {
    if (fields[key] !== undefined && typeof fields[key] !== 'string') {
      throw badRequest(`${prefix}Field "${key}" must be of type String`);
    }
  }
}

function isButtonUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return ['http:', 'https:', 'tg:', 'ton:'].includes(url.protocol);
  } catch {
    return false;
  }
}

function lowerFirst(value: string): string {
  return value.charAt(0).toLowerCase() + value.slice(1);
}

/** The callback_data strings present on a message's inline keyboard. */
export function callbackDataOf(markup: ReplyMarkup | undefined): string[] {
  if (markup === undefined || !('inline_keyboard' in markup)) return [];
  return markup.inline_keyboard.flatMap((row) =>
    row.flatMap((button) => ('callback_data' in button && typeof button.callback_data === 'string' ? [button.callback_data] : [])),
  );
}

// ---------------------------------------------------------------------------
// Commands

const SCOPE_TYPES = new Set([
  'default',
  'all_private_chats',
  'all_group_chats',
  'all_chat_administrators',
  'chat',
  'chat_administrators',
  'chat_member',
]);

export function parseCommands(value: unknown): BotCommand[] {
  // Like Telegram, a missing list sets an empty one.
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw badRequest('field "commands" must be an Array');
  if (value.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
  return value.map((item: unknown) => {
    if (typeof item !== 'object' || item === null) throw badRequest("can't parse BotCommand: expected an Object");
    const { command, description } = item as Record<string, unknown>;
    if (typeof command !== 'string') throw badRequest(`can't parse BotCommand: Can't find field "command"`);
    if (typeof description !== 'string') throw badRequest(`can't parse BotCommand: Can't find field "description"`);
    if (command === '') throw badRequest('command must be non-empty');
    if (command.length > 32 || !/^[a-z0-9_]+$/.test(command)) throw badRequest('BOT_COMMAND_INVALID');
    if (description.trim() === '') throw badRequest('command description must be non-empty');
    if (description.length > 256) throw badRequest('command description is too long');
    return { command, description };
  });
}

/** Key for commands storage; Telegram keeps one list per scope and language. */
export function commandsKey(scopeValue: unknown, languageCode: string | undefined): string {
  let scope: Record<string, unknown> = { type: 'default' };
  if (scopeValue !== undefined) {
    if (typeof scopeValue !== 'object' || scopeValue === null) {
      throw badRequest("can't parse BotCommandScope JSON object");
    }
    scope = scopeValue as Record<string, unknown>;
  }
  const type = scope.type;
  if (typeof type !== 'string' || !SCOPE_TYPES.has(type)) throw badRequest('unsupported bot command scope type');
  const needsChat = type === 'chat' || type === 'chat_administrators' || type === 'chat_member';
  if (needsChat && scope.chat_id === undefined) throw badRequest('chat_id is empty');
  if (type === 'chat_member' && scope.user_id === undefined) throw badRequest('user_id is empty');
  const language = languageCode ?? '';
  if (language !== '' && !/^[a-z]{2}$/.test(language)) throw badRequest('invalid language code specified');
  const key = [type, scope.chat_id ?? '', scope.user_id ?? '', language];
  return key.join('|');
}

// ---------------------------------------------------------------------------
// Webhooks, inline mode, files

export function validateSecretToken(token: string): void {
  if (token.length > 256) throw badRequest('secret token is too long');
  if (!/^[A-Za-z0-9_-]*$/.test(token)) throw badRequest('secret token contains unallowed characters');
}

export function parseAllowedUpdates(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw badRequest("can't parse allowed_updates JSON object");
  }
  return value;
}

export function validateInlineResults(value: unknown): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw badRequest('expected an Array of InlineQueryResult');
  if (value.length > INLINE_RESULTS_LIMIT) throw badRequest('RESULTS_TOO_MUCH');
  const ids = new Set<string>();
  for (const result of value) {
    if (typeof result !== 'object' || result === null) {
      throw badRequest("can't parse InlineQueryResult: expected an Object");
    }
    const { type, id } = result as Record<string, unknown>;
    if (typeof type !== 'string') throw badRequest(`can't parse InlineQueryResult: Can't find field "type"`);
    if (typeof id !== 'string' || id === '' || utf8Length(id) > 64) throw badRequest('RESULT_ID_INVALID');
    if (ids.has(id)) throw badRequest('RESULT_ID_DUPLICATE');
    ids.add(id);
  }
  return value;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Record<string, unknown>).filename === 'string' &&
    typeof (value as Record<string, unknown>).size === 'number'
  );
}

/** JSON with sorted keys, for "is this the same content" comparisons. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return inner;
    return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
