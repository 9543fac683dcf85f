/**
 * Telegram's `parse_mode: "HTML"` dialect, parsed the way the Bot API server
 * (TDLib's `parse_html`) does, so tests fail on markup that Telegram would
 * reject with "can't parse entities".
 *
 * The parser is deliberately STRICTER than Telegram in three places, because
 * each of them is how unescaped user or database text usually shows up, and
 * Telegram would silently print it wrong instead of failing:
 *   - a bare `&` that does not start `&lt;` `&gt;` `&amp;` `&quot;` `&#NNN;` or
 *     `&#xHHH;` (Telegram keeps it literally and also accepts a missing `;`);
 *   - a bare `>` in text (Telegram keeps it literally);
 *   - `<a>` without a non-empty `href` (Telegram links the anchor text).
 * A bare `<` is already an error in Telegram and gets Telegram's wording.
 */
import type { MessageEntity } from 'grammy/types';

export type TelegramHtmlResult = { ok: true; text: string; entities: MessageEntity[] } | { ok: false; description: string };

const ERROR_PREFIX = "Bad Request: can't parse entities: ";

const SUPPORTED_TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'tg-emoji',
  'code',
  'pre',
  'blockquote',
]);

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
};

/** TDLib's `is_space`; the tag grammar splits on exactly these. */
function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n' || ch === '\v' || ch === '\0';
}

function isNameTokenChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9.-]/.test(ch);
}

class HtmlParseError extends Error {}

function fail(message: string): never {
  throw new HtmlParseError(message);
}

interface OpenTag {
  name: string;
  argument: string;
  /** UTF-16 offset in the output text where the tag's content starts. */
  start: number;
}

/** Entity with TDLib's internal argument kept until the enclosing <pre> decides. */
interface PendingEntity {
  entity: MessageEntity;
  /** Language of a `<code class="language-x">`, consumed by an enclosing `<pre>`. */
  codeLanguage?: string;
}

/**
 * What a person types as text, made into the HTML they meant: "&", "<" and ">" that begin no
 * entity or tag are escaped ("Rapat & koordinasi", "3 < 5"), tags are left for the parser to check.
 */
export function escapeBareSymbols(text: string): string {
  return text
    .replace(/&(?!(?:amp|lt|gt|quot|#\d{1,7}|#x[0-9a-f]{1,6});)/gi, '&amp;')
    .replace(/<(?!\/?[a-z])/gi, '&lt;')
    .replace(/(^|[^"'a-z0-9/-])>/gi, '$1&gt;');
}

/**
 * Validates `html` as Telegram HTML and returns the text a user would see,
 * plus the entities Telegram would attach (`entities` goes beyond the Telegram
 * error contract but lets the double answer with realistic Message objects).
 */
export function parseTelegramHtml(html: string): TelegramHtmlResult {
  try {
    return { ok: true, ...parseStrict(html) };
  } catch (error) {
    if (error instanceof HtmlParseError) return { ok: false, description: ERROR_PREFIX + error.message };
    throw error;
  }
}

function parseStrict(html: string): { text: string; entities: MessageEntity[] } {
  // Byte offsets are only needed for error messages, so compute them lazily.
  const byteOffset = (index: number): number => Buffer.byteLength(html.slice(0, index), 'utf8');

  let text = '';
  const stack: OpenTag[] = [];
  const pending: PendingEntity[] = [];
  const n = html.length;
  let i = 0;

  const readEntity = (at: number): { char: string; end: number } => {
    const decoded = decodeEntity(html, at);
    if (decoded === undefined) fail(`Unescaped "&" at byte offset ${byteOffset(at)}, use "&amp;"`);
    if (decoded === 'surrogate') {
      fail('Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units');
    }
    return decoded;
  };

  while (i < n) {
    const c = html[i];
    if (c === '&') {
      const { char, end } = readEntity(i);
      text += char;
      i = end;
      continue;
    }
    if (c === '>') fail(`Unescaped ">" at byte offset ${byteOffset(i)}, use "&gt;"`);
    if (c !== '<') {
      text += c;
      i += 1;
      continue;
    }

    const begin = i;
    i += 1;
    if (html[i] !== '/') {
      while (i < n && !isSpace(html[i]) && html[i] !== '>') i += 1;
      if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
      const name = html.slice(begin + 1, i).toLowerCase();
      if (!SUPPORTED_TAGS.has(name)) fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(begin)}`);

      const attributes = new Map<string, string>();
      while (html[i] !== '>') {
        while (i < n && isSpace(html[i])) i += 1;
        if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
        if (html[i] === '>') break;
        const attributeBegin = i;
        while (i < n && !isSpace(html[i]) && html[i] !== '=' && html[i] !== '>') i += 1;
        const attributeName = html.slice(attributeBegin, i).toLowerCase();
        if (attributeName === '') {
          fail(`Empty attribute name in the tag "${name}" at byte offset ${byteOffset(begin)}`);
        }
        while (i < n && isSpace(html[i])) i += 1;
        if (html[i] !== '=') {
          // Value-less attribute such as <blockquote expandable>.
          attributes.set(attributeName, '');
          continue;
        }
        i += 1;
        while (i < n && isSpace(html[i])) i += 1;
        if (i >= n) fail(`Unclosed start tag "${name}" at byte offset ${byteOffset(begin)}`);

        let value = '';
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          i += 1;
          while (i < n && html[i] !== quote) {
            if (html[i] === '&') {
              const { char, end } = readEntity(i);
              value += char;
              i = end;
            } else {
              value += html[i];
              i += 1;
            }
          }
          if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
          i += 1;
        } else {
          // HTML "name token": letters, digits, periods, hyphens; case-insensitive.
          const tokenBegin = i;
          while (isNameTokenChar(html[i])) i += 1;
          value = html.slice(tokenBegin, i).toLowerCase();
          if (i < n && !isSpace(html[i]) && html[i] !== '>') {
            fail(`Unexpected end of name token at byte offset ${byteOffset(tokenBegin)}`);
          }
        }
        if (i >= n) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
        attributes.set(attributeName, value);
      }

      const argument = tagArgument(name, attributes);
      if (name === 'span' && argument !== 'spoiler') {
        fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
      }
      if (name === 'a' && argument === '') {
        fail(`Tag "a" must have a non-empty "href" attribute at byte offset ${byteOffset(begin)}`);
      }
      stack.push({ name, argument, start: text.length });
      i += 1;
      continue;
    }

    const top = stack.at(-1);
    if (top === undefined) fail(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
    i += 1;
    const nameBegin = i;
    while (i < n && !isSpace(html[i]) && html[i] !== '>') i += 1;
    const endName = html.slice(nameBegin, i).toLowerCase();
    while (i < n && isSpace(html[i])) i += 1;
    if (i >= n || html[i] !== '>') fail(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
    const open = top;
    if (endName !== '' && endName !== open.name) {
      fail(`Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${open.name}>", found "</${endName}>"`);
    }
    stack.pop();
    i += 1;
    closeTag(open, text, pending);
  }

  const unclosed = stack.at(-1);
  if (unclosed !== undefined) fail(`Can't find end tag corresponding to start tag "${unclosed.name}"`);

  return { text, entities: sortEntities(pending.map((p) => p.entity)) };
}

function tagArgument(name: string, attributes: ReadonlyMap<string, string>): string {
  switch (name) {
    case 'a':
      return attributes.get('href') ?? '';
    case 'code': {
      const cls = attributes.get('class') ?? '';
      return cls.startsWith('language-') ? cls.slice('language-'.length) : '';
    }
    case 'span': {
      const cls = attributes.get('class') ?? '';
      return cls.startsWith('tg-') ? cls.slice('tg-'.length) : '';
    }
    case 'tg-emoji':
      return attributes.get('emoji-id') ?? '';
    case 'blockquote':
      return attributes.has('expandable') ? 'expandable' : '';
    default:
      return '';
  }
}

/** Tags that become an entity with nothing but a type. */
const PLAIN_ENTITY_TYPES: Partial<Record<string, 'bold' | 'italic' | 'underline' | 'strikethrough' | 'spoiler'>> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  span: 'spoiler',
  'tg-spoiler': 'spoiler',
};

function closeTag(open: OpenTag, text: string, pending: PendingEntity[]): void {
  if (open.name === 'tg-emoji' && !/^[1-9][0-9]{0,18}$/.test(open.argument)) {
    fail('Invalid custom emoji identifier specified');
  }
  const offset = open.start;
  const length = text.length - offset;
  // Telegram drops formatting that covers no text.
  if (length <= 0) return;

  const last = pending.at(-1);
  const coversSameRange = last !== undefined && last.entity.offset === offset && last.entity.length === length;

  const plainType = PLAIN_ENTITY_TYPES[open.name];
  if (plainType) {
    pending.push({ entity: { type: plainType, offset, length } });
    return;
  }
  switch (open.name) {
    case 'tg-emoji':
      pending.push({ entity: { type: 'custom_emoji', offset, length, custom_emoji_id: open.argument } });
      return;
    case 'blockquote':
      pending.push({
        entity: { type: open.argument === 'expandable' ? 'expandable_blockquote' : 'blockquote', offset, length },
      });
      return;
    case 'a': {
      const url = normalizeUrl(open.argument);
      // Like Telegram: an unusable URL leaves plain text rather than failing.
      if (url !== undefined) pending.push({ entity: { type: 'text_link', offset, length, url } });
      return;
    }
    case 'code': {
      // <code class="language-x"><pre>…</pre></code> is accepted by Telegram too.
      if (coversSameRange && last.entity.type === 'pre' && open.argument !== '') {
        pending[pending.length - 1] = { entity: { type: 'pre', offset, length, language: open.argument } };
        return;
      }
      const entry: PendingEntity = { entity: { type: 'code', offset, length } };
      if (open.argument !== '') entry.codeLanguage = open.argument;
      pending.push(entry);
      return;
    }
    case 'pre': {
      // <pre><code class="language-x">…</code></pre> is one pre entity with a language.
      if (coversSameRange && last.entity.type === 'code' && last.codeLanguage !== undefined) {
        pending[pending.length - 1] = { entity: { type: 'pre', offset, length, language: last.codeLanguage } };
      } else {
        pending.push({ entity: { type: 'pre', offset, length } });
      }
      return;
    }
    default:
      return;
  }
}

/**
 * Decodes the entity at `html[at] === '&'`. Returns undefined when the `&`
 * does not start a supported, `;`-terminated entity (strict mode).
 */
function decodeEntity(html: string, at: number): { char: string; end: number } | 'surrogate' | undefined {
  const match = /^&(?:([a-z]+)|#([0-9]{1,8})|#x([0-9a-fA-F]{1,7}));/.exec(html.slice(at, at + 12));
  if (match === null) return undefined;
  const end = at + match[0].length;
  const [, name, decimal, hex] = match;
  if (name !== undefined) {
    const char = NAMED_ENTITIES[name];
    return char === undefined ? undefined : { char, end };
  }
  const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'surrogate';
  if (codePoint === 0 || codePoint >= 0x10ffff) return undefined;
  return { char: String.fromCodePoint(codePoint), end };
}

/** Mirrors Telegram's URL normalisation closely enough for text_link entities. */
function normalizeUrl(href: string): string | undefined {
  const trimmed = href.trim();
  if (trimmed === '') return undefined;
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  const candidate = hasScheme ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  if (scheme === 'http' || scheme === 'https' || scheme === 'ftp') {
    return url.hostname.includes('.') || url.hostname === 'localhost' ? url.href : undefined;
  }
  if (scheme === 'tg' || scheme === 'ton' || scheme === 'mailto') return trimmed;
  return undefined;
}

/** TDLib's entity order: by offset, longer first, then by type priority. */
const TYPE_PRIORITY: Readonly<Record<string, number>> = {
  blockquote: 0,
  expandable_blockquote: 0,
  pre: 11,
  code: 20,
  text_link: 49,
  text_mention: 49,
  bold: 90,
  italic: 91,
  underline: 92,
  strikethrough: 93,
  spoiler: 94,
  custom_emoji: 99,
};

function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities
    .map((entity, index) => ({ entity, index }))
    .sort(
      (a, b) =>
        a.entity.offset - b.entity.offset ||
        b.entity.length - a.entity.length ||
        (TYPE_PRIORITY[a.entity.type] ?? 50) - (TYPE_PRIORITY[b.entity.type] ?? 50) ||
        a.index - b.index,
    )
    .map(({ entity }) => entity);
}

// ---------------------------------------------------------------------------
// Terminal rendering (for the chat console)

const RESET = '\x1b[0m';

const SGR: Readonly<Partial<Record<MessageEntity['type'], string>>> = {
  bold: '1',
  italic: '3',
  underline: '4',
  strikethrough: '9',
  spoiler: '7',
  code: '36',
  pre: '36',
  text_link: '4',
};

/**
 * Renders Telegram HTML for an ANSI terminal. Never throws: markup Telegram
 * would reject is shown with tags stripped, since the console is for humans.
 */
export function toTerminal(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) return decodeLeniently(html.replace(/<\/?[a-z][a-z-]*(?:\s[^<>]*)?>/gi, ''));
  return renderEntities(parsed.text, parsed.entities);
}

/** Renders plain text plus Bot API entities with ANSI escapes. */
export function renderEntities(text: string, entities: readonly MessageEntity[]): string {
  let out = '';
  let current = '';
  const endOf = (e: MessageEntity): number => e.offset + e.length;

  for (let i = 0; i <= text.length; i += 1) {
    for (const e of entities) {
      if (e.type !== 'text_link' || endOf(e) !== i) continue;
      if (text.slice(e.offset, endOf(e)) === e.url) continue;
      out += `${RESET}\x1b[2m (${e.url})${RESET}`;
      current = '';
    }
    if (i === text.length) break;

    const active = entities.filter((e) => e.offset <= i && i < endOf(e));
    const codes = [...new Set(active.map((e) => SGR[e.type]).filter((code) => code !== undefined))].sort();
    const sgr = codes.length > 0 ? `\x1b[${codes.join(';')}m` : '';
    if (sgr !== current) {
      out += RESET + sgr;
      current = sgr;
    }
    const quote = active.find((e) => e.type === 'blockquote' || e.type === 'expandable_blockquote');
    if (quote !== undefined && (i === quote.offset || text[i - 1] === '\n')) out += '│ ';
    out += text[i];
  }
  if (current !== '') out += RESET;
  return out;
}

function decodeLeniently(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});?/g, (whole, body: string) => {
    if (body.startsWith('#x')) return safeFromCodePoint(Number.parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith('#')) return safeFromCodePoint(Number.parseInt(body.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function safeFromCodePoint(codePoint: number): string | undefined {
  return codePoint > 0 && codePoint < 0x110000 ? String.fromCodePoint(codePoint) : undefined;
}
