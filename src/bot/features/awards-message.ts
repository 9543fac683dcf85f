// Award history as pages of at most PAGE_CHARS characters, one block per ceremony.
import type { CeremonyAwards } from '../../domain/awards/award-history.ts';
import { dataText } from '../../i18n/data-text.ts';
import { fmt } from '../../i18n/format.ts';
import type { TFunction } from '../../i18n/i18n.ts';
import type { Html } from '../../i18n/html.ts';

/** Well under Telegram's 4,096, leaving room for the title and the page line. */
const PAGE_CHARS = 3_500;

export function ceremonyBlock(t: TFunction, c: CeremonyAwards): string {
  const lines = [
    c.level === 'national'
      ? t('awards:ceremonyNational', { edition: c.edition })
      : t('awards:ceremonyProvincial', { edition: c.edition, province: c.provinceName ?? '' }),
  ];
  const when = c.date ? fmt(t).calendarDate(c.date) + (c.time ? `, ${fmt(t).clockTime(c.time, c.timeZone)}` : '') : t('awards:dateUnknown');
  const assessed = c.assessmentYear && c.assessmentYear !== c.edition ? ` (${t('awards:assessment', { year: c.assessmentYear })})` : '';
  lines.push(t('awards:when', { date: when }) + assessed + (c.uncertain ? t('awards:uncertainMark') : ''));
  const place = [c.venue, c.city].filter(Boolean).join(', ');
  if (place) lines.push(t('awards:where', { place }));
  for (const a of c.awards) {
    const category = t(`awards:category.${a.category}`) + (a.sector ? ` (${a.sector})` : '');
    lines.push(
      t('awards:award', { category, title: dataText(t, a.title, a.titleEn), recipient: a.recipientName }) +
        (a.uncertain ? t('awards:uncertainMark') : ''),
    );
    if (a.note) lines.push(t('awards:awardNote', { note: dataText(t, a.note, a.noteEn) }));
  }
  if (!c.awards.length) lines.push(t('awards:noWinners'));
  if (c.uncertain || c.awards.some((a) => a.uncertain)) lines.push(t('awards:uncertain'));
  if (c.note) lines.push(t('awards:ceremonyNote', { note: dataText(t, c.note, c.noteEn) }));
  lines.push(t('awards:source', { source: c.sourceName }));
  return lines.join('\n');
}

/**
 * "Paritrana Award 2025 · Sumatera Barat", or "· Nasional" for the national ceremony: plain text
 * (a button label, or data for a translation to escape), never HTML.
 */
export function ceremonyTitle(t: TFunction, edition: number, provinceName: string | null): string {
  return `Paritrana Award ${edition} · ${provinceName ?? t('ceremonies:national')}`;
}

/** Pages of ceremony blocks; a block is never split. */
export function awardPages(t: TFunction, subject: Html, ceremonies: CeremonyAwards[]): string[] {
  const title = t('awards:title', { subject });
  const pages: string[][] = [[]];
  let length = 0;
  for (const block of ceremonies.map((c) => ceremonyBlock(t, c))) {
    if (length + block.length > PAGE_CHARS && pages.at(-1)!.length) {
      pages.push([]);
      length = 0;
    }
    pages.at(-1)!.push(block);
    length += block.length + 2;
  }
  return pages.map((blocks, i) =>
    [title, ...blocks, ...(pages.length > 1 ? [t('awards:page', { page: i + 1, pages: pages.length })] : [])].join('\n\n'),
  );
}
