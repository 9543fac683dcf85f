import { describe, expect, it } from 'vitest';
import { loadResources, createI18n } from '../src/i18n/i18n.ts';
import { formatDate, formatInteger, formatPercent } from '../src/i18n/format.ts';
import { parseTelegramHtml } from '../src/i18n/telegram-html.ts';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  // A list (example questions, steps) is one key: its length may differ between languages.
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' || Array.isArray(v) ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function leaves(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v)));
}

describe('locales', () => {
  const resources = loadResources() as unknown as Record<'id' | 'en', Record<string, Tree>>;

  it('have the same namespaces and keys in Indonesian and English', () => {
    expect(Object.keys(resources.en).sort()).toEqual(Object.keys(resources.id).sort());
    for (const ns of Object.keys(resources.id)) {
      expect(keys(resources.en[ns]!).sort(), `namespace ${ns}`).toEqual(keys(resources.id[ns]!).sort());
    }
  });

  it('have no empty text, and every text is valid Telegram HTML', () => {
    for (const lng of ['id', 'en'] as const) {
      for (const [ns, tree] of Object.entries(resources[lng])) {
        for (const text of leaves(tree)) {
          expect(text.trim(), `${lng}/${ns}`).not.toBe('');
          const parsed = parseTelegramHtml(text.replace(/\{\{[^}]+\}\}/g, 'x'));
          expect(parsed, `${lng}/${ns}: ${text}`).toMatchObject({ ok: true });
        }
      }
    }
  });

  it('escape interpolated data for Telegram HTML', () => {
    const i18n = createI18n('id');
    expect(i18n.t('start:greeting', { name: '<Budi & "Ani">' })).toContain('&lt;Budi &amp; &quot;Ani&quot;&gt;');
  });
});

describe('Indonesian number and date formats', () => {
  it('writes figures as the sources do', () => {
    expect(formatInteger(2789917)).toBe('2.789.917');
    expect(formatPercent(31.33)).toBe('31,33 %');
    expect(formatDate(new Date('2025-08-27T03:00:00Z'))).toBe('27 Agustus 2025');
  });
});
