/**
 * Telegram HTML the bot made itself (a translated fragment, a block already escaped). Passed to
 * a translation as a value it goes in as it is: data is escaped once, never twice
 * ("PT Maju &amp;amp; Jaya").
 */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** Marks HTML the bot made as such; never for text that came from a person or a file. */
export const trustedHtml = (html: string): Html => new Html(html);

/** Escapes data for Telegram's HTML parse mode, which knows only these four entities; HTML the bot made passes as it is. */
export function escapeHtml(value: unknown): string {
  if (value instanceof Html) return value.html;
  return String(value).replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
