// Every fact of sections 1-3 of the domain notes can be reached by asking the bot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotMessage } from '../src/bot-api-double/local-bot-api-types.ts';
import { testUser } from './support/bot-api-double.ts';
import { startTestBot, type TestBot } from './support/service.ts';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
});
afterAll(async () => {
  await bot?.stop();
});

/** Each question comes from a new person, as a real reader would ask one or two (and within the rate limit). */
let USER = 4000;

/** Everything the bot sent or edited in answer to `text`, as one plain text. */
async function ask(text: string): Promise<string> {
  USER++;
  const before = bot.double.calls.length;
  const res = await bot.post(bot.double.sendUserMessage(testUser(USER), text));
  expect(res.status).toBe(200);
  return bot.double.calls
    .slice(before)
    .filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')
    .map((c) => String(c.payload.text))
    .join('\n')
    .replace(/\u00a0/g, ' ');
}

/** All pages of an award history, following its "next" buttons. */
async function allPages(text: string): Promise<string> {
  let shown = await ask(text);
  for (let guard = 0; guard < 20; guard++) {
    const last: BotMessage = bot.double.sent(USER).at(-1)!;
    const next = ((last.reply_markup as { inline_keyboard?: { text: string; callback_data?: string }[][] })?.inline_keyboard ?? [])
      .flat()
      .find((b) => b.text.startsWith('Berikutnya'));
    if (!next?.callback_data) break;
    const before = bot.double.calls.length;
    await bot.post(bot.double.pressButton(testUser(USER), last, next.callback_data));
    shown += bot.double.calls
      .slice(before)
      .map((c) => String(c.payload.text ?? ''))
      .join('\n');
  }
  return shown;
}

const FACTS: [question: string, facts: string[]][] = [
  // 1A Padang Panjang, Paritrana Award 2025 Sumbar
  [
    '/penghargaan padang panjang',
    ['Paling progresif', 'Allex Saputra', 'Henky Rhosidie', 'Auditorium Gubernuran Sumbar', 'hari Senin', 'sektor jasa'],
  ],
  ['/cakupan padang panjang', ['8.300', 'DTKS', 'sejak 2019', 'RT', 'LPM', 'garin', 'guru TPA', 'PSM', 'ANTARA Sumbar']],
  // 1B Sumbar 2024
  [
    '/penghargaan sawahlunto',
    [
      '23 September 2024',
      'Senin malam',
      'Hotel Mercure Padang',
      'Mahyeldi Ansharullah',
      'Eko Yuyulianda',
      'Zero Accident Award',
      'P2-HIV/AIDS',
      'cakupan kepesertaan terbaik kategori kota, zona Sumbar',
      'dana bagi hasil sawit',
      'Desa Santur',
      'non-ASN',
      'pekerja keagamaan',
      'ojek',
      'pedagang pasar',
      'Pemilu 2024',
    ],
  ],
  ['/penghargaan 2024', ['AIC', 'BMK', 'pertambangan']],
  ['/cakupan sumbar', ['25.000', '7 kabupaten/kota', '⚠️']],
  // 1C Banten 2025
  [
    '/penghargaan tangsel',
    [
      '27 November 2025',
      'Serpong',
      'Terbaik Kedua',
      'Benyamin Davnie',
      'Eko Yuyulianda',
      'cakupan kepesertaan yang luas',
      'inovasi perlindungan sosial',
      'keberlanjutan perlindungan pekerja rentan',
    ],
  ],
  // 1D Sumsel 2025
  [
    '/penghargaan sumsel',
    ['27 Agustus 2025', 'Ballroom Hotel Aryaduta Palembang', 'Herman Deru', 'sembilan orang', 'Edward Candra', 'Muhidin'],
  ],
  ['/cakupan sumsel', ['2.789.917', '31,33%', 'Target 2025: 51%']],
  ['/daftar', ['Bukan Penerima Upah', 'Perisai', 'Dana Desa']],
  // 1E Kalbar 2025
  [
    '/penghargaan kalbar',
    [
      '30 Juli 2025',
      'Hotel Mercure Pontianak',
      'Tim Sembilan',
      'Harisson',
      'Suhuri Ali',
      'perusahaan besar dan menengah',
      'pemerintah desa',
      'Kabupaten Ketapang',
      'Kabupaten Mempawah',
      'Kabupaten Sekadau',
      'belum dipastikan oleh sumbernya',
    ],
  ],
  // 2 The award in general
  ['apa itu paritrana', ['Kemenko PMK', 'BPJS Ketenagakerjaan', 'Kemnaker', 'Kemendagri', 'Juni 2017', 'perlindungan']],
  ['paritrana ada berapa tingkat', ['dua tingkat', 'provinsi', 'nasional']],
  ['kriteria penilaian paritrana', ['Regulasi', 'Inovasi', 'Bobot tiap kriteria tidak dipublikasikan']],
  [
    '/penghargaan 2018',
    ['31 Juli 2018', 'penilaian 2017', 'Jawa Tengah', 'Jawa Timur', 'DKI Jakarta', 'Kota Surakarta', 'Kabupaten Jember', 'Kota Serang'],
  ],
  [
    '/penghargaan 2019',
    ['3 Juli 2019', 'Sumatera Selatan', 'Kepulauan Bangka Belitung', 'Kota Bitung', 'Kota Tanjung Pinang', 'Kota Makassar'],
  ],
  [
    '/penghargaan 2020',
    [
      'daring',
      'Sulawesi Utara',
      'Sulawesi Selatan',
      'Papua Barat',
      'Kota Cimahi',
      'Kabupaten Sukamara',
      'Kabupaten Tapanuli Selatan',
      'belum dipastikan oleh sumbernya',
    ],
  ],
  ['/penghargaan 2021', ['9 September 2021']],
  [
    '/penghargaan 2022',
    [
      '27 Oktober 2022',
      'Jawa Barat',
      'Kabupaten Raja Ampat',
      'Kota Manado',
      'Kabupaten Kulon Progo',
      'Kota Yogyakarta',
      'Kabupaten Bantul',
    ],
  ],
  ['/penghargaan 2023', ['20 Oktober 2023']],
  [
    '/penghargaan 2025',
    [
      '30 Juni 2025',
      'Ambon',
      'Kabupaten Maluku Barat Daya',
      'Kabupaten Maluku Tengah',
      'Kota Ambon',
      'Desa Ngadi',
      'Batu Merah',
      'Desa Hukurila',
    ],
  ],
  [
    '/penghargaan papua barat daya',
    ['12 September 2024', 'Terbaik 1 zona Nusa Tenggara–Maluku–Papua', '16 Juli 2024', 'Kabupaten Raja Ampat'],
  ],
  ['/penghargaan jambi', ['Inovasi terbaik zona Sumatera']],
  // 3 Coverage figures
  [
    '/cakupan nasional',
    [
      '39.950.000',
      'Juli 2025',
      '45.220.000',
      'Desember 2024',
      '35,68%',
      'April 2025',
      '9.000.000',
      'belum ada provinsi yang mencapai targetnya',
    ],
  ],
  ['/cakupan dki', ['8.010.000', 'Februari 2025']],
  ['/cakupan jabar', ['4.960.000']],
  ['/cakupan jatim', ['4.950.000']],
  ['/cakupan jateng', ['3.990.000']],
  ['/cakupan banten', ['2.750.000']],
  ['/cakupan sulbar', ['65.000', 'terendah']],
  ['/cakupan jambi', ['45,17%', 'Desember 2024']],
  ['/cakupan papua barat daya', ['85,34%', '2023', '+19,54 poin']],
];

describe('facts of sections 1-3, by asking', () => {
  it.each(FACTS)('%s', async (question, facts) => {
    const shown = question.startsWith('/penghargaan') ? await allPages(question) : await ask(question);
    for (const fact of facts) expect(shown, `${question} should show "${fact}"`).toContain(fact);
  });
});
