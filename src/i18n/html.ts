/** Escapes data for Telegram's HTML parse mode, which knows only these four entities. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
