// Coverage and award questions by command and button, through the Bot API double over HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BotMessage } from '../src/bot-api-double/local-bot-api-types.ts';
import { startTestBot, type TestBot } from './support/service.ts';
import { testUser } from './support/bot-api-double.ts';
import { buttonsOf, conversation } from './support/conversation.ts';
import { setUserLocale } from '../src/domain/users.ts';
import { coverageReport } from '../src/domain/coverage/coverage-report.ts';
import { createI18n } from '../src/i18n/i18n.ts';
import { coverageMessage } from '../src/bot/features/coverage-message.ts';
import { importFile } from '../src/domain/import/import-runner.ts';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
});
afterAll(async () => {
  await bot?.stop();
});
beforeEach(() => bot.double.reset());

const { say, press, forge } = conversation(() => bot);
const buttons = buttonsOf;

describe('/cakupan', () => {
  it('shows Sumsel: participants, coverage, target, rank, date and source', async () => {
    const [reply] = await say(2001, '/cakupan sumsel');
    expect(reply!.text).toContain('Cakupan Jamsostek — Sumatera Selatan');
    expect(reply!.text).toContain('2.789.917 pekerja tercatat sebagai peserta aktif.');
    expect(reply!.text).toContain('Cakupannya (UCJ) 31,33%.');
    // UCJ is explained where it appears (facts.md: Kemendagri's definition).
    expect(reply!.text).toContain(
      'UCJ (Universal Coverage Jamsostek): pekerja yang terlindungi dibagi angkatan kerja, menurut Kemendagri.',
    );
    // On 21 November 2026 the 2025 target has passed, and the August 2025 figures are 14 months old.
    expect(reply!.text).toContain('Target 2025: 51%, belum tercapai pada data terakhir');
    expect(reply!.text).not.toContain('pada 2025 (kurang');
    // Ranked only among figures within three months of 27 August 2025 (facts-2): Maluku Utara
    // 41,64% (31 May), NTB 33,25% (August), Aceh 25,46% (August), Lampung 24,5% (13 August),
    // Kalimantan Barat 27% (the year 2025). Jambi's (December 2024), Papua Barat Daya's (2023) and
    // the figures marked uncertain are left out.
    expect(reply!.text).toContain('Cakupannya di urutan ke-3 dari 6 provinsi yang datanya sezaman');
    expect(reply!.text).toContain('per 27 Agustus 2025, sumber: Pemberitaan media daerah (Paritrana Award 2025 Sumatera Selatan)');
    expect(reply!.text).toContain('⏳ Ini data Agustus 2025, 14 bulan lalu; data yang lebih baru belum ada.');
  });

  it('says how old the figures are and that a target year has passed only when they are (1 December 2026 against 1 September 2025)', async () => {
    const report = (await coverageReport(bot.service.db.pool, '16'))!;
    const t = createI18n('id').getFixedT('id');
    const now = coverageMessage(t, report, '2026-12-01');
    const then = coverageMessage(t, report, '2025-09-01');
    expect(now).toContain('⏳ Ini data Agustus 2025, 15 bulan lalu; data yang lebih baru belum ada.');
    expect(now).toContain('Target 2025: 51%, belum tercapai pada data terakhir');
    expect(then).not.toContain('⏳');
    expect(then).not.toContain('belum tercapai');
    expect(then).toContain('Targetnya 51% pada 2025, masih kurang 19,67 poin.');
    // A year is not yet old: 11 months and 30 days.
    expect(coverageMessage(t, report, '2026-08-26')).not.toContain('⏳');
    expect(coverageMessage(t, report, '2026-08-27')).toContain('12 bulan lalu');
  });

  it('shows the change since the snapshot before', async () => {
    const [reply] = await say(2001, '/cakupan Papua Barat Daya');
    expect(reply!.text).toContain('Cakupannya (UCJ) 85,34%.');
    expect(reply!.text).toContain('Sejak 2022 cakupannya berubah +19,54 poin persentase (dari 65,8%).');
    expect(reply!.text).toContain('per 2023');
  });

  it('computes no change between figures that do not name the same measure and source, and shows the earlier one with its own', async () => {
    const [reply] = await say(2006, '/cakupan indonesia');
    expect(reply!.text).toContain('39.950.000 pekerja tercatat sebagai peserta aktif.');
    expect(reply!.text).toContain(
      'Sebelumnya, per Desember 2024, tercatat 45.220.000 peserta menurut BPJS Ketenagakerjaan (rangkuman berita publik). Belum pasti keduanya dihitung dari sumber dan dengan cara yang sama, jadi selisihnya tidak saya hitung.',
    );
    expect(reply!.text).not.toMatch(/Sejak|−5\.270\.000/);
  });

  it('offers the choices of an ambiguous name; the one picked completes the question', async () => {
    const [choices] = await say(2002, '/cakupan padang');
    expect(choices!.text).toContain('Ada beberapa wilayah yang cocok dengan “padang”');
    const options = buttons(choices);
    expect(options[0]!.text).toBe('Kota Padang (Sumatera Barat)');
    expect(options.every((o) => Buffer.byteLength(o.data) <= 64)).toBe(true);
    const [report] = await press(2002, choices!, options[0]!.data);
    expect(report!.text).toContain('Saya belum punya data cakupan untuk Kota Padang. Ini data wilayah terdekat di atasnya, Sumatera Barat');
    expect(report!.text).toContain('25.000');
    expect(report!.text).toContain('⚠️');
  });

  it('says so when a region is not known', async () => {
    const [reply] = await say(2003, '/cakupan xyzzy');
    expect(reply!.text).toContain('tidak menemukan wilayah “xyzzy”');
  });

  it('refuses a forged or altered button politely', async () => {
    const [choices] = await say(2004, '/cakupan padang');
    const data = buttons(choices)[0]!.data;
    bot.double.reset();
    await forge(2004, choices!, data.replace('13.71', '16.71'));
    await forge(2004, choices!, 'cov:16.71');
    expect(bot.double.sent(2004)).toEqual([]);
    expect(bot.double.callsTo('answerCallbackQuery')).toHaveLength(2);
    const [answer] = bot.double.callsTo('answerCallbackQuery');
    expect(answer!.payload).toMatchObject({ show_alert: true, text: expect.stringContaining('sudah tidak berlaku') });
  });

  it('answers in English for an English-speaking user', async () => {
    await say(2005, '/start');
    await setUserLocale(bot.service.db.prisma, 2005, 'en');
    const [reply] = await say(2005, '/coverage sumsel');
    expect(reply!.text).toContain('2,789,917 workers are active participants.');
    expect(reply!.text).toContain('as of 27 August 2025');
    expect(reply!.text).toContain('31.33%');
  });
});

describe('/penghargaan', () => {
  it('asks for the region from the menu, offers the last one, and takes a typed name as the answer', async () => {
    const [menu] = await say(2191, '/start');
    const [prompt] = await press(2191, menu!, 'm:aw');
    expect(prompt!.text).toBe(
      '🏆 Riwayat penghargaan wilayah mana? Tulis saja namanya, misalnya Sawahlunto atau Banten, atau pilih di bawah.',
    );
    expect(buttonsOf(prompt).map((b) => b.text)).toEqual(['📚 Semua acara', '🏠 Menu']);
    const [answer] = await say(2191, 'sawahlunto');
    expect(answer!.text).toMatch(/^🏆 Riwayat Paritrana Award — Kota Sawahlunto/);
    // The region just asked about is offered next time.
    const [again] = await press(2191, menu!, 'm:cov');
    expect(again!.text).toMatch(/^📊 Cakupan wilayah mana/);
    expect(buttonsOf(again).map((b) => b.text)).toEqual(['Kota Sawahlunto', '🏠 Menu']);
  });

  it("answers a city without its own record with its province's records, not a dead end", async () => {
    for (const question of ['palembang pernah menang paritrana award gak?', '/penghargaan palembang']) {
      const [reply] = await say(2190, question);
      expect(reply!.text, question).toMatch(
        /^Belum ada catatan Paritrana Award untuk Kota Palembang sendiri\. Ini catatan provinsinya, Sumatera Selatan:/,
      );
      expect(reply!.text, question).toContain('Paritrana Award 2025 · Sumatera Selatan');
      expect(reply!.text, question).toContain('Palembang');
      expect(buttonsOf(reply).length, question).toBeGreaterThan(0);
    }
  });

  it('Tangerang Selatan: Terbaik Kedua at the Banten 2025 ceremony', async () => {
    const [reply] = await say(2101, '/penghargaan tangsel');
    expect(reply!.text).toContain('Paritrana Award 2025 · Banten');
    expect(reply!.text).toContain('27 November 2025');
    expect(reply!.text).toContain('Serpong');
    expect(reply!.text).toContain('Pemerintah kabupaten/kota — Terbaik Kedua: Kota Tangerang Selatan');
  });

  it('Sawahlunto: its four 2024 awards and Desa Santur within it', async () => {
    const [reply] = await say(2102, '/penghargaan sawahlunto');
    for (const title of [
      'Zero Accident Award',
      'Program P2-HIV/AIDS di tempat kerja',
      'dana bagi hasil sawit',
      'cakupan kepesertaan terbaik kategori kota',
    ])
      expect(reply!.text).toContain(title);
    expect(reply!.text).toContain('Desa Santur');
    expect(reply!.text).toContain('Hotel Mercure Padang');
  });

  it('by year and by category', async () => {
    const [year] = await say(2103, '/penghargaan 2022');
    expect(year!.text).toContain('Kabupaten Raja Ampat');
    expect(year!.text).toContain('Kabupaten Kulon Progo');
    const [villages] = await say(2103, '/penghargaan desa');
    expect(villages!.text).toContain('Desa Santur');
    expect(villages!.text).toContain('Desa Ngadi');
  });

  it('pages the whole history with buttons, no page over 4096 characters', async () => {
    const [first] = await say(2104, '/penghargaan');
    expect(first!.text).toMatch(/Halaman 1 dari \d+/);
    const next = buttons(first).find((b) => b.text.startsWith('Berikutnya'))!;
    await press(2104, first!, next.data);
    const edited = bot.double.callsTo('editMessageText').at(-1)!;
    expect(String(edited.payload.text)).toContain('Halaman 2 dari');
    for (const call of [...bot.double.callsTo('sendMessage'), ...bot.double.callsTo('editMessageText')])
      expect(String(call.payload.text).length).toBeLessThanOrEqual(4096);
  });
});

/** Message text with Intl's non-breaking spaces ("Rp\u00a02.500.000") as plain ones. */
const txt = (m: BotMessage | undefined) => m!.text.replace(/\u00a0/g, ' ');

describe('/iuran', () => {
  it('answers at once when the message says everything: Rp2,5 juta, JHT, ojol, on 21 November 2026', async () => {
    const [reply] = await say(2201, '/iuran 2,5jt pakai jht ojol');
    expect(txt(reply)).toContain('Dihitung dari penghasilan Rp2.500.000 sebulan.');
    expect(txt(reply)).toMatch(/JKK \(kecelakaan kerja\), 1% dari penghasilan: Rp25\.000 Rp12\.500 \(diskon 50%\)/);
    expect(txt(reply)).toMatch(/JKM \(kematian\), tetap: Rp6\.800 Rp3\.400/);
    expect(txt(reply)).toMatch(/JHT \(hari tua\), 2% dari penghasilan: Rp50\.000/);
    expect(txt(reply)).toMatch(/Total: Rp65\.900 per bulan \(tanpa diskon Rp81\.800\)/);
    expect(txt(reply)).toContain('menurut PP 50/2025, berlaku 1 Januari 2026 sampai 31 Maret 2027');
    expect(txt(reply)).toContain('mulai Rp1.000.000');
    expect(txt(reply)).toContain('Perkiraan untuk 21 November 2026');
  });

  it('answers at once with what it knows, and refines with buttons: income, sector, then per programme', async () => {
    const [first] = await say(2202, '/iuran');
    // No income said: the lowest that can be declared, both packages, both sectors' discount periods.
    expect(txt(first)).toContain('paling rendah');
    expect(txt(first)).toContain('Rp1.000.000');
    expect(txt(first)).toContain('Paket dasar JKK + JKM: Rp8.400 (normalnya Rp16.800)');
    expect(txt(first)).toContain('Dengan JHT (tabungan hari tua): Rp28.400 (normalnya Rp36.800)');
    expect(txt(first)).toContain('sampai 31 Desember 2026. Setelah itu iurannya Rp16.800 tanpa JHT atau Rp36.800 dengan JHT');
    expect(txt(first)).toContain('sampai 31 Maret 2027');
    expect(txt(first)).not.toContain('Berapa penghasilan Anda sebulan?');
    await press(2202, first!, buttons(first).find((b) => b.text.replace(/\u00a0/g, ' ') === 'Rp2.000.000')!.data);
    const two = bot.double.sent(2202).at(-1)!;
    expect(txt(two)).toContain('untuk penghasilan Rp2.000.000');
    expect(txt(two)).toContain('Rp13.400');
    await press(2202, two, buttons(two).find((b) => b.text.includes('Bukan transportasi'))!.data);
    const others = bot.double.sent(2202).at(-1)!;
    expect(txt(others)).not.toContain('Sektor transportasi');
    expect(txt(others)).toContain('sampai 31 Desember 2026');
    await press(2202, others, buttons(others).find((b) => b.text.includes('Rincian'))!.data);
    const askJht = bot.double.sent(2202).at(-1)!;
    expect(txt(askJht)).toContain('Mau sekalian ikut JHT (tabungan hari tua)? Boleh tidak.');
    await press(2202, askJht, buttons(askJht).find((b) => b.text === 'Tanpa JHT')!.data);
    const result = bot.double.sent(2202).at(-1)!;
    expect(txt(result)).toMatch(/Total: Rp13\.400 per bulan/);
    expect(txt(result)).toContain('berlaku 1 April 2026 sampai 31 Desember 2026');
  });

  it('computes a low income from the lowest declared income', async () => {
    const [reply] = await say(2203, '/iuran 500 ribu tanpa jht ojek');
    expect(txt(reply)).toContain('Karena penghasilannya di bawah Rp1.000.000, iuran dihitung dari Rp1.000.000.');
    expect(txt(reply)).toMatch(/Total: Rp8\.400 per bulan/);
  });
});

describe('/daftar', () => {
  it('answers in one message: the JMO steps, the other ways in, and the next questions as buttons', async () => {
    const replies = await say(2301, '/daftar');
    expect(replies).toHaveLength(1);
    const [first] = replies;
    for (const part of ['Buat Akun', 'Bukan Penerima Upah', 'OTP', 'kantor cabang', 'Perisai', 'BSI Agen', 'Dana Desa'])
      expect(first!.text).toContain(part);
    expect(first!.text).toMatch(/Sumber: .+\.$/);
    const labels = buttons(first!).map((b) => b.text);
    expect(labels).toEqual(expect.arrayContaining(['Syarat daftar', 'Daftar tanpa smartphone', '🧮 Hitung iuran', '🏠 Menu']));
    // The next question is one tap away, and it ends with a way on too.
    await press(2301, first!, buttons(first!).find((b) => b.text === 'Syarat daftar')!.data);
    const documents = bot.double.sent(2301).at(-1)!;
    expect(documents.text).toContain('KTP');
    expect(buttons(documents).length).toBeGreaterThan(1);
  });
});

describe('/grafik', () => {
  it('sends the coverage trend as a PNG photo with a caption', async () => {
    const before = bot.double.callsTo('sendPhoto').length;
    await say(2401, '/grafik papua barat daya');
    const [call] = bot.double.callsTo('sendPhoto').slice(before);
    const photo = call!.payload.photo as { filename: string; size: number };
    expect(photo.filename).toBe('cakupan-96.png');
    expect(photo.size).toBeGreaterThan(10_000);
    expect(String(call!.payload.caption)).toContain('Papua Barat Daya');
    expect(String(call!.payload.caption)).toContain('dari 2022 sampai 2023 (2 angka)');
    expect(bot.double.callsTo('sendChatAction').at(-1)!.payload).toMatchObject({ action: 'upload_photo' });
  });

  it('draws the nearest parent for a region without figures, and says so', async () => {
    const before = bot.double.callsTo('sendPhoto').length;
    await say(2402, '/grafik kota sorong');
    const [call] = bot.double.callsTo('sendPhoto').slice(before);
    expect(String(call!.payload.caption)).toContain('Saya belum punya data untuk Kota Sorong');
    expect(String(call!.payload.caption)).toContain('Papua Barat Daya</b>, dari 2022 sampai 2023 (2 angka)');
  });

  it('draws no trend from one figure: says so and shows the figure with its source', async () => {
    const before = bot.double.callsTo('sendPhoto').length;
    const [note, card] = await say(2403, '/grafik sumsel');
    expect(bot.double.callsTo('sendPhoto').length).toBe(before);
    expect(note!.text).toBe(
      'Untuk Sumatera Selatan baru ada satu angka, jadi belum bisa digambar sebagai tren. Ini angkanya, dengan sumbernya:',
    );
    expect(card!.text).toMatch(/^📊 Cakupan Jamsostek — Sumatera Selatan/);
    expect(card!.text).toContain('31,33%');
    expect(card!.text).toContain('per 27 Agustus 2025, sumber: Pemberitaan media daerah');
  });
});

describe('charts of every province', () => {
  const photosSince = (before: number) => bot.double.callsTo('sendPhoto').slice(before);

  it('draws the latest figure of every province that has one, sorted, from /grafik provinsi', async () => {
    const before = bot.double.callsTo('sendPhoto').length;
    await say(2411, '/grafik provinsi');
    const [call] = photosSince(before);
    expect((call!.payload.photo as { filename: string }).filename).toBe('cakupan-provinsi.png');
    expect(String(call!.payload.caption)).toMatch(
      /^📊 Cakupan \(UCJ\) \d+ provinsi yang angkanya ada, dari yang tertinggi\. Tanggal tiap angka/,
    );
    expect(String(call!.payload.caption)).toContain('Kemendagri');
    const markup = call!.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] };
    const toActive = markup.inline_keyboard.flat().find((b) => b.text === '👥 Lihat peserta aktif')!;
    expect(toActive.callback_data).toBe('gr:prov:n');
  });

  it('asks which region from /grafik alone, offering all provinces, and takes a typed name', async () => {
    const [prompt] = await say(2412, '/grafik');
    expect(prompt!.text).toMatch(/^📈 Grafik wilayah mana yang ingin Anda lihat\? Tulis saja namanya/);
    expect(buttonsOf(prompt).map((b) => b.text)).toEqual(['📊 Semua provinsi', '🏠 Menu']);
    const before = bot.double.callsTo('sendPhoto').length;
    await say(2412, 'papua barat daya');
    expect((photosSince(before)[0]!.payload.photo as { filename: string }).filename).toBe('cakupan-96.png');
  });

  it('understands a chart asked for in words, with a region or without', async () => {
    let before = bot.double.callsTo('sendPhoto').length;
    await say(2413, 'grafik cakupan papua barat daya dong');
    expect((photosSince(before)[0]!.payload.photo as { filename: string }).filename).toBe('cakupan-96.png');
    const [note] = await say(2414, 'grafik jambi');
    expect(note!.text).toContain('Untuk Jambi baru ada satu angka');
    before = bot.double.callsTo('sendPhoto').length;
    await say(2415, 'tren ucj semua provinsi');
    expect((photosSince(before)[0]!.payload.photo as { filename: string }).filename).toBe('cakupan-provinsi.png');
    // All provinces, even right after a question about one of them.
    await say(2417, 'brp cakupan sumsel');
    before = bot.double.callsTo('sendPhoto').length;
    await say(2417, 'grafik semua provinsi');
    expect((photosSince(before)[0]!.payload.photo as { filename: string }).filename).toBe('cakupan-provinsi.png');
    before = bot.double.callsTo('sendPhoto').length;
    await say(2416, 'coverage chart of all provinces', { language_code: 'en' });
    const [english] = photosSince(before);
    expect(String(english!.payload.caption)).toMatch(/^📊 Coverage \(UCJ\) of the \d+ provinces with a figure, highest first/);
  });
});

describe('/bandingkan', () => {
  it('compares two regions side by side', async () => {
    const [reply] = await say(2501, '/bandingkan sumsel dengan jambi');
    expect(reply!.text).toContain('Sumatera Selatan: 2.789.917 peserta · cakupan 31,33% — per 27 Agustus 2025');
    expect(reply!.text).toContain('Jambi: cakupan 45,17% — per Desember 2024');
    // August 2025 against December 2024: side by side, with a warning, and no difference computed.
    expect(reply!.text).toContain(
      '⚠️ Angka keduanya dari periode yang berbeda (27 Agustus 2025 dan Desember 2024), jadi tidak saya bandingkan langsung.',
    );
    expect(reply!.text).not.toContain('lebih tinggi');
  });

  it('asks for the second region from the coverage card, and answers the reply', async () => {
    const [card] = await say(2502, '/cakupan sumsel');
    await press(2502, card!, buttons(card).find((b) => b.text.startsWith('⚖️'))!.data);
    const prompt = bot.double.sent(2502).at(-1)!;
    expect(prompt.text).toContain('Bandingkan Sumatera Selatan dengan wilayah mana?');
    const update = bot.double.sendUserMessage(testUser(2502), 'papua barat daya');
    (update.message as { reply_to_message?: unknown }).reply_to_message = {
      message_id: prompt.message_id,
      date: prompt.date,
      chat: { id: 2502, type: 'private', first_name: 'Uji' },
      from: { id: 7000000001, is_bot: true, first_name: 'Paritrana Bot' },
      text: prompt.text,
    };
    expect((await bot.post(update)).status).toBe(200);
    const comparison = bot.double.sent(2502).at(-1)!;
    expect(comparison.text).toContain('⚠️ Angka keduanya dari periode yang berbeda (27 Agustus 2025 dan 2023)');
    expect(comparison.text).not.toContain('lebih tinggi');
  });

  it('prefers figures of the same period when a history holds them, and says so', async () => {
    const rows = [
      { region_code: '17', as_of: '2023-03-31', coverage_percent: 40.5, source_name: 'Uji sumber Bengkulu' },
      { region_code: '17', as_of: '2026-10-31', coverage_percent: 50, source_name: 'Uji sumber Bengkulu' },
    ];
    expect((await importFile(bot.service.db.pool, 'coverage', JSON.stringify(rows), { format: 'json', today: '2026-12-01' })).ok).toBe(
      true,
    );
    const [reply] = await say(2504, '/bandingkan papua barat daya dengan bengkulu');
    // Papua Barat Daya's latest is of 2023: Bengkulu's figure of March 2023 is set beside it, not that of October 2026.
    expect(reply!.text).toContain('Papua Barat Daya: cakupan 85,34% — per 2023');
    expect(reply!.text).toContain('Bengkulu: cakupan 40,5% — per 31 Maret 2023');
    expect(reply!.text).toContain('ℹ️ Supaya sebanding, saya pakai angka dari periode yang sama.');
    expect(reply!.text).toContain('Papua Barat Daya lebih tinggi 44,84 poin persentase.');
    expect(reply!.text).not.toContain('50%');
  });

  it('explains how to use it', async () => {
    const [reply] = await say(2503, '/bandingkan sumsel');
    expect(reply!.text).toContain('Sebutkan dua wilayah yang mau dibandingkan');
  });
});

describe('text from the data', () => {
  const importRows = async (kind: 'coverage' | 'awards' | 'ceremonies', rows: Record<string, unknown>[]) => {
    const result = await importFile(bot.service.db.pool, kind, JSON.stringify(rows), { format: 'json', today: '2026-12-01' });
    expect(result.ok).toBe(true);
  };

  it('shows a remark in the reader language, marks an Indonesian one in English, and never shows a note for maintainers', async () => {
    const row = {
      region_code: '19',
      as_of: '2026-10-31',
      active_participants: 123_456,
      coverage_percent: 20.5,
      source_name: 'Uji sumber',
      note: 'Angka uji dari kantor wilayah.',
      internal_note: 'RAHASIA: dicek lagi bulan depan',
    };
    await importRows('coverage', [row]);
    const [id] = await say(2601, '/cakupan bangka belitung');
    expect(id!.text).toContain('Catatan: Angka uji dari kantor wilayah.');
    const [en] = await say(2602, '/coverage bangka belitung', { language_code: 'en' });
    expect(en!.text).toContain('Note: Angka uji dari kantor wilayah. (in Indonesian)');
    expect(en!.text).toContain('123,456');
    for (const reply of [id!, en!]) expect(reply.text).not.toContain('RAHASIA');

    await importRows('coverage', [{ ...row, note_en: 'A test figure from the regional office.' }]);
    const [again] = await say(2602, '/coverage bangka belitung', { language_code: 'en' });
    expect(again!.text).toContain('Note: A test figure from the regional office.');
    expect(again!.text).not.toContain('(in Indonesian)');
  });

  it('shows award titles and remarks in English where given; what the source left unsaid stays with maintainers', async () => {
    const [id] = await say(2603, '/penghargaan 2018');
    expect(id!.text).toContain('Pemenang');
    expect(id!.text).not.toMatch(/tidak disebut sumber|not given by the source/);
    const [en] = await say(2604, '/awards 2018', { language_code: 'en' });
    expect(en!.text).toContain('Provincial government — Winner: Jawa Tengah');
    expect(en!.text).toContain('National award ceremony for the 2017 assessment.');
    expect(en!.text).not.toMatch(/Pemenang|Penganugerahan|not given by the source/);
    // An uncertain winner: the mark and one line in the reader's language, not a maintainer's wording.
    const [kalbar] = await say(2604, '/awards kalbar', { language_code: 'en' });
    expect(kalbar!.text).toContain('Kabupaten Ketapang ⚠️');
    expect(kalbar!.text).toContain('⚠️ Items marked ⚠️ are not yet confirmed by their source.');
    expect(kalbar!.text).not.toMatch(/belum terkonfirmasi|not confirmed\.|another source/);
  });
});

describe('no dead ends', () => {
  const labels = (message: BotMessage | undefined) => buttonsOf(message).map((b) => b.text);

  it('ends answers that used to stop short with a way on', async () => {
    // A chart leads to the region's card and to all provinces.
    const before = bot.double.callsTo('sendPhoto').length;
    await say(2701, '/grafik papua barat daya');
    const photo = bot.double.callsTo('sendPhoto').slice(before)[0]!;
    const markup = photo.payload.reply_markup as { inline_keyboard: { text: string }[][] };
    expect(markup.inline_keyboard.flat().map((b) => b.text)).toEqual(['📊 Cakupan Papua Barat Daya', '📊 Semua provinsi', '🏠 Menu']);
    // A comparison leads to each region's card.
    const [compared] = await say(2702, '/bandingkan sumsel dengan jambi');
    expect(labels(compared)).toEqual(['📊 Cakupan Sumatera Selatan', '📊 Cakupan Jambi', '🏠 Menu']);
    // A name not found, a wrong way of asking, a dropped subscription: at least the menu.
    const [notFound] = await say(2703, '/cakupan xyzzy');
    expect(labels(notFound)).toEqual(['🏠 Menu']);
    const [usage] = await say(2704, '/bandingkan sumsel');
    expect(labels(usage)).toEqual(['🏠 Menu']);
    const [stopped] = await say(2705, '/berhenti');
    expect(labels(stopped)).toEqual(['🏠 Menu']);
  });
});
