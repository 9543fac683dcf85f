// The facts of ../shared/domain/facts-2.md in the seed data, asked for as people would: every
// provincial round of section A with its winners, ranks, venue and date. Expected values are
// written from facts-2, row by row (A1…A19).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversation } from './support/conversation.ts';
import { startTestBot, type TestBot } from './support/service.ts';

let bot: TestBot;
const { say } = conversation(() => bot);
beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
});
afterAll(async () => {
  await bot?.stop();
});

let user = 9_300;
const ROUNDS: [string, string[]][] = [
  // A1–A3
  [
    '/penghargaan jawa tengah 2025',
    [
      '30 Juli 2025',
      'Ruby Room Gumaya Hotel, Semarang',
      'Terbaik I: Kabupaten Demak',
      'Terbaik II: Kabupaten Sragen',
      'Terbaik III: Kabupaten Cilacap',
      'Farah Diana',
    ],
  ],
  // A4–A5: named for its assessment year, held in 2025
  [
    '/penghargaan jatim 2024',
    [
      'Paritrana Award 2024 · Jawa Timur',
      '29 Juli 2025',
      'Vasa Hotel, Surabaya',
      'Peringkat III: Kota Pasuruan',
      'Peringkat II desa/kelurahan: Desa Ranggeh',
      'Peringkat II badan usaha kecil/mikro: Sri Istana Ayam Goreng',
      'Peringkat I badan usaha skala besar: PT Yamaha Musical Products Indonesia',
    ],
  ],
  // A6
  [
    '/penghargaan sulawesi tengah 2025',
    ['26 Juni 2025', 'Hotel Santika Palu, Palu', 'Pemerintah kabupaten/kota terbaik: Kota Palu', 'Reny Lamadjido'],
  ],
  // A7
  ['/penghargaan sultra 2024', ['7 Juli 2025', 'Swiss-Belhotel Kendari', 'Terbaik pertama: Kabupaten Buton Utara', 'Muna Barat']],
  // A8
  ['/penghargaan sulsel 2024', ['Juara III: Kabupaten Wajo', 'tanggal tidak tercatat']],
  // A9–A11
  [
    '/penghargaan ntb 2025',
    [
      '10 September 2025',
      'Rinjani Ballroom Hotel Lombok Raya, Mataram',
      'Terbaik 1: Kabupaten Lombok Timur',
      'Terbaik 2: Kabupaten Lombok Tengah',
      'Terbaik 3: Kabupaten Lombok Utara',
      'Terbaik 1 badan usaha menengah dan besar: Bank NTB Syariah',
      'Terbaik 2 badan usaha menengah dan besar: BPR NTB',
      'Terbaik 3 badan usaha menengah dan besar: Sumber Alfaria Trijaya',
      'Desa Sigerongan',
      'Sasak Maiq Lombok',
      '98 ribu pekerja rentan',
    ],
  ],
  // A13
  ['/penghargaan maluku utara 2024', ['3 Juli 2025', 'Hotel Bela, Ternate', 'Sherly Laos']],
  // A14: the year is not in the source
  ['/penghargaan kota jayapura', ['Kota Jayapura ⚠️', 'belum dipastikan oleh sumbernya']],
  // A15: winners not known
  ['/penghargaan lampung 2025', ['Paritrana Award 2025 · Lampung', 'Pemenang belum tercatat']],
  // A16: the date is uncertain
  ['/penghargaan bangka belitung 2024', ['30 Juli 2025 ⚠️', 'Pangkalpinang', '22 pemenang']],
  // A18
  ['/penghargaan kalimantan utara 2025', ['11 September 2025', 'Aula Lantai 1 Kantor Gubernur Kalimantan Utara, Tanjung Selor']],
  // A19: the 2023 assessment, held in 2024
  ['/penghargaan ntt 2023', ['Paritrana Award 2023 · Nusa Tenggara Timur', '25 Juli 2024', 'Hotel Harper, Kupang', 'Ayodhia G.L. Kalake']],
];

describe('facts-2 section A: the provincial rounds', () => {
  it.each(ROUNDS)('%s', async (question, expected) => {
    const replies = await say(user++, question);
    const text = replies.map((r) => r.text).join('\n');
    for (const piece of expected) expect(text, question).toContain(piece);
    // A maintainer's note never reaches the answer.
    expect(text).not.toMatch(/not given by the source|truncated|facts-2/);
  });

  it('in English too, with the titles in English', async () => {
    const [reply] = await say(user++, '/awards ntb 2025', { language_code: 'en' });
    expect(reply!.text).toContain('Regency/city government — Best, 1st: Kabupaten Lombok Timur');
    expect(reply!.text).toContain('Best medium and large business, 1st: Bank NTB Syariah');
    expect(reply!.text).toContain('10 September 2025');
  });
});
