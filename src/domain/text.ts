// Text as PostgreSQL stores it. Half of an emoji (a lone UTF-16 surrogate, which cutting text
// can leave) is no valid JSON for a jsonb column: "Unicode low surrogate must follow a high
// surrogate" failed the update. It becomes U+FFFD wherever text is cut or written as JSON.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every lone surrogate as U+FFFD (String.prototype.toWellFormed, before ES2024). */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** At most `max` UTF-16 units of the text, never half an emoji. */
export function cut(text: string, max: number): string {
  return text.length <= max ? text : wellFormed(text.slice(0, max));
}

/** JSON for a jsonb column: every string in it well-formed. */
export function jsonForDb(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? wellFormed(v) : v));
}
