// /acara: officials record a ceremony in a guided conversation that survives a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentAudit } from '../src/domain/roles/audit.ts';
import { grantRole } from '../src/domain/roles/roles.ts';
import { startService, type Service } from '../src/service.ts';
import { WEBHOOK_PATH } from '../src/server/app.ts';
import type { BotMessage } from '../src/bot-api-double/local-bot-api-types.ts';
import { testUser } from './support/bot-api-double.ts';
import { buttonsOf } from './support/conversation.ts';
import { captureLogs } from './support/logs.ts';
import { startTestBot, TEST_SECRET, type TestBot } from './support/service.ts';

let bot: TestBot;
/** The service answering now: replaced by a new one to test a restart. */
let service: Service;

beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
  service = bot.service;
  await grantRole(service.db.pool, { telegramId: 6001, regionCode: '13', actor: 'test' });
  await grantRole(service.db.pool, { telegramId: 6002, regionCode: '13', actor: 'test' });
  await grantRole(service.db.pool, { telegramId: 6002, regionCode: '16', actor: 'test' });
  await grantRole(service.db.pool, { telegramId: 6003, regionCode: null, actor: 'test' });
});
afterAll(async () => {
  if (service === bot?.service) return bot.stop();
  // The first service was stopped by the restart test: stop its successor, then the rest.
  await service.stop();
  await bot.double.stop();
  await bot.database.drop();
});

async function post(update: object): Promise<void> {
  const res = await fetch(`${service.url}${WEBHOOK_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_SECRET },
    body: JSON.stringify(update),
  });
  expect(res.status).toBe(200);
}

async function say(userId: number, text: string): Promise<BotMessage[]> {
  const before = bot.double.sent(userId).length;
  await post(bot.double.sendUserMessage(testUser(userId), text));
  return bot.double.sent(userId).slice(before);
}

async function press(userId: number, message: BotMessage, text: string): Promise<BotMessage[]> {
  const before = bot.double.sent(userId).length;
  await post(bot.double.pressButton(testUser(userId), message, buttonsOf(message).find((b) => b.text.startsWith(text))!.data));
  return bot.double.sent(userId).slice(before);
}

describe('/acara', () => {
  it('is refused to a user without a role', async () => {
    const [reply] = await say(6009, '/acara');
    // With the Telegram id an admin needs to grant the role; /id says it too.
    expect(reply!.text).toBe(
      'Perintah ini khusus pejabat dan admin yang terdaftar. Kalau Anda pejabat daerah, kirim Telegram id Anda, 6009, kepada admin Paritrana Bot supaya peran Anda ditambahkan.',
    );
    const [id] = await say(6009, '/id');
    expect(id!.text).toMatch(/^Telegram id Anda: 6009\n/);
  });

  it('lists in /bantuan what each person may do', async () => {
    const [worker] = await say(6009, '/bantuan');
    expect(worker!.text).toContain('Untuk perusahaan\n/perusahaan');
    expect(worker!.text).not.toMatch(/Untuk pejabat|\/umumkan|Untuk admin/);
    const [official] = await say(6002, '/bantuan');
    expect(official!.text).toContain('Untuk pejabat\n/acara');
    expect(official!.text).toContain('/umumkan');
    expect(official!.text).toContain('/kodeperusahaan');
    expect(official!.text).not.toContain('Untuk admin');
    const [admin] = await say(6003, '/bantuan');
    expect(admin!.text).toContain('Untuk admin');
  });

  it('records a ceremony step by step, through a restart of the bot, and audits it', async () => {
    const [askEdition] = await say(6001, '/acara');
    expect(askEdition!.text).toBe(
      '🗓 Acara Paritrana Award baru untuk Sumatera Barat (ketik /batal kapan saja untuk berhenti)\nIni Paritrana Award tahun berapa? Tulis empat angka, misalnya 2026.',
    );
    await say(6001, '2026');
    const [bad] = await say(6001, 'besok malam');
    expect(bad!.text).toContain('belum bisa membaca tanggal dan jam itu');
    // As people write it: "tgl 14 des jam 7.30 malam" is 14 December 2026, 19.30.
    const [askWhere] = await say(6001, 'tgl 14 des jam 7.30 malam');
    expect(askWhere!.text).toContain('Di mana acaranya?');

    // The bot restarts mid-way: a new process would find the conversation in the database.
    await service.stop();
    const { logger } = captureLogs();
    service = await startService(bot.config, logger, { clock: () => new Date('2026-11-21T10:00:00+07:00') });

    const [summary] = await say(6001, 'Auditorium Gubernuran, Padang');
    expect(summary!.text).toContain('Paritrana Award 2026 · Sumatera Barat');
    expect(summary!.text).toContain('14 Desember 2026, 19.30 WIB');
    const [saved] = await press(6001, summary!, '✅');
    expect(saved!.text).toContain('Acara tersimpan: Paritrana Award 2026 · Sumatera Barat (kode PA2026-P13)');
    const { rows } = await service.db.pool.query(
      `SELECT date::text, time, venue, city, "provinceCode", level::text FROM "AwardCeremony" WHERE id = 'PA2026-P13'`,
    );
    expect(rows).toEqual([
      { date: '2026-12-14', time: '19:30', venue: 'Auditorium Gubernuran', city: 'Padang', provinceCode: '13', level: 'provincial' },
    ]);
    expect((await recentAudit(service.db.pool, 1))[0]).toMatchObject({
      actor: 'telegram:6001',
      action: 'ceremony.save',
      target: 'PA2026-P13',
    });
    // What subscribers will read names the office, never the official's Telegram id, and says how to stop.
    const { rows: source } = await service.db.pool.query(`SELECT "sourceName" FROM "AwardCeremony" WHERE id = 'PA2026-P13'`);
    expect(source).toEqual([{ sourceName: 'Pejabat daerah Sumatera Barat, dicatat lewat Paritrana Bot' }]);
    const [menu] = await say(6001, '/umumkan');
    const [draft] = await press(6001, menu!, 'Paritrana Award 2026 · Sumatera Barat');
    expect(draft!.text).toContain('sumber: Pejabat daerah Sumatera Barat, dicatat lewat Paritrana Bot');
    // The invitation's time carries its zone.
    expect(draft!.text).toContain('📅 14 Desember 2026, 19.30 WIB');
    expect(draft!.text).toMatch(/Tidak ingin menerima pengumuman ini lagi\? Ketik \/berhenti\.$/);
    expect(draft!.text).not.toContain('6001');
    // Done: the same button again is stale.
    const before = bot.double.callsTo('answerCallbackQuery').length;
    await post(bot.double.pressButton(testUser(6001), summary!, buttonsOf(summary).find((b) => b.text.startsWith('✅'))!.data));
    expect(bot.double.callsTo('answerCallbackQuery').slice(before)[0]!.payload).toMatchObject({ show_alert: true });
  });

  it('keeps an official to their provinces', async () => {
    const [askProvince] = await say(6002, '/acara');
    expect(askProvince!.text).toContain('Acara ini untuk provinsi mana?');
    const [refused] = await say(6002, 'Banten');
    expect(refused!.text).toBe('Maaf, Banten di luar wilayah kewenangan Anda. Wilayah Anda: Sumatera Barat, Sumatera Selatan.');
    const [next] = await say(6002, 'sumsel');
    expect(next!.text).toContain('Ini Paritrana Award tahun berapa?');
    const [cancelled] = await say(6002, '/batal');
    expect(cancelled!.text).toContain('Baik, dibatalkan. Tidak ada yang disimpan.');
  });

  it('lets an admin record a national ceremony', async () => {
    const [level] = await say(6003, '/acara');
    await press(6003, level!, 'Tingkat nasional');
    await say(6003, '2026');
    await say(6003, '15 Oktober 2026 09.00 WIB');
    const [summary] = await say(6003, 'Istana Wakil Presiden, Jakarta');
    const [saved] = await press(6003, summary!, '✅');
    expect(saved!.text).toContain('kode PA2026-N');
  });
});
