// Data is escaped once, and only once, in every text the bot sends (Telegram HTML): a name
// with "&" and "<script>" through every template of both languages, and translated fragments
// passed into other translations.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../src/i18n/i18n.ts';
import { trustedHtml } from '../src/i18n/html.ts';
import { parseTelegramHtml } from '../src/i18n/telegram-html.ts';

const NAME = 'PT Maju & Jaya <script>';
const ESCAPED = 'PT Maju &amp; Jaya &lt;script&gt;';
const i18n = createI18n('id');

/** Every string of a locale file with its key ("winners:saved", "common:menu.title"). */
function templates(locale: string): { key: string; text: string }[] {
  const dir = path.join(import.meta.dirname, '..', 'locales', locale);
  const out: { key: string; text: string }[] = [];
  const walk = (ns: string, value: unknown, at: string[]) => {
    if (typeof value === 'string') out.push({ key: `${ns}:${at.join('.')}`, text: value });
    else if (value && typeof value === 'object' && !Array.isArray(value))
      for (const [k, v] of Object.entries(value)) walk(ns, v, [...at, k]);
  };
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')))
    walk(file.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')), []);
  return out;
}

describe('Telegram HTML in every template', () => {
  for (const locale of ['id', 'en'] as const) {
    it(`escapes a name once and stays valid HTML (${locale})`, () => {
      const t = i18n.getFixedT(locale);
      const checked: string[] = [];
      for (const { key, text } of templates(locale)) {
        const variables = [...text.matchAll(/{{\s*([\w.]+)\s*(?:,\s*\w+\s*)?}}/g)].map((m) => m[1]!);
        if (!variables.length) continue;
        const baseKey = key.replace(/_(zero|one|two|few|many|other)$/, '');
        const out = t(baseKey, { ...Object.fromEntries(variables.map((v) => [v, NAME])), count: 2 });
        const parsed = parseTelegramHtml(out);
        expect(parsed.ok, `${key}: ${out}`).toBe(true);
        expect(out, key).not.toMatch(/&amp;(amp|lt|gt|quot);/);
        if (variables.some((v) => v !== 'count')) expect(out, key).toContain(ESCAPED);
        checked.push(key);
      }
      expect(checked.length).toBeGreaterThan(150);
    });
  }

  it('puts a translated fragment into another translation without escaping it again', () => {
    const t = i18n.getFixedT('id');
    const recipient = trustedHtml(t('winners:organisation', { name: NAME }));
    expect(t('winners:saved', { title: 'Inovasi & Kolaborasi', recipient })).toBe(
      `✅ Pemenang tersimpan: Inovasi &amp; Kolaborasi — ${ESCAPED} (organisasi). Ada pemenang lain di acara ini? Tekan tombol di bawah.`,
    );
    // Without the mark, a fragment is data like any other: escaped.
    expect(t('winners:organisation', { name: t('winners:organisation', { name: '&' }) })).toBe('&amp;amp; (organisasi) (organisasi)');
  });
});
