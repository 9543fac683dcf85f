// Free-text questions as people type them (slang, typos, abbreviations), through the Bot API
// double over HTTP: each answer's kind, its region and its key figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { regionQueryOf } from '../src/domain/regions/region-resolver.ts';
import type { BotMessage } from '../src/bot-api-double/local-bot-api-types.ts';
import { testUser } from './support/bot-api-double.ts';
import { buttonsOf, conversation } from './support/conversation.ts';
import { startTestBot, type TestBot } from './support/service.ts';

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
});
afterAll(async () => {
  await bot?.stop();
});

const { say } = conversation(() => bot);

/** What each kind of answer begins with or holds, in each language. */
const MARKERS = {
  id: {
    coverage: /^📊 Cakupan Jamsostek — /,
    choices: /^Ada beberapa wilayah yang cocok/,
    awards: /^🏆 Riwayat Paritrana Award — /,
    enroll: /Bukan Penerima Upah|KTP/,
    contribution: /^🧮 Iuran BPU per bulan/,
    knowledge: /\n(<i>)?Sumber: .+\.$/,
    about: /^Paritrana Award adalah penghargaan/,
    greeting: /^Halo! 👋/,
    thanks: /^Sama-sama!/,
    help: /^Bantuan Paritrana Bot/,
    company: /^🏢 Perusahaan saya/,
    subscribe: /^Anda mau berlangganan pengumuman|^✅ Anda berlangganan|Langganan pengumuman Anda|belum berlangganan/,
    notUnderstood: /^Maaf, untuk pertanyaan itu saya belum punya jawabannya/,
  },
  en: {
    coverage: /^📊 Social security coverage — /,
    choices: /^Several regions match/,
    awards: /^🏆 Paritrana Award history — /,
    enroll: /JMO/,
    contribution: /^🧮 Monthly BPU contribution/,
    knowledge: /\nSource: .+\.$/,
    about: /^The Paritrana Award honours/,
    greeting: /^Hello! 👋/,
    thanks: /^You're welcome!/,
    help: /^Paritrana Bot help/,
    company: /^🏢 My company/,
    subscribe: /^Subscribing to announcements for|^✅ You are subscribed|Your announcement subscriptions|no subscriptions yet/,
    notUnderstood: /^Sorry, I don't have an answer to that yet/,
  },
} as const;

type Kind = keyof (typeof MARKERS)['id'];
type Case = [text: string, kind: Kind, ...contains: string[]];

const INDONESIAN: Case[] = [
  // coverage
  ['brp cakupan bpjs di sumsel', 'coverage', 'Sumatera Selatan', '2.789.917', '31,33%'],
  ['berapa cakupan jamsostek sumatera selatan', 'coverage', 'Sumatera Selatan', '2.789.917'],
  ['cakupan sumsel berapa persen', 'coverage', '31,33%', 'Target 2025: 51%, belum tercapai'],
  ['cakupannya papua barat daya brp', 'coverage', 'Papua Barat Daya', '85,34%'],
  ['ucj jambi', 'coverage', 'Jambi', '45,17%'],
  ['data kepesertaan dki jakarta', 'coverage', 'DKI Jakarta', '8.010.000'],
  ['jumlah peserta bpjs tk jabar', 'coverage', 'Jawa Barat', '4.960.000'],
  ['peserta jatim brp', 'coverage', 'Jawa Timur', '4.950.000'],
  ['cakupan jateng dong', 'coverage', 'Jawa Tengah', '3.990.000'],
  ['cakupan di banten', 'coverage', 'Banten', '2.750.000'],
  ['berapa peserta di sulbar', 'coverage', 'Sulawesi Barat', '65.000', '⚠️'],
  ['cakupan nasional berapa', 'coverage', 'Indonesia', '39.950.000', 'Juli 2025'],
  ['cakupan padang panjang', 'coverage', 'Kota Padang Panjang', '8.300', 'ANTARA Sumbar'],
  ['cakupan kota padang panjng', 'coverage', 'Kota Padang Panjang', '8.300'],
  ['cakupan pemkot padang panjang', 'coverage', 'Kota Padang Panjang'],
  ['brp cakupan di sawahlunto', 'coverage', 'Saya belum punya data cakupan untuk Kota Sawahlunto', 'Sumatera Barat'],
  ['cakupan desa santur', 'coverage', 'Desa Santur', 'Sumatera Barat'],
  ['cakupan padang', 'choices', 'Kota Padang (Sumatera Barat)'],
  ['sumsel', 'coverage', 'Sumatera Selatan', '2.789.917'],
  ['Kab. Ketapang', 'coverage', 'Kabupaten Ketapang'],
  ['cakupan tangerang seltan', 'coverage', 'Kota Tangerang Selatan', 'Banten'],
  ['gimana cakupan bpjs ketenagakerjaan di jawa tengah skrg', 'coverage', 'Jawa Tengah'],
  ['capaian ucj sumatera selatan tahun ini', 'coverage', 'Sumatera Selatan', '31,33%'],
  ['kepesertaan kalbar', 'coverage', 'Kalimantan Barat', '27%'],
  // awards
  ['tangsel dpt penghargaan apa aja', 'awards', 'Kota Tangerang Selatan', 'Terbaik Kedua', 'Paritrana Award 2025 · Banten'],
  ['penghargaan sawahlunto', 'awards', 'Zero Accident Award', 'dana bagi hasil sawit', 'Desa Santur'],
  ['sawahlunto menang apa aja di paritrana', 'awards', 'Kota Sawahlunto', 'Program P2-HIV/AIDS di tempat kerja'],
  ['desa santur pernah dapat penghargaan?', 'awards', 'Desa Santur', 'Pemerintah desa', '23 September 2024'],
  ['penghargaan padang panjang', 'awards', 'Paling progresif', 'Auditorium Gubernuran Sumbar'],
  ['siapa pemenang paritrana award 2022', 'awards', 'Kabupaten Raja Ampat', 'Jawa Barat', '27 Oktober 2022'],
  ['juara paritrana 2018', 'awards', 'Kabupaten Jember', 'Kota Surakarta', '31 Juli 2018'],
  ['penghargaan kulon progo', 'awards', 'Kabupaten Kulon Progo', 'Terbaik 1'],
  ['ketapang juara berapa', 'awards', 'Kabupaten Ketapang ⚠️', 'Terbaik 1', 'belum dipastikan oleh sumbernya'],
  ['penghargaan raja ampat', 'awards', 'Kabupaten Raja Ampat', 'Papua Barat Daya'],
  ['pemenang paritrana award maluku', 'choices', 'Maluku', 'Maluku Utara'],
  ['pemenang paritrana award provinsi maluku', 'awards', 'Kabupaten Maluku Barat Daya', 'Desa Ngadi', '30 Juni 2025'],
  ['penghargan jember', 'awards', 'Kabupaten Jember'],
  ['award sumsel', 'awards', 'Sumatera Selatan', '3 Juli 2019'],
  ['trofi paritrana untuk kota ambon', 'awards', 'Kota Ambon', 'Terbaik 3'],
  ['penghargaan 2024', 'awards', 'Kota Sawahlunto', 'Inovasi terbaik zona Sumatera'],
  // enroll: the how in one message (JMO steps and the other ways), "syarat" the documents
  ['gmn cara daftar bpjs buat ojol', 'enroll', 'Buat Akun', 'Perisai', 'Syarat daftar'],
  ['cara daftar bpjs ketenagakerjaan untuk pedagang', 'enroll', 'Perisai'],
  ['syarat jadi peserta bpu apa aja', 'knowledge', 'KTP'],
  ['mau ikut bpjs tk gimana caranya', 'enroll', 'Buat Akun'],
  ['daftar lewat jmo gmn', 'enroll', 'OTP'],
  ['dokumen apa aja buat daftar', 'knowledge', 'KTP'],
  ['pendaftaran pekerja informal', 'enroll'],
  // contribution: answered at once, both packages, the discount of today and what follows it
  ['iuran kalo penghasilan 3jt berapa', 'contribution', 'Rp3.000.000', 'Rp18.400', 'Rp78.400', 'Rp36.800 tanpa JHT'],
  ['berapa iuran bpjs ojol sebulan', 'contribution', 'paling rendah', 'Rp8.400', '31 Maret 2027'],
  ['iuran 2 juta tanpa jht ojek', 'contribution', 'Rp13.400', 'PP 50/2025'],
  ['bayar bpjs tk berapa kalo gaji 2,5jt pakai jht, saya driver ojol', 'contribution', 'Rp65.900'],
  ['biaya bpjs untuk petani penghasilan 1 juta tanpa jht', 'contribution', 'Sektor transportasi', '31 Desember 2026'],
  ['Rp 2.500.000', 'contribution', '2.500.000'],
  ['ada diskon iuran?', 'knowledge', 'PP 50/2025', '50%'],
  ['iurannya berapa klo penghasilan 5jt', 'contribution', '5.000.000'],
  // about, greetings, thanks, help
  ['apa itu paritrana', 'about', 'Kemenko PMK', 'Juni 2017'],
  ['paritrana itu apa sih', 'about'],
  ['halo', 'greeting'],
  ['selamat pagi min', 'greeting'],
  ['makasih ya', 'thanks'],
  ['terima kasih banyak', 'thanks'],
  ['bantuan', 'help', '/cakupan'],
  ['bot ini bisa apa aja?', 'help', '/cakupan'],
  // later features, and nonsense
  ['saya mau langganan pengumuman sumsel', 'subscribe', 'Sumatera Selatan', 'Sekalian kabupaten/kota'],
  ['langganan pengumuman kota padang panjang', 'subscribe', 'Anda berlangganan pengumuman untuk Kota Padang Panjang'],
  ['cek tunggakan perusahaan saya', 'company', '/perusahaan'],
  ['status kepesertaan pt kami gmn', 'company', '/perusahaan'],
  ['asdfgh qwerty', 'notUnderstood'],
  ['🙂', 'notUnderstood'],
];

const ENGLISH: Case[] = [
  ['coverage in sumsel', 'coverage', 'Sumatera Selatan', '2,789,917', '31.33%', '27 August 2025', 'active participants'],
  ['how many participants in jambi', 'coverage', 'Jambi', '45.17%'],
  ['which awards did tangsel win', 'awards', 'Kota Tangerang Selatan', 'Second best', 'Mayor of Tangerang Selatan'],
  ['awards 2022', 'awards', 'Kabupaten Raja Ampat'],
  ['how do I register as an ojek driver', 'enroll', 'create account'],
  ['contribution for income 3 juta without jht', 'contribution', 'Transport sector'],
  ['what is paritrana', 'about', 'June 2017'],
  ['hello', 'greeting'],
  ['thanks', 'thanks'],
  ['help', 'help'],
  ['coverage padang', 'choices', 'Kota Padang (Sumatera Barat)'],
];

const plain = (m: BotMessage) => m.text.replace(/\u00a0/g, ' ');

/** Each question from a new person (no context from the one before), English ones from an English Telegram. */
let nextUser = 3100;
/** What an English answer must not hold: an Indonesian month, "pukul", "31,33%", "2.789.917", a maintainer's note. */
const INDONESIAN_FORMS =
  /\b(Januari|Februari|Maret|Mei|Juni|Juli|Agustus|Oktober|Desember|pukul)\b|\d,\d+%|\b\d{1,3}(\.\d{3})+\b|tidak disebut sumber|not given by the source|belum terkonfirmasi/;

function check(lang: 'id' | 'en') {
  return async (text: string, kind: Kind, ...contains: string[]) => {
    const replies = await say(nextUser++, text, lang === 'en' ? { language_code: 'en' } : {});
    expect(replies, `"${text}" got no answer`).toHaveLength(1);
    const reply = replies[0]!;
    expect(plain(reply), `"${text}"`).toMatch(MARKERS[lang][kind]);
    const shown = [
      plain(reply),
      ...((reply.reply_markup as InlineKeyboardMarkup | undefined)?.inline_keyboard.flat().map((b) => b.text) ?? []),
    ].join('\n');
    for (const piece of contains) expect(shown, `"${text}"`).toContain(piece);
    if (lang === 'en') expect(shown, `"${text}": Indonesian formats in English`).not.toMatch(INDONESIAN_FORMS);
  };
}

describe('free text in Indonesian', () => {
  // Every kind of answer is asked for, each in several ways: a table that lost a kind fails here.
  it('asks for every kind of answer, each at least twice', () => {
    const asked = new Map<string, number>();
    for (const [, kind] of INDONESIAN) asked.set(kind, (asked.get(kind) ?? 0) + 1);
    expect([...asked.keys()].sort()).toEqual([
      'about',
      'awards',
      'choices',
      'company',
      'contribution',
      'coverage',
      'enroll',
      'greeting',
      'help',
      'knowledge',
      'notUnderstood',
      'subscribe',
      'thanks',
    ]);
    expect([...asked].filter(([, n]) => n < 2)).toEqual([]);
  });
  it.each(INDONESIAN)('"%s" → %s', check('id'));
});

describe('free text in English', () => {
  it('asks for each kind of answer a worker needs', () => {
    expect([...new Set(ENGLISH.map(([, kind]) => kind))].sort()).toEqual([
      'about',
      'awards',
      'choices',
      'contribution',
      'coverage',
      'enroll',
      'greeting',
      'help',
      'thanks',
    ]);
  });
  it.each(ENGLISH)('"%s" → %s', check('en'));
});

describe('too many messages at once', () => {
  it('answer the first 20 in 10 seconds, say once to wait, ignore the rest, and leave others alone', async () => {
    const answered: number[] = [];
    for (let i = 0; i < 26; i++) answered.push((await say(3030, '/start')).length);
    expect(answered.slice(0, 20)).toEqual(Array(20).fill(1));
    expect(bot.double.sent(3030).filter((m) => m.text?.startsWith('Anda mengirim banyak pesan dalam waktu singkat'))).toHaveLength(1);
    expect(answered.slice(20).reduce((a, b) => a + b, 0)).toBe(1);
    expect(await say(3031, '/start')).toHaveLength(1);
  });
});

describe('NUL characters', () => {
  it('in a name or a message change nothing: the person is answered, every time', async () => {
    for (const text of ['/start', 'cakupan\u0000 sumsel', '/cakupan jam\u0000bi']) {
      const replies = await say(3020, text, { first_name: 'Ri\u0000ni' });
      expect(replies, JSON.stringify(text)).toHaveLength(1);
      expect(replies[0]!.text).not.toContain('Maaf, terjadi gangguan');
      expect(replies[0]!.text).not.toContain('\u0000');
    }
    expect(bot.double.sent(3020).at(-1)!.text).toContain('Jambi');
  });
});

describe('long input', () => {
  it('is quoted back cut to 60 characters, so the reply stays one Telegram accepts (/cakupan, /langganan, /grafik, /penghargaan)', async () => {
    for (const command of ['/cakupan', '/langganan', '/grafik', '/penghargaan']) {
      const replies = await say(3010, `${command} ${'x'.repeat(4087)}`);
      expect(replies, command).toHaveLength(1);
      expect(replies[0]!.text, command).toContain(`“${'x'.repeat(59)}…”`);
      expect(replies[0]!.text, command).not.toContain('x'.repeat(61));
      expect(replies[0]!.text, command).not.toContain('Maaf, terjadi gangguan');
    }
  });

  it('reads no more of a region than a name can be', () => {
    const words = Array.from({ length: 700 }, (_, i) => `kata${i}`).join(' ');
    expect(regionQueryOf(words)).toBe('kata0 kata1 kata2 kata3 kata4 kata5 kata6 kata7');
    expect(regionQueryOf('x'.repeat(4000))).toHaveLength(64);
    expect(regionQueryOf('  Kabupaten Kepulauan Siau Tagulandang Biaro ')).toBe('Kabupaten Kepulauan Siau Tagulandang Biaro');
  });
});

describe('in a group', () => {
  const GROUP = -100200;
  async function inGroup(text: string, replyTo?: BotMessage): Promise<BotMessage[]> {
    const chat = bot.double.addChat(GROUP, 'group');
    const before = bot.double.sent(GROUP).length;
    const update = bot.double.sendUserMessage(testUser(3003), text, { chat });
    if (replyTo)
      (update.message as { reply_to_message?: unknown }).reply_to_message = {
        message_id: replyTo.message_id,
        date: replyTo.date,
        chat,
        from: { id: 7000000001, is_bot: true, first_name: 'Paritrana Bot' },
        text: replyTo.text,
      };
    expect((await bot.post(update)).status).toBe(200);
    return bot.double.sent(GROUP).slice(before);
  }

  it('answers commands and messages that mention the bot, and nothing else', async () => {
    expect(await inGroup('brp cakupan bpjs di sumsel')).toEqual([]);
    const [mentioned] = await inGroup('@paritrana_bot brp cakupan bpjs di sumsel');
    expect(plain(mentioned!)).toContain('2.789.917');
    const [command] = await inGroup('/penghargaan@paritrana_bot tangsel');
    expect(plain(command!)).toContain('Terbaik Kedua');
    const [reply] = await inGroup('kalau jambi?', mentioned);
    expect(plain(reply!)).toContain('45,17%');
  });

  it("answers a command it does not know when it is addressed by name, as in private, and leaves other bots' commands alone", async () => {
    const [unknown] = await inGroup('/unknowncmd@paritrana_bot');
    expect(plain(unknown!)).toContain('Maaf');
    expect(buttonsOf(unknown).length).toBeGreaterThan(0);
    expect(await inGroup('/unknowncmd@other_bot')).toEqual([]);
    expect(await inGroup('/unknowncmd')).toEqual([]);
  });
});

describe('inline mode', () => {
  it('offers coverage cards to share from any chat', async () => {
    const update = bot.double.sendInlineQuery(testUser(3004), 'padang panjang');
    expect((await bot.post(update)).status).toBe(200);
    const [answer] = bot.double.callsTo('answerInlineQuery').slice(-1);
    const results = answer!.payload.results as {
      id: string;
      title: string;
      description: string;
      input_message_content: { message_text: string };
    }[];
    expect(results[0]).toMatchObject({ id: '13.74', title: 'Kota Padang Panjang (Sumatera Barat)' });
    expect(results[0]!.description).toContain('8.300');
    expect(results[0]!.input_message_content.message_text).toContain('ANTARA Sumbar');
  });

  it('says so when nothing matches', async () => {
    const update = bot.double.sendInlineQuery(testUser(3004), 'xyzzy');
    expect((await bot.post(update)).status).toBe(200);
    const [answer] = bot.double.callsTo('answerInlineQuery').slice(-1);
    expect((answer!.payload.results as { title: string }[])[0]!.title).toBe('Wilayah tidak ditemukan');
  });
});
