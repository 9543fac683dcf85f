import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadResources, createI18n, translator } from '../src/i18n/i18n.ts';
import {
  formatClockTime,
  formatCompact,
  formatDate,
  formatDateTime,
  formatInteger,
  formatPercent,
  formatRupiah,
  formatTimeOfDay,
  formatsFor,
  fmt,
} from '../src/i18n/format.ts';
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

describe('number and date formats', () => {
  it('writes figures as the sources do', () => {
    expect(formatInteger(2789917)).toBe('2.789.917');
    expect(formatPercent(31.33)).toBe('31,33%');
    expect(formatDate(new Date('2025-08-27T03:00:00Z'))).toBe('27 Agustus 2025');
  });

  it('writes percentages, rupiah and times as PUEBI does, times with their zone', () => {
    expect(formatPercent(50)).toBe('50%');
    expect(formatRupiah(3_500_000)).toBe('Rp3.500.000');
    expect(formatRupiah(8_400)).toBe('Rp8.400');
    expect(formatClockTime('19:30')).toBe('19.30 WIB');
    expect(formatClockTime('19:30', 'Asia/Makassar')).toBe('19.30 WITA');
    expect(formatClockTime('07:05', 'Asia/Jayapura')).toBe('07.05 WIT');
    const evening = new Date('2026-12-15T12:30:00Z');
    expect(formatTimeOfDay(evening)).toBe('19.30 WIB');
    expect(formatTimeOfDay(evening, 'Asia/Jayapura')).toBe('21.30 WIT');
    expect(formatDateTime(evening)).toBe('15 Desember 2026 pukul 19.30 WIB');
    // Rounded figures, where they read better (a chart's axis).
    expect([50_000_000, 2_789_917, 900_000, 0].map(formatCompact)).toEqual(['50 juta', '2,79 juta', '900 ribu', '0']);
  });

  it('are English in English: the same figures, written the English way', () => {
    const en = formatsFor('en');
    expect(en.integer(2789917)).toBe('2,789,917');
    expect(en.percent(31.33)).toBe('31.33%');
    expect(en.rupiah(3_500_000)).toBe('Rp3,500,000');
    expect(en.date(new Date('2025-08-27T03:00:00Z'))).toBe('27 August 2025');
    expect(en.calendarDate('2024-12-01', 'month')).toBe('December 2024');
    expect(en.clockTime('19:30', 'Asia/Makassar')).toBe('19:30 WITA');
    expect(en.dateTime(new Date('2026-12-15T12:30:00Z'))).toBe('15 December 2026 at 19:30 WIB');
    expect(en.signedInteger(-5_270_000)).toBe('−5,270,000');
    expect([50_000_000, 2_789_917, 900_000].map(en.compact)).toEqual(['50 million', '2.79 million', '900 thousand']);
    expect(en.shortMonth(new Date('2025-08-27T00:00:00Z'))).toBe('Aug 2025');
    // And a translator picks its language's formats.
    expect(fmt(translator(createI18n('id'), 'en')).percent(45.17)).toBe('45.17%');
    expect(fmt(translator(createI18n('id'), 'id')).percent(45.17)).toBe('45,17%');
  });

  it('has no figure written against PUEBI in any locale text', () => {
    const offending: string[] = [];
    for (const locale of ['id', 'en']) {
      const dir = path.join(import.meta.dirname, '..', 'locales', locale);
      for (const file of fs.readdirSync(dir)) {
        const text = fs.readFileSync(path.join(dir, file), 'utf8');
        for (const line of text.split('\n'))
          if (/\d[\s\u00a0]%|\}\} %|Rp[\s\u00a0]\{\{|Rp[\s\u00a0]\d/.test(line)) offending.push(`${locale}/${file}: ${line.trim()}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('has none in the seed texts people read either: notes, and the Indonesian answers (times as 06.00)', () => {
    const seed = path.join(import.meta.dirname, '..', 'data', 'seed');
    const texts = [
      ...['coverage.csv', 'contribution-rules.csv'].map((f) => fs.readFileSync(path.join(seed, f), 'utf8')),
      ...(JSON.parse(fs.readFileSync(path.join(seed, 'knowledge.json'), 'utf8')) as { answer_id: string }[]).map((e) => e.answer_id),
    ];
    const offending = texts.flatMap((t) => t.split('\n')).filter((line) => /\d[\s\u00a0]%|Rp[\s\u00a0]\d|\b\d{2}:\d{2}\b/.test(line));
    expect(offending).toEqual([]);
  });
});
