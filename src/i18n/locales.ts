import type { TFunction } from 'i18next';

export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language a fixed `t` translates to (Indonesian for any other). */
export const localeOf = (t: TFunction): Locale => ((t as { lng?: string }).lng === 'en' ? 'en' : 'id');
