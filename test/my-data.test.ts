// /dataku shows what the bot keeps about the person; /hapusdataku, after one confirmation,
// deletes it: afterwards no row of any table but the audit log names their Telegram id, and
// the bot answers them as a new user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnouncement, queueAnnouncement } from '../src/domain/announcements/announcements.ts';
import { issueCompanyCode, linkRepresentative } from '../src/domain/companies/company-access.ts';
import { grantRole } from '../src/domain/roles/roles.ts';
import { subscribe } from '../src/domain/subscriptions/subscriptions.ts';
import { buttonsOf, conversation } from './support/conversation.ts';
import { testUser } from './support/bot-api-double.ts';
import { startTestBot, type TestBot } from './support/service.ts';

let bot: TestBot;
const { say, press } = conversation(() => bot);
/** Digits that appear nowhere else in the data, so that a search for them finds only this person. */
const PERSON = 987_654_321;

beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
});
afterAll(async () => {
  await bot?.stop();
});

/** Every row of every table but the audit log that names the person: as a number, or inside a text or JSON value. */
async function rowsNamingPerson(): Promise<string[]> {
  const pool = bot.service.db.pool;
  const { rows: columns } = await pool.query<{ table: string; column: string; type: string }>(
    `SELECT table_name AS table, column_name AS column, data_type AS type FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name NOT IN ('AuditEntry', '_prisma_migrations')
        AND data_type IN ('bigint', 'integer', 'text', 'jsonb', 'ARRAY')`,
  );
  const found: string[] = [];
  for (const { table, column, type } of columns) {
    const test = type === 'bigint' || type === 'integer' ? `"${column}" = $1` : `"${column}"::text LIKE '%' || $1 || '%'`;
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE ${test}`, [String(PERSON)]);
    if (rows[0]!.n) found.push(`${table}.${column}: ${rows[0]!.n}`);
  }
  return found;
}

describe('a person’s own data', () => {
  it('is shown by /dataku: profile, subscriptions, reminder, companies, roles, context', async () => {
    const pool = bot.service.db.pool;
    await say(PERSON, 'cakupan sumbar brp');
    await say(PERSON, 'ingatkan saya bayar iuran tiap tanggal 10');
    await subscribe(pool, PERSON, '13', false);
    const { code } = await issueCompanyCode(pool, 'SAMPEL-AIC', 'cli:test');
    await linkRepresentative(pool, PERSON, 'SAMPEL-AIC', code);
    await grantRole(pool, { telegramId: PERSON, regionCode: '13', actor: 'cli:test' });
    // As an official they started an announcement and are half-way through recording a ceremony.
    const id = await createAnnouncement(pool, { regionCode: '13', text: 'Uji data pribadi', createdBy: `telegram:${PERSON}` });
    await queueAnnouncement(pool, id);
    await say(PERSON, '/acara');

    const [shown] = await say(PERSON, '/dataku');
    const text = shown!.text!;
    expect(text).toContain('Data Anda yang saya simpan');
    expect(text).toContain('• Langganan pengumuman: Sumatera Barat.');
    expect(text).toContain('• Pengingat iuran: setiap tanggal 10 pukul 09.00 WIB.');
    expect(text).toContain('• Perusahaan yang Anda wakili: AIC.');
    expect(text).toContain('• Peran pejabat: official 13.');
    expect(text).toContain('langkah isian yang sedang berjalan');
    expect(text).toContain('tanpa nama atau id Anda');
    expect(buttonsOf(shown).map((b) => b.text)).toContain('🗑 Hapus data saya');
    expect(await rowsNamingPerson()).not.toEqual([]);
  });

  it('in English too', async () => {
    const [shown] = await say(PERSON, '/mydata', { language_code: 'en' });
    // The language is the one they chose (none): Telegram's, English.
    expect(shown!.text).toContain('What I keep about you');
    expect(shown!.text).toContain('• Payment reminder: on day 10 of every month at 09:00 WIB.');
  });

  it('is deleted by /hapusdataku after one confirmation, but for the audit log; the bot then meets them anew', async () => {
    const [ask] = await say(PERSON, '/hapusdataku');
    expect(ask!.text).toContain('Hapus semua data Anda?');
    const confirm = buttonsOf(ask).find((b) => b.text === 'Ya, hapus semuanya')!;
    await press(PERSON, ask!, confirm.data);
    const edited = bot.double.sent(PERSON).find((m) => m.message_id === ask!.message_id)!;
    expect(edited.text).toBe('✅ Semua data Anda sudah saya hapus. Kalau Anda menulis lagi, saya menganggap Anda pengguna baru.');

    expect(await rowsNamingPerson()).toEqual([]);
    // The audit log keeps the officials' acts, by id, without a name.
    const { rows } = await bot.service.db.pool.query<{ n: number; named: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE details::text LIKE '%Siti%' OR details::text LIKE '%Rahayu%')::int AS named
         FROM "AuditEntry" WHERE actor = $1 OR target LIKE '%' || $2 || '%'`,
      [`telegram:${PERSON}`, String(PERSON)],
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
    expect(rows[0]!.named).toBe(0);

    const [again] = await say(PERSON, '/dataku');
    expect(again!.text).toContain('• Pengingat iuran: tidak ada.');
    expect(again!.text).toContain('• Langganan pengumuman: tidak ada.');
    expect(again!.text).not.toContain('Peran pejabat');
  });

  it('is asked for in words too', async () => {
    const [shown] = await say(PERSON + 1, 'bot ini nyimpen data pribadi sy apa aja?');
    expect(shown!.text).toContain('Data Anda yang saya simpan');
    const [ask] = await say(PERSON + 1, 'tolong hapus semua data saya');
    expect(ask!.text).toContain('Hapus semua data Anda?');
  });
});

describe('in a group', () => {
  it('shows no personal data and sets no reminder, by command or button, and says so', async () => {
    const group = bot.double.addChat(-100_987_001, 'supergroup');
    const inGroup = async (post: () => ReturnType<typeof bot.post>) => {
      const before = bot.double.sent(group.id).length;
      expect((await post()).status).toBe(200);
      return bot.double.sent(group.id).slice(before);
    };
    const [shown] = await inGroup(() => bot.post(bot.double.sendUserMessage(testUser(PERSON), '/dataku@paritrana_bot', { chat: group })));
    expect(shown!.text).toBe('Data pribadi hanya saya tampilkan dan hapus di chat pribadi dengan saya.');
    // The calculator in a group offers the reminder; its press is answered, and told where reminders are set.
    const [calculator] = await inGroup(() =>
      bot.post(bot.double.sendUserMessage(testUser(PERSON), '/iuran@paritrana_bot 1 juta', { chat: group })),
    );
    const remind = buttonsOf(calculator).find((b) => b.text.includes('Ingatkan saya tiap bulan'))!;
    const [told] = await inGroup(() => bot.post(bot.double.pressButton(testUser(PERSON), calculator!, remind.data)));
    expect(told!.text).toContain('Pengingat iuran hanya bisa dipasang di chat pribadi');
    expect(bot.logs.some((l) => l.msg === 'unhandled bot error' || String(l.err ?? '').includes('query'))).toBe(false);
  });
});
