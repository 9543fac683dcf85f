// The announcement the bot drafts from a ceremony's record: the invitation before its date
// (or while it has no recorded winners), the winners after. Used by /umumkan and the admin API.
import type pg from 'pg';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { awardHistory, type CeremonyAwards } from '../domain/awards/award-history.ts';
import { ceremonyHeading } from '../domain/awards/ceremonies.ts';
import type { I18n, TFunction } from '../i18n/i18n.ts';
import { ceremonyBlock, ceremonyTitle } from './features/awards-message.ts';

/** The source of what an official records in the chat: their office's region, in the data's language (Indonesian). */
export function officialSource(ctx: { deps: { i18n: I18n } }, provinceName: string | null): string {
  const t = ctx.deps.i18n.getFixedT('id');
  return provinceName ? t('ceremonies:officialSource', { region: provinceName }) : t('ceremonies:nationalSource');
}

/** Every announcement says how to stop receiving them, in the words of the text around it. */
export function withStopLine(t: TFunction, text: string): string {
  return `${text}\n\n${t('announce:stopLine')}`;
}

export interface CeremonyDraft {
  text: string;
  /** The province, or Indonesia ("00") for a national ceremony. */
  regionCode: string;
  regionName: string;
}

/** The text of a ceremony's announcement in one language, from what was read once. */
function draftText(
  t: TFunction,
  info: NonNullable<Awaited<ReturnType<typeof ceremonyHeading>>>,
  ceremony: CeremonyAwards | undefined,
  upcoming: boolean,
): string {
  const title = ceremonyTitle(t, info.edition, info.provinceName);
  // The history block without its first line (the title, which the announcement words itself).
  const details = (c: CeremonyAwards) => ceremonyBlock(t, c).split('\n').slice(1);
  const text =
    ceremony && ceremony.awards.length && !upcoming
      ? [t('announce:winnersTitle', { title }), '', ...details(ceremony)].join('\n')
      : [
          t('announce:invitationTitle', { title }),
          ...(ceremony ? details({ ...ceremony, awards: [] }).filter((l) => !l.startsWith('•')) : []),
          '',
          t('announce:invitationBody'),
        ].join('\n');
  return withStopLine(t, text);
}

/**
 * A ceremony's announcement in Indonesian, and in English for the subscribers who chose it
 * (`prefix`, e.g. the reminder's first line, goes before both): the ceremony is read once.
 */
export async function draftCeremonyAnnouncementBoth(
  db: { prisma: PrismaClient; pool: pg.Pool },
  i18n: I18n,
  ceremonyId: string,
  today: string,
  prefix?: { key: string },
): Promise<(CeremonyDraft & { textEn: string }) | undefined> {
  const info = await ceremonyHeading(db.prisma, ceremonyId);
  if (!info) return undefined;
  const [ceremony] = (await awardHistory(db.pool, { year: info.edition })).filter((c) => c.id === ceremonyId);
  const upcoming = !info.date || info.date >= today;
  const text = (lng: 'id' | 'en') => {
    const t = i18n.getFixedT(lng);
    const body = draftText(t, info, ceremony, upcoming);
    return prefix ? `${t(prefix.key)}\n\n${body}` : body;
  };
  return { text: text('id'), textEn: text('en'), regionCode: info.provinceCode ?? '00', regionName: info.provinceName ?? 'Indonesia' };
}
