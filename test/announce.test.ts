// /umumkan: officials announce within their scope, to every subscriber once, with a status
// message; nobody else can, by command or forged button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnnouncement } from '../src/domain/announcements/announcements.ts';
import { recentAudit } from '../src/domain/roles/audit.ts';
import { grantRole, revokeRole } from '../src/domain/roles/roles.ts';
import type { BotMessage } from '../src/bot-api-double/local-bot-api-types.ts';
import { buttonsOf, conversation } from './support/conversation.ts';
import { startTestBot, type TestBot } from './support/service.ts';
import { until } from './support/until.ts';

let bot: TestBot;
const { say, press, forge } = conversation(() => bot);
const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
const OFFICIAL = 7001;
const NOBODY = 7002;
const SUMBAR = Array.from({ length: 20 }, (_, i) => 710_000 + i);
const BANTEN = Array.from({ length: 5 }, (_, i) => 720_000 + i);

beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook', env: { ADMIN_API_TOKEN: ADMIN_TOKEN } });
  const pool = bot.service.db.pool;
  await grantRole(pool, { telegramId: OFFICIAL, regionCode: '13', actor: 'test' });
  for (const chat of [...SUMBAR, ...BANTEN]) bot.double.addChat(chat);
  await pool.query(`INSERT INTO "Subscription" ("chatId", "regionCode") SELECT unnest($1::bigint[]), '13'`, [SUMBAR]);
  // One Sumbar subscriber chose English with /bahasa.
  await bot.service.db.prisma.user.create({ data: { telegramId: BigInt(SUMBAR[0]!), firstName: 'Reader', locale: 'en' } });
  await pool.query(`INSERT INTO "Subscription" ("chatId", "regionCode") SELECT unnest($1::bigint[]), '36'`, [BANTEN]);
});
afterAll(async () => {
  await bot?.stop();
});

const pressText = (userId: number, message: BotMessage, text: string) =>
  press(userId, message, buttonsOf(message).find((b) => b.text.startsWith(text))!.data);

describe('/umumkan', () => {
  it('drafts the winners of a past ceremony, previews it exactly, and sends it to each subscriber once', async () => {
    const [menu] = await say(OFFICIAL, '/umumkan');
    const choices = buttonsOf(menu).map((b) => b.text);
    expect(choices).toContain('Paritrana Award 2024 · Sumatera Barat');
    expect(choices.some((c) => c.includes('Banten'))).toBe(false);
    const [draft, note] = await pressText(OFFICIAL, menu!, 'Paritrana Award 2024 · Sumatera Barat');
    expect(draft!.text).toContain('Pemenang Paritrana Award 2024 · Sumatera Barat');
    expect(draft!.text).toContain('Zero Accident Award');
    expect(note!.text).toContain('persis seperti yang akan diterima 20 pelanggan');
    const [status] = await pressText(OFFICIAL, note!, '✅ Kirim ke 20 pelanggan');
    expect(status!.text).toContain('sedang dikirim ke 20 pelanggan');

    const received = () => bot.double.sent().filter((m) => m.html === draft!.html || m.text === draft!.text);
    await until(() => SUMBAR.every((chat) => bot.double.sent(chat).length === 1));
    expect(BANTEN.every((chat) => bot.double.sent(chat).length === 0)).toBe(true);
    expect(received().filter((m) => SUMBAR.includes(m.chat_id))).toHaveLength(19);
    // The subscriber who chose English gets the English draft; nobody gets anyone's Telegram id.
    const [english] = bot.double.sent(SUMBAR[0]!);
    expect(english!.text).toMatch(/^🏆 Winners of Paritrana Award 2024 · Sumatera Barat/);
    expect(english!.text).toMatch(/No longer want these announcements\? Type \/berhenti\.$/);
    for (const m of [draft!, ...SUMBAR.flatMap((chat) => bot.double.sent(chat))]) {
      expect(m.text).not.toContain(String(OFFICIAL));
      expect(m.text).not.toMatch(/Telegram \d+/);
    }
    const isReport = (text: unknown) => String(text).startsWith('✅ Pengumuman #');
    await until(() => bot.double.callsTo('editMessageText').some((c) => isReport(c.payload.text)));
    const final = bot.double.callsTo('editMessageText').find((c) => isReport(c.payload.text))!;
    expect(String(final.payload.text)).toContain('Terkirim: 20');
    expect((await recentAudit(bot.service.db.pool, 5)).map((e) => e.action)).toContain('announcement.queue');
  });

  it('keeps an official to their scope, even with forged buttons', async () => {
    const [menu] = await say(OFFICIAL, '/umumkan');
    bot.double.reset();
    await forge(OFFICIAL, menu!, 'um:c:PA2025-P36');
    expect(bot.double.sent(OFFICIAL).at(-1)!.text).toBe('Maaf, Banten di luar wilayah kewenangan Anda. Wilayah Anda: Sumatera Barat.');
    const [freeText] = await pressText(OFFICIAL, menu!, '✍️');
    expect(freeText!.text).toContain('Pengumuman ini untuk wilayah mana?');
    const [refused] = await say(OFFICIAL, 'Banten');
    expect(refused!.text).toBe('Maaf, Banten di luar wilayah kewenangan Anda. Wilayah Anda: Sumatera Barat.');
    const [askText] = await say(OFFICIAL, 'Padang Panjang');
    expect(askText!.text).toContain('Silakan tulis teks pengumumannya.');
    // What Telegram would refuse is said in Indonesian, and the text can be written again.
    const [unclosed] = await say(OFFICIAL, '<b>Rapat persiapan');
    expect(unclosed!.text).toBe(
      'Ada tanda HTML yang belum ditutup atau tertukar, misalnya <b> tanpa </b>. Silakan periksa dan tulis lagi.',
    );
    const [unknownTag] = await say(OFFICIAL, '<marquee>Rapat</marquee>');
    expect(unknownTag!.text).toMatch(/^Teks itu memakai tanda HTML yang tidak dikenal Telegram\./);
    expect(
      bot.double
        .sent(OFFICIAL)
        .map((m) => m.text)
        .join('\n'),
    ).not.toMatch(/Bad Request|can't parse/);
    const [askEnglish] = await say(OFFICIAL, '<b>Rapat</b> persiapan Paritrana Award, Senin pukul 09.00');
    expect(askEnglish!.text).toMatch(/^Mau menambahkan versi bahasa Inggris/);
    const [preview, note] = await pressText(OFFICIAL, askEnglish!, '⏭ Lewati');
    expect(preview!.html).toBe(
      '<b>Rapat</b> persiapan Paritrana Award, Senin pukul 09.00\n\n<i>Tidak ingin menerima pengumuman ini lagi? Ketik /berhenti.</i>',
    );
    expect(note!.text).not.toContain('bahasa Inggris');
    const [discarded] = await pressText(OFFICIAL, note!, '✖️');
    expect(discarded!.text).toContain('dibatalkan');
  });

  it('takes an English text from the official too, for the subscribers who chose English', async () => {
    const [menu] = await say(OFFICIAL, '/umumkan');
    await pressText(OFFICIAL, menu!, '✍️');
    await say(OFFICIAL, 'Sumbar');
    await say(OFFICIAL, 'Rapat persiapan & koordinasi, Senin');
    const [, note] = await say(OFFICIAL, 'Preparatory & coordination meeting, Monday');
    expect(note!.text).toContain('Pelanggan yang memilih bahasa Inggris menerimanya dalam bahasa Inggris.');
    const { rows } = await bot.service.db.pool.query(`SELECT text, "textEn" FROM "Announcement" ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toEqual({
      text: 'Rapat persiapan &amp; koordinasi, Senin\n\n<i>Tidak ingin menerima pengumuman ini lagi? Ketik /berhenti.</i>',
      textEn: 'Preparatory &amp; coordination meeting, Monday\n\n<i>No longer want these announcements? Type /berhenti.</i>',
    });
    await pressText(OFFICIAL, note!, '✖️');
  });

  it('lets only its author approve a fresh draft: not a user without a role, nor an official of another province or of the same one', async () => {
    const pool = bot.service.db.pool;
    const BANTEN_OFFICIAL = 7003;
    const OTHER_SUMBAR_OFFICIAL = 7004;
    await grantRole(pool, { telegramId: BANTEN_OFFICIAL, regionCode: '36', actor: 'test' });
    await grantRole(pool, { telegramId: OTHER_SUMBAR_OFFICIAL, regionCode: '13', actor: 'test' });
    const id = await createAnnouncement(pool, {
      regionCode: '13.74',
      text: 'Rapat koordinasi Paritrana',
      createdBy: `telegram:${OFFICIAL}`,
      paidBroadcast: false,
    });
    const status = async () =>
      (await pool.query<{ status: string }>('SELECT status::text FROM "Announcement" WHERE id = $1', [id])).rows[0]!.status;
    for (const user of [NOBODY, BANTEN_OFFICIAL, OTHER_SUMBAR_OFFICIAL]) {
      const [any] = await say(user, '/start');
      const before = bot.double.callsTo('answerCallbackQuery').length;
      await forge(user, any!, `um:ok:${id}`);
      const [answer] = bot.double.callsTo('answerCallbackQuery').slice(before);
      expect(answer!.payload, String(user)).toMatchObject({ show_alert: true, text: 'Tombol ini sudah tidak berlaku.' });
      expect(await status(), String(user)).toBe('draft');
    }
    // Nor its author, once the role is gone.
    const FORMER = 7005;
    await grantRole(pool, { telegramId: FORMER, regionCode: '13', actor: 'test' });
    const theirs = await createAnnouncement(pool, {
      regionCode: '13.74',
      text: 'Rapat lama',
      createdBy: `telegram:${FORMER}`,
      paidBroadcast: false,
    });
    await revokeRole(pool, { telegramId: FORMER, regionCode: '13', actor: 'test' });
    const [former] = await say(FORMER, '/start');
    await forge(FORMER, former!, `um:ok:${theirs}`);
    expect((await pool.query<{ status: string }>('SELECT status::text FROM "Announcement" WHERE id = $1', [theirs])).rows[0]!.status).toBe(
      'draft',
    );

    const [own] = await say(OFFICIAL, '/start');
    await forge(OFFICIAL, own!, `um:ok:${id}`);
    expect(await status()).not.toBe('draft');
  });

  it('is refused to a user without a role, by command and by forged button', async () => {
    const [reply] = await say(NOBODY, '/umumkan');
    expect(reply!.text).toBe(
      `Perintah ini khusus pejabat dan admin yang terdaftar. Kalau Anda pejabat daerah, kirim Telegram id Anda, ${NOBODY}, kepada admin Paritrana Bot supaya peran Anda ditambahkan.`,
    );
    const { rows } = await bot.service.db.pool.query(`SELECT max(id) AS id FROM "Announcement"`);
    const before = bot.double.callsTo('answerCallbackQuery').length;
    await forge(NOBODY, reply!, `um:ok:${rows[0].id}`);
    await forge(NOBODY, reply!, 'um:c:PA2024-P13');
    const answers = bot.double.callsTo('answerCallbackQuery').slice(before);
    expect(answers[0]!.payload).toMatchObject({ show_alert: true, text: 'Tombol ini sudah tidak berlaku.' });
    const { rows: queued } = await bot.service.db.pool.query(`SELECT count(*)::int AS n FROM "Announcement" WHERE "createdBy" = $1`, [
      `telegram:${NOBODY}`,
    ]);
    expect(queued[0].n).toBe(0);
  });
});

describe('the admin announcements API', () => {
  const call = (method: string, path: string, body?: unknown, token: string | null = ADMIN_TOKEN) =>
    fetch(`${bot.service.url}/api/admin${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('answers bad parameters and bodies with 400 or 404 and a JSON error, never 500', async () => {
    const cases: [string, string, unknown, number][] = [
      ['GET', '/audit?limit=-5', undefined, 400],
      ['GET', '/audit?limit=abc', undefined, 400],
      ['GET', '/announcements/abc', undefined, 400],
      ['GET', '/announcements/99999999999', undefined, 400],
      ['GET', '/announcements/1.5', undefined, 400],
      ['GET', '/announcements/2147483647', undefined, 404],
      ['POST', '/announcements/abc/approve', undefined, 400],
      ['POST', '/announcements/1.5/cancel', undefined, 400],
      ['POST', '/announcements', { regionCode: '36', text: 'Uji \u0000 teks' }, 400],
      ['POST', '/announcements', { regionCode: 36, text: 'Uji' }, 400],
      ['POST', '/announcements', [], 400],
      ['POST', '/companies/%00/codes', undefined, 400],
      ['POST', '/companies/SAMPEL-9999/codes', undefined, 404],
      ['POST', '/officials', { telegramId: 'abc', regionCode: '13' }, 400],
      ['POST', '/officials', { telegramId: '900021', regionCode: '13\u0000' }, 400],
      ['DELETE', '/officials/abc/13', undefined, 400],
      ['POST', '/import/coverage?dryRun=maybe', undefined, 400],
    ];
    for (const [method, path, body, status] of cases) {
      const res = await call(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(status);
      expect(res.headers.get('content-type'), `${method} ${path}`).toMatch(/application\/json/);
      expect(typeof ((await res.json()) as { error?: unknown }).error, `${method} ${path}`).toBe('string');
    }
    // Not JSON at all.
    const raw = await fetch(`${bot.service.url}/api/admin/announcements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: '{oops',
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toEqual({ error: 'invalid_json' });
  });

  it('refuses calls without the token', async () => {
    expect((await call('POST', '/announcements', { regionCode: '36', text: 'x' }, null)).status).toBe(401);
    expect((await call('POST', '/announcements/1/approve', undefined, 'y'.repeat(30))).status).toBe(401);
  });

  it('creates from a text, previews, approves, and reports the deliveries', async () => {
    expect((await call('POST', '/announcements', { regionCode: '36', text: '<b>Uji' })).status).toBe(400);
    const created = await call('POST', '/announcements', { regionCode: '36', text: '<b>Uji</b> lewat API' });
    expect(created.status).toBe(201);
    const draft = (await created.json()) as { id: number; status: string; audience: number; text: string };
    expect(draft).toMatchObject({
      status: 'draft',
      audience: 5,
      text: '<b>Uji</b> lewat API\n\n<i>Tidak ingin menerima pengumuman ini lagi? Ketik /berhenti.</i>',
    });
    expect(await (await call('POST', `/announcements/${draft.id}/approve`)).json()).toEqual({ id: draft.id, recipients: 5 });
    await until(() =>
      BANTEN.every((chat) =>
        bot.double.sent(chat).some((m) => m.text === 'Uji lewat API\n\nTidak ingin menerima pengumuman ini lagi? Ketik /berhenti.'),
      ),
    );
    let view = { status: '' } as { status: string; deliveries: { sent: number } };
    for (let i = 0; i < 100 && view.status !== 'done'; i++) {
      view = (await (await call('GET', `/announcements/${draft.id}`)).json()) as typeof view;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(view).toMatchObject({ status: 'done', deliveries: { sent: 5 } });
    expect((await call('POST', `/announcements/${draft.id}/approve`)).status).toBe(409);
    expect((await call('POST', `/announcements/${draft.id}/cancel`)).status).toBe(409);
  });

  it('drafts the winners of a ceremony, and cancels a draft', async () => {
    const created = (await (await call('POST', '/announcements', { ceremonyId: 'PA2025-P36' })).json()) as { id: number; text: string };
    expect(created.text).toContain('Pemenang Paritrana Award 2025 · Banten');
    expect(created.text).toContain('Terbaik Kedua: <b>Kota Tangerang Selatan</b>');
    expect(await (await call('POST', `/announcements/${created.id}/cancel`)).json()).toEqual({ id: created.id, status: 'cancelled' });
    expect((await call('POST', '/announcements', { ceremonyId: 'PA2099-X' })).status).toBe(404);
  });
});
