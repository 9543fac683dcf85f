// Who has talked to the bot, and in which language they want answers.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { isLocale, type Locale } from '../i18n/locales.ts';

export interface TelegramPerson {
  id: number;
  first_name: string;
  last_name?: string | undefined;
  username?: string | undefined;
  language_code?: string | undefined;
}

/** Records the person (creating them on first contact) and returns their chosen locale, if any. */
export async function recordUser(prisma: PrismaClient, person: TelegramPerson, now = new Date()): Promise<Locale | null> {
  const profile = {
    firstName: person.first_name,
    lastName: person.last_name ?? null,
    username: person.username ?? null,
    languageCode: person.language_code ?? null,
  };
  const user = await prisma.user.upsert({
    where: { telegramId: BigInt(person.id) },
    create: { telegramId: BigInt(person.id), ...profile, firstSeenAt: now, lastSeenAt: now },
    update: { ...profile, lastSeenAt: now },
    select: { locale: true },
  });
  return user.locale;
}

export async function setUserLocale(prisma: PrismaClient, telegramId: number, locale: Locale): Promise<void> {
  await prisma.user.update({ where: { telegramId: BigInt(telegramId) }, data: { locale } });
}

export function pickLocale(chosen: Locale | null | undefined, fallback: Locale): Locale {
  return isLocale(chosen) ? chosen : fallback;
}
