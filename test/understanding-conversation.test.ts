// Issue 10's examples of "what went wrong", each answered through the Bot API double over
// HTTP, plus what comes with every free-text answer: its language, the chat's context kept in
// the database (also for another instance), the 👍/👎 buttons and what they store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { importFile } from '../src/domain/import/import-runner.ts';
import { setUserLocale } from '../src/domain/users.ts';
import { startService, type Service } from '../src/service.ts';
import { WEBHOOK_PATH } from '../src/server/app.ts';
import type { BotMessage } from '../src/bot-api-double/local-bot-api-types.ts';
import { testUser } from './support/bot-api-double.ts';
import { runCli } from './support/cli.ts';
import { buttonsOf, conversation } from './support/conversation.ts';
import { captureLogs } from './support/logs.ts';
import { startTestBot, TEST_NOW, TEST_SECRET, type TestBot } from './support/service.ts';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
});
afterAll(async () => {
  await bot?.stop();
});

const { say, press } = conversation(() => bot);
const plain = (m: BotMessage | undefined) => (m?.text ?? '').replace(/\u00a0/g, ' ');
const NOT_UNDERSTOOD = /^Maaf, untuk pertanyaan itu saya belum punya jawabannya/;

let nextUser = 5100;
/** One question from a new person: the one reply, as plain text. */
async function ask(text: string, overrides: Parameters<typeof say>[2] = {}): Promise<BotMessage> {
  const replies = await say(nextUser++, text, overrides);
  expect(replies, `"${text}" got ${replies.length} replies`).toHaveLength(1);
  return replies[0]!;
}

/** [question, what the answer must say, what it must not say]. */
const EXAMPLES: [string, string[], string[]][] = [
  // benefits, claims, contacts and programme rules
  ['kalo sy meninggal keluarga dapet brp?', ['Rp42 juta'], []],
  ['klaim jht gimana caranya', ['JHT', 'JMO'], []],
  ['nomor call center brp', ['175'], []],
  ['bpu bisa ikut pensiun ga', ['Jaminan Pensiun (JP)', 'tidak tersedia untuk peserta BPU'], []],
  // one keyword no longer decides the topic
  ['telat bayar 2 bulan kena denda ga', ['Tidak ada denda'], ['Berapa penghasilan Anda']],
  ['bayar iuran bisa lewat indomaret gak', ['NIK'], ['Berapa penghasilan Anda']],
  ['syarat dpt beasiswa apa', ['Rp174 juta', '2 anak'], ['Buat Akun']],
  // it answers before it asks
  [
    'penghasilan 2jt iurannya brp',
    ['Rp2.000.000', 'Rp13.400', 'Rp53.400', 'Rp26.800 tanpa JHT'],
    ['Ingin ikut JHT', 'sektor transportasi?'],
  ],
  // enrol questions get the how, not page 1 of a guide
  ['syarat daftar apa aja', ['KTP', 'nomor HP'], ['Langkah 1 dari 6']],
  ['sy ga punya hp android bs daftar dmn', ['Kantor cabang', 'Perisai'], ['Langkah 1 dari 6']],
  ['perisai itu apa', ['Agen Perisai', '2018'], []],
  ['gmn cara daftarnya', ['Buat Akun', 'Bukan Penerima Upah', 'Perisai'], ['Langkah 1 dari 6']],
  // ordinary words are not places
  ['paritrana award itu apaan', ['Kemenko PMK', 'Juni 2017'], ['Desa Apan', 'Cakupan Jamsostek']],
  ['bpu itu apa', ['Bukan Penerima Upah'], ['Balikpapan']],
  ['santunan kematian jkm brp', ['Rp42 juta', 'Rp20 juta', 'Rp10 juta'], ['Santian']],
  ['klaim jht', ['JHT'], ['Sorong', 'Ada beberapa wilayah']],
  // a place fills a slot; it does not choose the topic
  ['kantor bpjs terdekat di palembang dimana', ['175'], ['Cakupan Jamsostek']],
  // paritrana is about awards
  ['babel pernah dpt paritrana?', ['Riwayat Paritrana Award', 'Kepulauan Bangka Belitung'], []],
  // years and rankings
  ['juara 1 paritrana 2021 provinsi', ['Jawa Barat', '27 Oktober 2022', 'penilaian 2021'], []],
  ['provinsi mana yg pesertanya paling banyak', ['1. DKI Jakarta: 8.010.000 (Februari 2025)', 'Sumber:'], []],
];

describe('what went wrong, answered', () => {
  it.each(EXAMPLES)('"%s"', async (question, must, mustNot) => {
    const reply = await ask(question);
    for (const part of must) expect(plain(reply), question).toContain(part);
    for (const part of mustNot) expect(plain(reply), question).not.toContain(part);
    expect(plain(reply), question).not.toMatch(NOT_UNDERSTOOD);
    // Every answer ends with a way on, and the 👍/👎 row.
    const labels = buttonsOf(reply).map((b) => b.text);
    expect(labels.slice(-2), question).toEqual(['👍', '👎']);
    expect(labels.length, question).toBeGreaterThan(2);
  });

  it('says what it covers, with 175 and the menu, for what it does not ("cuaca jakarta hari ini")', async () => {
    const reply = await ask('cuaca jakarta hari ini');
    expect(plain(reply)).toMatch(NOT_UNDERSTOOD);
    expect(plain(reply)).toContain('175');
    expect(plain(reply)).not.toContain('Cakupan Jamsostek — DKI Jakarta');
    const labels = buttonsOf(reply).map((b) => b.text);
    expect(labels).toContain('📊 Cakupan wilayah');
    // The place it did name is one tap away.
    expect(labels).toContain('📊 Cakupan DKI Jakarta');
  });
});

describe('follow-ups', () => {
  it('remembers the income: "penghasilan sy 2 juta", then "iurannya brp?"', async () => {
    const user = nextUser++;
    const [first] = await say(user, 'penghasilan sy 2 juta');
    expect(plain(first)).toContain('Rp2.000.000');
    const [second] = await say(user, 'iurannya brp?');
    expect(plain(second)).toContain('untuk penghasilan Rp2.000.000');
    expect(plain(second)).not.toContain('paling rendah');
  });

  it('keeps the topic: "kalo desa santur?" after an award question gets Desa Santur\'s awards', async () => {
    const user = nextUser++;
    const [first] = await say(user, 'penghargaan sawahlunto');
    expect(plain(first)).toContain('Riwayat Paritrana Award');
    const [second] = await say(user, 'kalo desa santur?');
    expect(plain(second)).toContain('Riwayat Paritrana Award — Desa Santur');
    expect(plain(second)).toContain('23 September 2024');
  });

  it('is kept in the database, so that another instance answers the follow-up', async () => {
    const user = nextUser++;
    const [first] = await say(user, 'cakupan sumsel brp');
    expect(plain(first)).toContain('Sumatera Selatan');
    const { logger } = captureLogs();
    const other: Service = await startService(bot.config, logger, { clock: () => new Date(TEST_NOW) });
    try {
      const update = bot.double.sendUserMessage(testUser(user), 'klo jambi?');
      const res = await fetch(`${other.url}${WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TEST_SECRET },
        body: JSON.stringify(update),
      });
      expect(res.status).toBe(200);
      const reply = bot.double.sent(user).at(-1)!;
      expect(plain(reply)).toContain('Cakupan Jamsostek — Jambi');
      expect(plain(reply)).toContain('45,17%');
    } finally {
      await other.stop();
    }
  });

  it('ranks the regencies of a province, named or just asked about, and says when it has none', async () => {
    // Test figures for two regencies of Bali, through the officials' import.
    const rows = ['region_code;as_of;coverage_percent;source_name', '51.03;2025-06-30;40,5;Uji', '51.06;2025-06-30;20,25;Uji'].join('\n');
    expect(await importFile(bot.service.db.pool, 'coverage', rows, { format: 'csv', today: '2026-12-01' })).toMatchObject({ ok: true });
    const named = await ask('kabupaten di bali yg cakupannya paling rendah apa');
    expect(plain(named)).toContain('Kabupaten/kota di Bali dengan cakupan (UCJ) terendah');
    expect(plain(named)).toMatch(/1\. Kabupaten Bangli: 20,25 ?%[\s\S]*2\. Kabupaten Badung: 40,5 ?%/);
    expect(plain(named)).toContain('Dari 2 kabupaten/kota di Bali');
    expect(plain(named)).not.toContain('DKI Jakarta');
    expect(buttonsOf(named).map((b) => b.text)).toContain('📊 Cakupan Bali');

    const user = nextUser++;
    await say(user, 'cakupan ntt brp');
    const [next] = await say(user, 'yg paling rendah kab mana');
    expect(plain(next)).toContain('belum punya angka cakupan kabupaten/kota di Nusa Tenggara Timur');
    expect(buttonsOf(next).map((b) => b.text)).toContain('📊 Cakupan Nusa Tenggara Timur');

    // The buttons keep what is ranked.
    const reverse = buttonsOf(next).find((b) => b.text === '↕️ Urutan sebaliknya')!;
    const reversed = await press(user, next!, reverse.data);
    expect(plain(reversed[0])).toContain('kabupaten/kota di Nusa Tenggara Timur');
  });

  it('forgets after 15 minutes', async () => {
    const user = nextUser++;
    await say(user, 'penghargaan sawahlunto');
    await bot.service.db.pool.query(`UPDATE "ChatContext" SET "updatedAt" = "updatedAt" - interval '16 minutes' WHERE "userId" = $1`, [
      user,
    ]);
    const [reply] = await say(user, 'kalo desa santur?');
    expect(plain(reply)).toContain('Cakupan Jamsostek');
  });
});

describe('language', () => {
  it("answers in English when Telegram says English and nothing was picked, and in the question's language", async () => {
    const english = await ask('/start', { language_code: 'en' });
    expect(plain(english)).toMatch(/^Hello/);
    const coverage = await ask('what is the coverage in South Sumatra', { language_code: 'id' });
    expect(plain(coverage)).toContain('Social security coverage — Sumatera Selatan');
    const westJava = await ask('West Java coverage');
    expect(plain(westJava)).toContain('Jawa Barat');
    const late = await ask('is there a late fee if i pay late', { language_code: 'id' });
    expect(plain(late)).toContain('There is no late fee');
  });

  it('keeps the language picked with /bahasa, whatever the question is written in', async () => {
    const user = nextUser++;
    await say(user, '/start');
    await setUserLocale(bot.service.db.prisma, user, 'id');
    const [reply] = await say(user, 'is there a late fee if i pay late', { language_code: 'en' });
    expect(plain(reply)).toContain('Tidak ada denda');
  });
});

describe('feedback', () => {
  it('stores a 👎 with the question, long digit runs taken out, and lists it for officials', async () => {
    const user = nextUser++;
    const [answer] = await say(user, 'nik sy 3201234567890001 telat bayar kena denda ga');
    const down = buttonsOf(answer).find((b) => b.text === '👎')!;
    await press(user, answer!, down.data);
    const { rows } = await bot.service.db.pool.query<{ kind: string; question: string; target: string }>(
      `SELECT kind::text, question, target FROM "Feedback" WHERE kind = 'unhelpful' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0]).toEqual({ kind: 'unhelpful', question: 'nik sy … telat bayar kena denda ga', target: 'late-fine' });
    // The buttons did their work: the row goes, the answer's own buttons stay.
    const edited = bot.double.callsTo('editMessageReplyMarkup').at(-1)!;
    const rowsLeft = (edited.payload.reply_markup as InlineKeyboardMarkup).inline_keyboard.flat().map((b) => b.text);
    expect(rowsLeft).not.toContain('👎');
    expect(rowsLeft.length).toBeGreaterThan(0);
  });

  it('stores questions it did not understand, and `npm run admin -- unanswered` lists the most frequent', async () => {
    for (let i = 0; i < 3; i++) await ask('kapan jadwal kereta ke bandung 0812345678901');
    await ask('resep rendang enak');
    const out = await runCli('src/admin/admin-cli.ts', ['unanswered', '5'], bot.database.url);
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\s*3 × "kapan jadwal kereta ke bandung …"\s+\(not understood; last \d{4}-\d\d-\d\d\)$/);
    expect(out.stdout).toContain('"resep rendang enak"');
    expect(out.stdout).not.toContain('0812345678901');
  });
});

describe('close calls', () => {
  it('offers the likely answers as buttons, and a press answers with what the question named', async () => {
    const reply = await ask('sy petani dpt potongan 50% juga ga');
    expect(plain(reply)).toMatch(/^Saya belum yakin maksud Anda/);
    const choices = buttonsOf(reply).filter((b) => b.data.startsWith('kb:'));
    expect(choices.length).toBeGreaterThanOrEqual(2);
    await press(nextUser - 1, reply, choices[0]!.data);
    expect(plain(bot.double.sent(nextUser - 1).at(-1))).toContain('PP 50/2025');
  });
});
