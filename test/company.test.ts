// Employers: one-time codes, verified representatives, and no company figure for anyone else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonSigner } from '../src/bot/callback-data.ts';
import { issueCompanyCode, linkRepresentative, normalizeCode, splitNppAndCode } from '../src/domain/companies/company-access.ts';
import { recentAudit } from '../src/domain/roles/audit.ts';
import { grantRole } from '../src/domain/roles/roles.ts';
import { setUserLocale } from '../src/domain/users.ts';
import { testUser } from './support/bot-api-double.ts';
import { buttonsOf, conversation } from './support/conversation.ts';
import { startTestBot, TEST_TOKEN, type TestBot } from './support/service.ts';

let bot: TestBot;
const { say, forge, press } = conversation(() => bot);
const NPP = 'SAMPEL-0001';
const pool = () => bot.service.db.pool;
const HOUR = 3600 * 1000;

beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
});
afterAll(async () => {
  await bot?.stop();
});

describe('company codes', () => {
  it('are random, shown once and stored only as a hash', async () => {
    const a = await issueCompanyCode(pool(), NPP, 'test');
    const b = await issueCompanyCode(pool(), NPP, 'test');
    expect(a.code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    expect(a.code).not.toBe(b.code);
    const { rows } = await pool().query(`SELECT * FROM "CompanyCode" WHERE npp = $1`, [NPP]);
    const stored = JSON.stringify(rows);
    for (const code of [a.code, normalizeCode(a.code), b.code, normalizeCode(b.code)]) expect(stored).not.toContain(code);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.codeHash))).toBe(true);
  });

  it('link once, within 72 hours, for the company they were issued for', async () => {
    const now = new Date('2026-11-21T10:00:00+07:00');
    const { code } = await issueCompanyCode(pool(), NPP, 'test', now);
    expect(await linkRepresentative(pool(), 8101, 'SAMPEL-0002', code, now)).toMatchObject({ result: 'invalid' });
    expect(await linkRepresentative(pool(), 8101, NPP, code, new Date(now.getTime() + 73 * HOUR))).toMatchObject({ result: 'invalid' });
    expect(await linkRepresentative(pool(), 8101, NPP, code.toLowerCase(), new Date(now.getTime() + 71 * HOUR))).toMatchObject({
      result: 'linked',
    });
    expect(await linkRepresentative(pool(), 8102, NPP, code, new Date(now.getTime() + 71 * HOUR))).toMatchObject({ result: 'invalid' });
  });

  it('lock a person out for an hour after five failures within an hour', async () => {
    const now = new Date('2026-11-21T12:00:00+07:00');
    const { code } = await issueCompanyCode(pool(), NPP, 'test', now);
    // Five is written here, not read from the code: four failures leave 4, 3, 2, 1 tries.
    for (const [i, left] of [4, 3, 2, 1].entries()) {
      expect(await linkRepresentative(pool(), 8103, NPP, 'WRONG-CODE1', new Date(now.getTime() + i * 60_000))).toMatchObject({
        result: 'invalid',
        failuresLeft: left,
      });
    }
    const fifth = new Date(now.getTime() + 10 * 60_000);
    expect(await linkRepresentative(pool(), 8103, NPP, 'WRONG-CODE1', fifth)).toMatchObject({ result: 'locked' });
    // Even the right code is refused while locked, and is not used up.
    expect(await linkRepresentative(pool(), 8103, NPP, code, new Date(fifth.getTime() + 30 * 60_000))).toMatchObject({ result: 'locked' });
    expect(await linkRepresentative(pool(), 8103, NPP, code, new Date(fifth.getTime() + HOUR + 1000))).toMatchObject({ result: 'linked' });
  });

  it('do not count failures older than an hour', async () => {
    const now = new Date('2026-11-22T12:00:00+07:00');
    for (let i = 0; i < 4; i++) await linkRepresentative(pool(), 8104, NPP, 'WRONG-CODE1', new Date(now.getTime() + i * 60_000));
    // An hour and a bit after the first four, one more failure is the first of a new hour.
    expect(await linkRepresentative(pool(), 8104, NPP, 'WRONG-CODE1', new Date(now.getTime() + HOUR + 5 * 60_000))).toMatchObject({
      result: 'invalid',
      failuresLeft: 4,
    });
  });

  it('stop at five tries when forty are sent at once, from as many chats', async () => {
    const now = new Date('2026-11-23T12:00:00+07:00');
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) => linkRepresentative(pool(), 8105, NPP, `WRONG-${String(i).padStart(5, '0')}`, now)),
    );
    expect(outcomes.filter((o) => o.result === 'invalid')).toHaveLength(4);
    expect(outcomes.filter((o) => o.result === 'locked')).toHaveLength(36);
    const { rows } = await pool().query<{ n: number }>('SELECT count(*)::int AS n FROM "LinkAttempt" WHERE "telegramId" = 8105', []);
    expect(rows[0]!.n).toBe(5);
  });

  it('tell a locked-out person until when, in WIB', async () => {
    for (let i = 0; i < 5; i++) await say(8106, `/perusahaan ${NPP} WRONG-${i}0000`);
    const [locked] = await say(8106, `/perusahaan ${NPP} WRONG-99999`);
    expect(locked!.text).toMatch(/^⛔ Terlalu banyak percobaan yang salah. Anda bisa mencoba lagi setelah \d{1,2} \p{L}+ 20\d\d/u);
  });
});

describe('the company view', () => {
  const signer = buttonSigner(TEST_TOKEN);

  it('reads the NPP and the code in any case, with or without spaces and dashes', async () => {
    const { code } = await issueCompanyCode(pool(), NPP, 'test');
    const [linked] = await say(8211, `/perusahaan Sampel 0001 ${code.toLowerCase().replace('-', ' - ')}`);
    expect(linked!.text).toContain('tertaut sebagai perwakilan Contoh Kebun Sawit Ketapang');
  });

  it('offers linking from "Perusahaan saya", takes the NPP in any case with the code, and shows the company at once', async () => {
    const [menu] = await say(8210, '/menu');
    const [how] = await press(8210, menu!, 'm:co');
    expect(how!.text).toMatch(LINK_FIRST);
    // What an HR manager needs to know: what the NPP is, who gives the code, for how long, how many tries.
    expect(how!.text).toContain('pejabat daerah tempat perusahaan Anda terdaftar atau kepada admin Paritrana Bot');
    expect(how!.text).toContain('NPP perusahaan (nomor pendaftaran perusahaan di BPJS Ketenagakerjaan)');
    expect(how!.text).toContain('Kode berlaku 72 jam dan hanya sekali pakai. Anda bisa salah paling banyak 5 kali dalam satu jam.');
    expect(buttonsOf(how).map((b) => b.text)).toEqual(['🔑 Saya sudah punya kode', '🏠 Menu']);
    const [ask] = await press(8210, how!, 'co:link');
    expect(ask!.text).toBe(
      'Kirim NPP perusahaan dan kode sekali pakai Anda dalam satu pesan, dipisah spasi, misalnya 12345678 K7M2X-Q9PPA. Ketik /batal kalau tidak jadi.',
    );
    const [wrong] = await say(8210, 'sampel-0001 AAAAA-BBBBB');
    expect(wrong!.text).toContain('tidak cocok');
    const { code } = await issueCompanyCode(pool(), NPP, 'test');
    const replies = await say(8210, `sampel-0001 ${code}`);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toMatch(
      /^✅ Anda kini tertaut sebagai perwakilan Contoh Kebun Sawit Ketapang\. Ini datanya:\n\n🏢 Contoh Kebun Sawit Ketapang \(NPP SAMPEL-0001\)/,
    );
    expect(buttonsOf(replies[0]).map((b) => b.text)).toEqual(['Lepas tautan', '🏠 Menu']);
    // The flow is over: the next message is a question again, not a code.
    const [after] = await say(8210, 'sumsel');
    expect(after!.text).toContain('Sumatera Selatan');
    // /bantuan now speaks to a representative.
    const [help] = await say(8210, '/bantuan');
    expect(help!.text).toContain('Perusahaan Anda\n/perusahaan — status, pekerja terdaftar dan tunggakan perusahaan Anda');
    const [unlinked] = await press(8210, replies[0]!, 'co:out');
    expect(unlinked!.text).toBe('Tautan Anda ke 1 perusahaan dilepas.');
  });
  // What a person who may not see a company is told instead: silence would hide nothing either.
  const LINK_FIRST =
    /^🏢 Perusahaan saya\nUntuk melihat data perusahaan, Anda perlu ditautkan sebagai perwakilannya\. Caranya:\n1\. Minta kode sekali pakai/;

  it('shows no figure to a person who is not linked, by any path', async () => {
    const [command] = await say(8201, '/perusahaan');
    expect(command!.text).toContain('Perusahaan saya');
    expect(command!.text).not.toContain('Contoh Kebun Sawit');
    expect(command!.text).toMatch(LINK_FIRST);
    const [freeText] = await say(8201, 'cek tunggakan perusahaan saya SAMPEL-0001');
    expect(freeText!.text).not.toMatch(/850|1\.200|Kebun Sawit/);
    expect(freeText!.text).toMatch(LINK_FIRST);
    // A button naming another company, even correctly signed (replayed from someone else's chat).
    await forge(8201, command!, signer.sign('co', NPP));
    const afterButton = bot.double.sent(8201).at(-1)!;
    expect(afterButton.text).not.toMatch(/850|Kebun Sawit/);
    expect(afterButton.text).toMatch(LINK_FIRST);
    const wrong = await say(8201, `/perusahaan ${NPP} AAAAA-BBBBB`);
    expect(wrong[0]!.text).toContain('tidak cocok');
    const inline = bot.double.sendInlineQuery(testUser(8201), NPP);
    expect((await bot.post(inline)).status).toBe(200);
    const answer = bot.double.callsTo('answerInlineQuery').at(-1)!;
    expect(JSON.stringify(answer.payload.results)).not.toMatch(/Kebun Sawit|850/);
    // Inline mode knows regions only: an NPP is a place it cannot find.
    expect(answer.payload.results).toMatchObject([{ id: 'none', title: 'Wilayah tidak ditemukan' }]);
  });

  it('shows a representative their company, matching its data, in Indonesian and English', async () => {
    const { code } = await issueCompanyCode(pool(), NPP, 'test');
    const [linked] = await say(8202, `/perusahaan ${NPP} ${code}`);
    expect(linked!.text).toContain('tertaut sebagai perwakilan Contoh Kebun Sawit Ketapang');
    const [view] = await say(8202, '/perusahaan');
    const text = view!.text.replace(/\u00a0/g, ' ');
    expect(text).toContain('Contoh Kebun Sawit Ketapang (NPP SAMPEL-0001)');
    expect(text).toContain('Data contoh');
    expect(text).toContain('Status: menunggak iuran');
    expect(text).toContain('Pekerja terdaftar: 850 dari 1.200 yang dilaporkan (70,8%)');
    expect(text).toContain('Program: JKK, JKM, JHT');
    expect(text).toContain('Belum ikut: JP, JKP');
    expect(text).toContain('Tunggakan: 2 bulan');
    expect(text).toContain('Daftarkan 350 pekerja lagi');
    expect(text).toContain('Lindungi mitra informal dan pemasok sebagai peserta BPU');
    await setUserLocale(bot.service.db.prisma, 8202, 'en');
    const [english] = await say(8202, '/company');
    expect(english!.text.replace(/\u00a0/g, ' ')).toContain('Enrolled workers: 850 of 1,200 reported (70.8%)');
    expect(english!.text).toContain('Status: in arrears');
    const [unlinked] = await say(8202, '/perusahaan keluar');
    expect(unlinked!.text).toContain('link to 1 companies was removed');
    const [after] = await say(8202, '/company');
    expect(after!.text).not.toContain('850');
    expect(after!.text).toMatch(/^🏢 My company\nTo see a company's figures you must be linked as its representative\./);
  });

  it('shows the sample winners their award, and lets an official in scope see it, audited', async () => {
    const { code } = await issueCompanyCode(pool(), 'SAMPEL-AIC', 'test');
    await say(8203, `/perusahaan SAMPEL-AIC ${code}`);
    const [view] = await say(8203, '/perusahaan');
    expect(view!.text).toContain('Penghargaan: Penerima penghargaan (Paritrana Award 2024 · Sumatera Barat)');
    await grantRole(pool(), { telegramId: 8204, regionCode: '61', actor: 'test' });
    const [menu] = await say(8204, '/menu');
    await forge(8204, menu!, signer.sign('co', NPP));
    expect(bot.double.sent(8204).at(-1)!.text).toContain('Contoh Kebun Sawit Ketapang');
    expect((await recentAudit(pool(), 1))[0]).toMatchObject({ actor: 'telegram:8204', action: 'company.view', target: `company:${NPP}` });
    await forge(8204, menu!, signer.sign('co', 'SAMPEL-AIC'));
    expect(bot.double.sent(8204).at(-1)!.text).not.toContain('AIC (NPP');
    // Out of the official's scope: the same explanation as to anyone not linked.
    expect(bot.double.sent(8204).at(-1)!.text).toMatch(LINK_FIRST);
    // By command too: /perusahaan <NPP> shows an official a company in scope, audited, and no other.
    const [byCommand] = await say(8204, `/perusahaan ${NPP}`);
    expect(byCommand!.text).toContain('Contoh Kebun Sawit Ketapang (NPP SAMPEL-0001)');
    expect((await recentAudit(pool(), 1))[0]).toMatchObject({ actor: 'telegram:8204', action: 'company.view', target: `company:${NPP}` });
    const [outside] = await say(8204, '/perusahaan SAMPEL-AIC');
    expect(outside!.text).toMatch(LINK_FIRST);
  });
});

describe('the standing of every sample company', () => {
  const SAMPLES = [
    {
      npp: 'SAMPEL-AIC',
      name: 'AIC',
      id: ['480 dari 500', '96%', 'Status: aktif', 'Tidak ada tunggakan'],
      en: ['480 of 500', 'Status: active', 'No arrears'],
    },
    { npp: 'SAMPEL-BMK', name: 'BMK', id: ['118 dari 150', '78,7%', 'Belum ikut: JKP'], en: ['118 of 150', 'Not yet in: JKP'] },
    {
      npp: 'SAMPEL-0001',
      name: 'Contoh Kebun Sawit Ketapang',
      id: ['850 dari 1.200', '70,8%', 'Tunggakan: 2 bulan'],
      en: ['850 of 1,200', 'Arrears: 2 months'],
    },
    {
      npp: 'SAMPEL-0002',
      name: 'Contoh Toko Kelontong Palembang',
      id: ['0 dari 4', 'Status: nonaktif', 'Tunggakan: 5 bulan', 'Daftarkan 4 pekerja lagi'],
      en: ['0 of 4', 'Status: inactive', 'Enroll 4 more workers'],
    },
  ];

  it.each(SAMPLES)('$npp matches its data', async ({ npp, name, id, en }) => {
    const user = 8300 + SAMPLES.findIndex((s) => s.npp === npp);
    const { code } = await issueCompanyCode(pool(), npp, 'test');
    await say(user, `/perusahaan ${npp} ${code}`);
    const [indonesian] = await say(user, '/perusahaan');
    const idText = indonesian!.text.replace(/\u00a0/g, ' ');
    expect(idText).toContain(`${name} (NPP ${npp})`);
    for (const piece of id) expect(idText).toContain(piece);
    await setUserLocale(bot.service.db.prisma, user, 'en');
    const [english] = await say(user, '/company');
    const enText = english!.text.replace(/\u00a0/g, ' ');
    for (const piece of en) expect(enText).toContain(piece);
  });
});

describe('arrears', () => {
  it('show their amount when the data has it, and whom to contact', async () => {
    const { importFile } = await import('../src/domain/import/import-runner.ts');
    const row = {
      npp: 'UJI-ARREARS',
      name: 'Uji Tunggakan',
      region_code: '13',
      size_class: 'kecil',
      sector: 'perdagangan',
      status: 'menunggak',
      enrolled_workers: 10,
      reported_workforce: 12,
      programmes: 'JKK;JKM',
      months_in_arrears: 3,
      arrears_amount: '12,5 juta',
      as_of: '2026-11-01',
      is_sample: 'ya',
    };
    expect((await importFile(pool(), 'companies', JSON.stringify([row]), { format: 'json', today: '2026-12-01' })).ok).toBe(true);
    const { code } = await issueCompanyCode(pool(), 'UJI-ARREARS', 'test');
    const [linked] = await say(8601, `/perusahaan UJI-ARREARS ${code}`);
    expect(linked!.text).toContain(
      'Tunggakan: 3 bulan, sebesar Rp12.500.000. Lunasi segera agar perlindungan pekerja tetap berjalan. Untuk jadwal pembayarannya, hubungi kantor cabang BPJS Ketenagakerjaan tempat perusahaan terdaftar, atau layanan 175.',
    );
  });
});

describe('in a group', () => {
  it('shows a verified representative no figure, by command, mention or button, and points to the private chat', async () => {
    const { code } = await issueCompanyCode(pool(), NPP, 'test');
    await say(8501, `/perusahaan ${NPP} ${code}`);
    const group = bot.double.addChat(-100_8501, 'supergroup');
    const inGroup = async (text: string) => {
      const before = bot.double.sent(group.id).length;
      expect((await bot.post(bot.double.sendUserMessage(testUser(8501), text, { chat: group }))).status).toBe(200);
      return bot.double.sent(group.id).slice(before);
    };
    for (const text of ['/perusahaan@paritrana_bot', '@paritrana_bot perusahaan saya', `/perusahaan ${NPP} AAAAA-BBBBB`]) {
      const replies = await inGroup(text);
      expect(replies, text).toHaveLength(1);
      expect(replies[0]!.text, text).toContain('Data perusahaan hanya saya tampilkan di chat pribadi');
      expect(replies[0]!.text, text).not.toMatch(/850|1\.200|Kebun Sawit|menunggak/);
      const button = (replies[0]!.reply_markup as { inline_keyboard: { text: string; url?: string }[][] }).inline_keyboard.flat()[0]!;
      expect(button.url).toBe('https://t.me/paritrana_bot?start=perusahaan');
    }
    // The deep link opens the private chat on the company.
    const [opened] = await say(8501, '/start perusahaan');
    expect(opened!.text.replace(/\u00a0/g, ' ')).toContain('Pekerja terdaftar: 850 dari 1.200');
  });
});

describe('/kodeperusahaan', () => {
  it('an official issues a code for a company in scope, which its representative then uses', async () => {
    await grantRole(pool(), { telegramId: 8401, regionCode: '16', actor: 'test' });
    const [refused] = await say(8401, `/kodeperusahaan ${NPP}`); // Kalimantan Barat: not theirs
    // Out of scope and unknown read the same: no oracle of which NPPs exist.
    const [unknown] = await say(8401, '/kodeperusahaan SAMPEL-9999');
    expect(refused!.text).toBe(
      `Saya tidak menemukan perusahaan dengan NPP ${NPP} di wilayah kewenangan Anda. Periksa lagi NPP-nya, atau minta admin menambahkan wilayah itu untuk Anda.`,
    );
    expect(unknown!.text.replace('SAMPEL-9999', NPP)).toBe(refused!.text);
    const [issued] = await say(8401, '/kodeperusahaan SAMPEL-0002');
    const code = /: ([A-Z0-9]{5}-[A-Z0-9]{5})/.exec(issued!.text)?.[1];
    expect(code).toBeDefined();
    const [linked] = await say(8402, `/perusahaan SAMPEL-0002 ${code}`);
    expect(linked!.text).toContain('Contoh Toko Kelontong Palembang');
    const [nobody] = await say(8403, '/kodeperusahaan SAMPEL-0002');
    expect(nobody!.text).toContain('khusus pejabat');
  });
});

describe('an NPP and a code as typed', () => {
  it.each([
    ['SAMPEL-0001 K7M2X-Q9PPA', { npp: 'SAMPEL0001', code: 'K7M2XQ9PPA' }],
    ['sampel 0001 k7m2x q9ppa', { npp: 'SAMPEL0001', code: 'K7M2XQ9PPA' }],
    ['npp 12345678 kode K7M2X-Q9PPA', { npp: '12345678', code: 'K7M2XQ9PPA' }],
    ['NPP: 12345678, kode: k7m2xq9ppa', { npp: '12345678', code: 'K7M2XQ9PPA' }],
    ['npp SAMPEL-0001, kodenya K7M2X-Q9PPA', { npp: 'SAMPEL0001', code: 'K7M2XQ9PPA' }],
  ])('reads "%s"', (text, expected) => {
    expect(splitNppAndCode(text)).toEqual(expected);
  });

  it('finds nothing in a code alone', () => {
    expect(splitNppAndCode('K7M2X-Q9PPA')).toBeUndefined();
  });
});
