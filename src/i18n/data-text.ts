// Text that comes from the data (a remark, an award's title) is written in Indonesian, and in
// English where the row has it. An English answer shows the English text; where there is none,
// it shows the Indonesian marked as such, rather than mixing it into English sentences.
import type { TFunction } from 'i18next';
import { trustedHtml, type Html } from './html.ts';
import { localeOf } from './locales.ts';

/** The row's text in the reader's language: a value for a translation, escaped once there. */
export function dataText(t: TFunction, indonesian: string, english: string | null | undefined): string | Html {
  if (localeOf(t) !== 'en') return indonesian;
  if (english) return english;
  return trustedHtml(t('common:inIndonesian', { text: indonesian }));
}
