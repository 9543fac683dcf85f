import { describe, expect, it } from 'vitest';

import { escapeBareSymbols, parseTelegramHtml, toTerminal } from '../src/i18n/telegram-html.ts';

const PREFIX = "Bad Request: can't parse entities: ";
// Built at runtime: a regex literal with ESC trips eslint's no-control-regex.
const ANSI_SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const stripAnsi = (value: string): string => value.replace(ANSI_SGR, '');

function errorOf(html: string): string {
  const result = parseTelegramHtml(html);
  if (result.ok) throw new Error(`expected ${JSON.stringify(html)} to be rejected, got ${JSON.stringify(result)}`);
  return result.description;
}

describe('parseTelegramHtml: accepted markup', () => {
  it('passes plain text through unchanged', () => {
    expect(parseTelegramHtml('Iuran JHT dibayar tiap bulan.')).toEqual({
      ok: true,
      text: 'Iuran JHT dibayar tiap bulan.',
      entities: [],
    });
  });

  it.each([
    ['<b>x</b>', 'bold'],
    ['<strong>x</strong>', 'bold'],
    ['<i>x</i>', 'italic'],
    ['<em>x</em>', 'italic'],
    ['<u>x</u>', 'underline'],
    ['<ins>x</ins>', 'underline'],
    ['<s>x</s>', 'strikethrough'],
    ['<strike>x</strike>', 'strikethrough'],
    ['<del>x</del>', 'strikethrough'],
    ['<tg-spoiler>x</tg-spoiler>', 'spoiler'],
    ['<span class="tg-spoiler">x</span>', 'spoiler'],
    ['<code>x</code>', 'code'],
    ['<pre>x</pre>', 'pre'],
    ['<blockquote>x</blockquote>', 'blockquote'],
    ['<blockquote expandable>x</blockquote>', 'expandable_blockquote'],
  ])('%s becomes a %s entity', (html, type) => {
    expect(parseTelegramHtml(html)).toEqual({ ok: true, text: 'x', entities: [{ type, offset: 0, length: 1 }] });
  });

  it('strips tags and decodes the supported entities', () => {
    const result = parseTelegramHtml('<b>Saldo</b> &lt;JHT&gt; &amp; &quot;JP&quot; &#123;&#x1F600;&#x1f44d;');
    expect(result).toMatchObject({ ok: true, text: 'Saldo <JHT> & "JP" {😀👍' });
  });

  it('links carry the href, decoded and normalised like Telegram', () => {
    expect(parseTelegramHtml('<a href="https://bpjsketenagakerjaan.go.id/?a=1&amp;b=2">BPJS</a>')).toEqual({
      ok: true,
      text: 'BPJS',
      entities: [{ type: 'text_link', offset: 0, length: 4, url: 'https://bpjsketenagakerjaan.go.id/?a=1&b=2' }],
    });
    expect(parseTelegramHtml('<a href=telegram.org>t</a>')).toMatchObject({
      entities: [{ type: 'text_link', url: 'http://telegram.org/' }],
    });
  });

  it('measures entity offsets in UTF-16 code units', () => {
    expect(parseTelegramHtml('🏟 🏟<i>🏟 &gt;<b aba = caba>&lt;🏟</b></i>')).toEqual({
      ok: true,
      text: '🏟 🏟🏟 ><🏟',
      entities: [
        { type: 'italic', offset: 5, length: 7 },
        { type: 'bold', offset: 9, length: 3 },
      ],
    });
  });

  it('turns <pre><code class="language-x"> into one pre entity with a language', () => {
    expect(parseTelegramHtml('<pre><code class="language-typescript">const a = 1;</code></pre>')).toEqual({
      ok: true,
      text: 'const a = 1;',
      entities: [{ type: 'pre', offset: 0, length: 12, language: 'typescript' }],
    });
  });

  it('accepts custom emoji, upper-case tags, the empty end tag and unknown attributes', () => {
    expect(parseTelegramHtml('<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>')).toMatchObject({
      ok: true,
      entities: [{ type: 'custom_emoji', custom_emoji_id: '5368324170671202286' }],
    });
    expect(parseTelegramHtml("<B>a</b><i title='x'>b</>")).toMatchObject({ ok: true, text: 'ab' });
  });

  it('drops formatting that covers no text', () => {
    expect(parseTelegramHtml('a<b></b>')).toEqual({ ok: true, text: 'a', entities: [] });
  });
});

describe('parseTelegramHtml: Telegram errors', () => {
  it('rejects unsupported tags with the byte offset of "<"', () => {
    expect(errorOf('Iuran bulan <foo>x</foo>')).toBe(`${PREFIX}Unsupported start tag "foo" at byte offset 12`);
    // Offsets are bytes of UTF-8, not characters.
    expect(errorOf('🏟 🏟&lt;<abac>')).toBe(`${PREFIX}Unsupported start tag "abac" at byte offset 13`);
  });

  it('rejects unclosed, unexpected and unmatched tags', () => {
    expect(errorOf('<b>tebal')).toBe(`${PREFIX}Can't find end tag corresponding to start tag "b"`);
    expect(errorOf('<b>a</b></i>')).toBe(`${PREFIX}Unexpected end tag at byte offset 8`);
    expect(errorOf('<i>a<b>c</i></b>')).toBe(`${PREFIX}Unmatched end tag at byte offset 8, expected "</b>", found "</i>"`);
    expect(errorOf('<b><i>a</b></i>')).toBe(`${PREFIX}Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`);
    expect(errorOf('🏟 🏟&lt;<i>a</i   ')).toBe(`${PREFIX}Unclosed end tag at byte offset 17`);
    expect(errorOf('x <b')).toBe(`${PREFIX}Unclosed start tag at byte offset 2`);
  });

  it('rejects malformed attributes like TDLib', () => {
    expect(errorOf('🏟 🏟&lt;<i   =aba>')).toBe(`${PREFIX}Empty attribute name in the tag "i" at byte offset 13`);
    expect(errorOf('🏟 🏟&lt;<i    aba  =  ')).toBe(`${PREFIX}Unclosed start tag "i" at byte offset 13`);
    expect(errorOf('🏟 🏟&lt;<i    aba  =  190azAz-.,')).toBe(`${PREFIX}Unexpected end of name token at byte offset 27`);
    expect(errorOf('<a href="https://x.org>x</a>')).toBe(`${PREFIX}Unclosed start tag at byte offset 0`);
  });

  it('requires class="tg-spoiler" on span and a valid custom emoji id', () => {
    expect(errorOf('<span class="x">a</span>')).toBe(`${PREFIX}Tag "span" must have class "tg-spoiler" at byte offset 0`);
    expect(errorOf('<tg-emoji emoji-id="abc">👍</tg-emoji>')).toBe(`${PREFIX}Invalid custom emoji identifier specified`);
  });

  it('rejects a bare "<" that is not a tag', () => {
    expect(errorOf('gaji < 5 juta')).toBe(`${PREFIX}Unsupported start tag "" at byte offset 5`);
    expect(errorOf('gaji <5 juta')).toBe(`${PREFIX}Unsupported start tag "5" at byte offset 5`);
  });
});

describe('parseTelegramHtml: stricter than Telegram, to catch unescaped data', () => {
  it('rejects a bare "&"', () => {
    expect(errorOf('PT Maju & Jaya')).toBe(`${PREFIX}Unescaped "&" at byte offset 8, use "&amp;"`);
  });

  it('rejects entities Telegram would print literally or decode leniently', () => {
    expect(errorOf('a &apos; b')).toMatch(/^Bad Request: can't parse entities: Unescaped "&" at byte offset 2/);
    expect(errorOf('a &lt b')).toMatch(/Unescaped "&" at byte offset 2/);
    expect(errorOf('&#0;')).toMatch(/Unescaped "&"/);
    expect(errorOf('&#1114111;')).toMatch(/Unescaped "&"/);
    expect(errorOf('<a href="https://x.org/?a=1&b=2">x</a>')).toMatch(/Unescaped "&" at byte offset 27/);
  });

  it('rejects a bare ">"', () => {
    expect(errorOf('usia > 56 tahun')).toBe(`${PREFIX}Unescaped ">" at byte offset 5, use "&gt;"`);
  });

  it('rejects lone surrogates from numeric entities', () => {
    expect(errorOf('&#xD83D;')).toBe(
      `${PREFIX}Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units`,
    );
  });

  it('requires href on <a>', () => {
    expect(errorOf('<a>https://x.org</a>')).toBe(`${PREFIX}Tag "a" must have a non-empty "href" attribute at byte offset 0`);
  });
});

describe('toTerminal', () => {
  it('renders bold, italic and code with ANSI escapes', () => {
    const out = toTerminal('<b>Tebal</b> <i>miring</i> <code>JHT-01</code>');
    expect(out).toContain('\x1b[1mTebal');
    expect(out).toContain('\x1b[3mmiring');
    expect(out).toContain('\x1b[36mJHT-01');
    expect(out.endsWith('\x1b[0m')).toBe(true);
  });

  it('shows links as "text (href)" and decodes entities', () => {
    const out = toTerminal('Lihat <a href="https://bpjsketenagakerjaan.go.id/">situs</a> &amp; &lt;info&gt;');
    expect(stripAnsi(out)).toBe('Lihat situs (https://bpjsketenagakerjaan.go.id/) & <info>');
  });

  it('marks blockquote lines and never throws on invalid markup', () => {
    expect(stripAnsi(toTerminal('<blockquote>a\nb</blockquote>'))).toBe('│ a\n│ b');
    expect(toTerminal('rusak <b>tanpa akhir &amp; <foo>')).toBe('rusak tanpa akhir & ');
  });
});

describe('text typed as an announcement', () => {
  it('has its bare "&", "<" and ">" escaped, and its tags and entities kept', () => {
    expect(escapeBareSymbols('Rapat & koordinasi: peserta < 50, nilai > 3')).toBe('Rapat &amp; koordinasi: peserta &lt; 50, nilai &gt; 3');
    expect(escapeBareSymbols('<b>PT Maju &amp; Jaya</b> &#38; <a href="https://x.id/?a=1&b=2">tautan</a>')).toBe(
      '<b>PT Maju &amp; Jaya</b> &#38; <a href="https://x.id/?a=1&amp;b=2">tautan</a>',
    );
    expect(parseTelegramHtml(escapeBareSymbols('Rapat & koordinasi <i>besok</i>'))).toMatchObject({
      ok: true,
      text: 'Rapat & koordinasi besok',
    });
  });
});
