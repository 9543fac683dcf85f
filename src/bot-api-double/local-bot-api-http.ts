/**
 * Request decoding for the local Bot API double: the three body encodings the
 * real Bot API accepts, normalised to one payload shape so validation and
 * recorded calls look the same whichever encoding the client chose.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { ApiResponse, Payload, UploadedFile } from './local-bot-api-types.ts';
import { ApiError } from './local-bot-api-errors.ts';

const MAX_BODY_BYTES = 60 * 1024 * 1024;

/**
 * Fields whose value is JSON in Telegram's schema. Form encodings carry them as
 * JSON strings, and the Bot API also accepts JSON strings inside JSON bodies.
 */
const JSON_FIELDS = new Set([
  'allowed_updates',
  'button',
  'caption_entities',
  'commands',
  'entities',
  'link_preview_options',
  'media',
  'menu_button',
  'message_ids',
  'reply_markup',
  'reply_parameters',
  'results',
  'scope',
]);

const INTEGER_FIELDS = new Set([
  'cache_time',
  'chat_id',
  'from_chat_id',
  'limit',
  'max_connections',
  'message_id',
  'message_thread_id',
  'offset',
  'reply_to_message_id',
  'timeout',
  'user_id',
]);

const BOOLEAN_FIELDS = new Set([
  'allow_sending_without_reply',
  'disable_notification',
  'disable_web_page_preview',
  'drop_pending_updates',
  'has_spoiler',
  'is_personal',
  'protect_content',
  'show_alert',
  'show_caption_above_media',
]);

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, 'Request Entity Too Large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Merges query-string parameters with the body (body wins) into one payload. */
export function decodePayload(contentType: string | undefined, body: Buffer, query: URLSearchParams): Payload {
  const payload: Payload = {};
  for (const [key, value] of query) payload[key] = normalizeValue(key, value);

  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (body.length === 0) return payload;

  if (mediaType === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new ApiError(400, "Bad Request: can't parse JSON object");
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ApiError(400, 'Bad Request: JSON object expected as request body');
    }
    for (const [key, value] of Object.entries(parsed)) {
      if (value !== null) payload[key] = normalizeValue(key, value);
    }
    return payload;
  }

  if (mediaType === 'application/x-www-form-urlencoded') {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) payload[key] = normalizeValue(key, value);
    return payload;
  }

  if (mediaType === 'multipart/form-data') {
    const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
    const boundaryValue = boundary?.[1] ?? boundary?.[2];
    if (boundaryValue === undefined) throw new ApiError(400, 'Bad Request: multipart boundary is missing');
    const { fields, files } = parseMultipart(body, boundaryValue);
    for (const [key, value] of fields) payload[key] = normalizeValue(key, value);
    resolveAttachments(payload, files);
    return payload;
  }

  // Unknown content types are ignored like Telegram does; the query string still counts.
  return payload;
}

/** Coerces a form or query value (or a JSON value of the wrong type) to its schema type. */
function normalizeValue(key: string, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  if (JSON_FIELDS.has(key)) {
    const trimmed = value.trim();
    if (trimmed === '') return undefined;
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      // Left as a string so the method's validation reports it in Telegram's words.
      return value;
    }
  }
  if (INTEGER_FIELDS.has(key) && /^-?\d{1,16}$/.test(value.trim())) return Number(value.trim());
  if (BOOLEAN_FIELDS.has(key)) {
    const lowered = value.trim().toLowerCase();
    if (lowered === 'true' || lowered === '1') return true;
    if (lowered === 'false' || lowered === '0' || lowered === '') return false;
  }
  return value;
}

interface MultipartResult {
  fields: Array<[string, string]>;
  files: Map<string, UploadedFile>;
}

/**
 * Minimal multipart/form-data reader. It tolerates grammY's compact headers
 * (`content-disposition:form-data;name="x";filename=y.png`, no spaces, unquoted
 * filename) as well as the browser/curl style.
 */
function parseMultipart(body: Buffer, boundary: string): MultipartResult {
  const fields: Array<[string, string]> = [];
  const files = new Map<string, UploadedFile>();
  const delimiter = Buffer.from(`--${boundary}`);
  const nextDelimiter = Buffer.from(`\r\n--${boundary}`);

  let position = body.indexOf(delimiter);
  if (position === -1) throw new ApiError(400, 'Bad Request: malformed multipart/form-data body');
  position += delimiter.length;

  for (;;) {
    // "--" right after a delimiter closes the body.
    if (body[position] === 0x2d && body[position + 1] === 0x2d) break;
    if (body[position] === 0x0d && body[position + 1] === 0x0a) position += 2;
    const end = body.indexOf(nextDelimiter, position);
    if (end === -1) throw new ApiError(400, 'Bad Request: malformed multipart/form-data body');
    const part = body.subarray(position, end);
    position = end + nextDelimiter.length;

    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = parsePartHeaders(part.subarray(0, headerEnd).toString('utf8'));
    const content = part.subarray(headerEnd + 4);
    const disposition = headers.get('content-disposition') ?? '';
    const name = dispositionParam(disposition, 'name');
    if (name === undefined) continue;
    const filename = dispositionParam(disposition, 'filename');
    if (filename !== undefined) {
      const file: UploadedFile = { filename, size: content.length };
      Object.defineProperty(file, 'data', { value: Buffer.from(content), enumerable: false });
      files.set(name, file);
    } else fields.push([name, content.toString('utf8')]);
  }
  return { fields, files };
}

function parsePartHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function dispositionParam(disposition: string, param: string): string | undefined {
  const pattern = new RegExp(`(?:^|;)\\s*${param}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i');
  const match = pattern.exec(disposition);
  if (match === null) return undefined;
  const quoted = match[1];
  return quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : (match[2] ?? '').trim();
}

/**
 * grammY (like the Bot API spec) names file parts with random ids and points to
 * them with `attach://<id>`; replace those references with the file record so
 * the payload shows which field carried which upload.
 */
function resolveAttachments(payload: Payload, files: Map<string, UploadedFile>): void {
  const used = new Set<string>();
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string' && value.startsWith('attach://')) {
      const id = value.slice('attach://'.length);
      const file = files.get(id);
      if (file === undefined) return value;
      used.add(id);
      return file;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  for (const [key, value] of Object.entries(payload)) payload[key] = resolve(value);
  // Parts uploaded directly under the parameter name (curl -F photo=@x.png).
  for (const [name, file] of files) {
    if (!used.has(name) && payload[name] === undefined) payload[name] = file;
  }
}

export function sendJson(res: ServerResponse, status: number, body: ApiResponse): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
