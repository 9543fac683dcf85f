// i18next, loaded synchronously from locales/<lng>/<namespace>.json at start-up.
import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18nInstance, type Resource, type TFunction } from 'i18next';
import { localesDir } from '../paths.ts';
import { escapeHtml } from './html.ts';
import { LOCALES, type Locale } from './locales.ts';

export type { TFunction };
export type I18n = I18nInstance;

export function loadResources(dir = localesDir): Resource {
  const resources: Resource = {};
  for (const lng of LOCALES) {
    const lngDir = path.join(dir, lng);
    resources[lng] = {};
    for (const file of fs.readdirSync(lngDir).filter((f) => f.endsWith('.json'))) {
      resources[lng][path.basename(file, '.json')] = JSON.parse(fs.readFileSync(path.join(lngDir, file), 'utf8'));
    }
  }
  return resources;
}

export function createI18n(defaultLocale: Locale, resources = loadResources()): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources,
    lng: defaultLocale,
    fallbackLng: defaultLocale,
    supportedLngs: [...LOCALES],
    ns: Object.keys(resources[defaultLocale] ?? {}),
    defaultNS: 'common',
    // Interpolated values are data: escape them for Telegram HTML, which has no &#x2F; etc.
    // Raw values reach the escape, so that HTML the bot made (an Html) is not escaped again.
    interpolation: { escapeValue: true, escape: escapeHtml, useRawValueToEscape: true },
    returnNull: false,
  });
  // "{{text, echo}}": what the person typed, repeated back, cut so that no reply grows past what
  // Telegram accepts because of it ("/cakupan" + 4,000 characters).
  instance.services.formatter?.add('echo', (value: unknown) => echo(String(value ?? '')));
  return instance;
}

/** How much of what someone typed a reply quotes. */
export const MAX_ECHO = 60;

/** Typed text as a reply quotes it: one line, at most MAX_ECHO characters, "…" when cut. */
export function echo(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const chars = [...line];
  return chars.length > MAX_ECHO
    ? `${chars
        .slice(0, MAX_ECHO - 1)
        .join('')
        .trimEnd()}…`
    : line;
}

const translators = new WeakMap<I18n, Map<Locale, TFunction>>();

/** One fixed-language t per instance and locale: every update needs one, and making it is not free. */
export function translator(i18n: I18n, locale: Locale): TFunction {
  let byLocale = translators.get(i18n);
  if (!byLocale) translators.set(i18n, (byLocale = new Map()));
  let t = byLocale.get(locale);
  if (!t) byLocale.set(locale, (t = i18n.getFixedT(locale)));
  return t;
}
