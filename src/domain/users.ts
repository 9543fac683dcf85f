// Who has talked to the bot, and in which language they want answers. (Recording them happens
// with each update: see beginUpdate in updates.ts.)
import type { PrismaClient } from '../generated/prisma/client.ts';
import { isLocale, type Locale } from '../i18n/locales.ts';

export interface TelegramPerson {
  id: number;
  first_name: string;
  last_name?: string | undefined;
  username?: string | undefined;
  language_code?: string | undefined;
}

export async function setUserLocale(prisma: PrismaClient, telegramId: number, locale: Locale): Promise<void> {
  await prisma.user.update({ where: { telegramId: BigInt(telegramId) }, data: { locale } });
}

/** The language a person chose with /bahasa, or null. */
export async function chosenLocale(prisma: Pick<PrismaClient, 'user'>, telegramId: number | string): Promise<string | null> {
  return (await prisma.user.findUnique({ where: { telegramId: BigInt(telegramId) }, select: { locale: true } }))?.locale ?? null;
}

export function pickLocale(chosen: unknown, fallback: Locale): Locale {
  return isLocale(chosen) ? chosen : fallback;
}

/** Telegram's language_code ("en", "en-GB", "id") as a locale of the bot, else the default. */
export function localeOfTelegram(languageCode: string | undefined, fallback: Locale): Locale {
  const code = languageCode?.toLowerCase() ?? '';
  if (code.startsWith('en')) return 'en';
  if (code.startsWith('id') || code.startsWith('in')) return 'id';
  return fallback;
}
