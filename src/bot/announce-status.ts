// The official's status message, edited while an announcement is sent: sent, blocked,
// failed, remaining and the expected end; at the end, the report.
import { BUTTONS } from './buttons.ts';
import type { Api } from 'grammy';
import type pg from 'pg';
import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from 'pino';
import { announcementToSend, type DeliveryCounts } from '../domain/announcements/announcements.ts';
import { fmt } from '../i18n/format.ts';
import type { I18n } from '../i18n/i18n.ts';
import { chosenLocale, pickLocale } from '../domain/users.ts';
import type { Locale } from '../i18n/locales.ts';

export function announcementStatusReporter(deps: {
  api: Api;
  pool: pg.Pool;
  prisma: PrismaClient;
  i18n: I18n;
  defaultLocale: Locale;
  logger: Logger;
  rates: { rate: number; paidRate: number };
}) {
  return async (announcementId: number, counts: DeliveryCounts): Promise<void> => {
    const a = await announcementToSend(deps.pool, announcementId);
    if (!a?.statusChatId || !a.statusMessageId) return;
    const t = deps.i18n.getFixedT(pickLocale(await chosenLocale(deps.prisma, a.statusChatId), deps.defaultLocale));
    const remaining = counts.pending + counts.claimed + counts.sending;
    const params = {
      id: announcementId,
      sent: fmt(t).integer(counts.sent),
      blocked: fmt(t).integer(counts.blocked),
      failed: fmt(t).integer(counts.failed),
      unknown: fmt(t).integer(counts.unknown),
      remaining: fmt(t).integer(remaining),
      eta: fmt(t).timeOfDay(new Date(Date.now() + (remaining / (a.paidBroadcast ? deps.rates.paidRate : deps.rates.rate)) * 1000)),
    };
    const key = a.status === 'cancelled' ? 'announce:cancelled' : a.status === 'done' ? 'announce:done' : 'announce:progress';
    const running = a.status !== 'cancelled' && a.status !== 'done';
    await deps.api
      .editMessageText(Number(a.statusChatId), a.statusMessageId, t(key, params), {
        ...(running
          ? {
              reply_markup: { inline_keyboard: [[{ text: t('announce:stop'), callback_data: BUTTONS.announceStop.data(announcementId) }]] },
            }
          : {}),
      })
      // "message is not modified" and the like must never stop a broadcast.
      .catch((err: unknown) => deps.logger.debug({ err, announcementId }, 'status message not updated'));
  };
}
