// The day-before reminder: queued once, from 09:00 in Jakarta, unless switched off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantRole } from '../src/domain/roles/roles.ts';
import { createI18n } from '../src/i18n/i18n.ts';
import { queueDueReminders } from '../src/jobs/ceremony-reminders.ts';
import { conversation } from './support/conversation.ts';
import { startTestBot, type TestBot } from './support/service.ts';

let bot: TestBot;
const { say } = conversation(() => bot);
const i18n = createI18n('id');

beforeAll(async () => {
  // A clock before the reminder hour, so that the bot's own runner leaves the work to the test.
  bot = await startTestBot({ mode: 'webhook', now: '2026-12-13T06:00:00+07:00' });
  const pool = bot.service.db.pool;
  await pool.query(
    `INSERT INTO "AwardCeremony" (id, edition, level, "provinceCode", date, time, venue, city, "sourceName")
     VALUES ('UJI-P13', 2026, 'provincial', '13', '2026-12-14', '19:30', 'Auditorium Gubernuran', 'Padang', 'Uji'),
            ('UJI-P16', 2026, 'provincial', '16', '2026-12-14', '19:30', 'Griya Agung', 'Palembang', 'Uji')`,
  );
  await pool.query(`INSERT INTO "Subscription" ("chatId", "regionCode") VALUES (730001, '13'), (730002, '16')`);
  await grantRole(pool, { telegramId: 7301, regionCode: '16', actor: 'test' });
});
afterAll(async () => {
  await bot?.stop();
});

describe('day-before reminders', () => {
  it('an official switches one off within their scope only', async () => {
    const [off] = await say(7301, '/pengingat UJI-P16 mati');
    expect(off!.text).toBe('🔕 Pengingat H-1 untuk UJI-P16 dimatikan.');
    const [refused] = await say(7301, '/pengingat UJI-P13 mati');
    expect(refused!.text).toBe('Maaf, Sumatera Barat di luar wilayah kewenangan Anda. Wilayah Anda: Sumatera Selatan.');
    const [nobody] = await say(7302, '/pengingat UJI-P13 mati');
    expect(nobody!.text).toContain('khusus pejabat');
  });

  it('are queued once, from 09:00 the day before, for ceremonies that keep them', async () => {
    const pool = bot.service.db.pool;
    expect(await queueDueReminders(bot.service.db, i18n, new Date('2026-12-13T08:59:00+07:00'))).toEqual([]);
    const queued = await queueDueReminders(bot.service.db, i18n, new Date('2026-12-13T09:00:00+07:00'));
    expect(queued).toHaveLength(1);
    expect(await queueDueReminders(bot.service.db, i18n, new Date('2026-12-13T12:00:00+07:00'))).toEqual([]);
    const { rows } = await pool.query(
      `SELECT a."ceremonyId", a.text, a.status::text, count(d.*)::int AS recipients FROM "Announcement" a LEFT JOIN "Delivery" d ON d."announcementId" = a.id
        WHERE a.id = $1 GROUP BY a.id`,
      [queued[0]],
    );
    expect(rows[0]).toMatchObject({ ceremonyId: 'UJI-P13', status: 'queued', recipients: 1 });
    expect(rows[0].text).toContain('Pengingat: besok');
    expect(rows[0].text).toContain('14 Desember 2026, 19.30 WIB');
  });
});
