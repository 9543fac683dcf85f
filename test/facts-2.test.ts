// The facts of ../shared/domain/facts-2.md in the seed data, asked for as people would: every
// provincial round of section A with its winners, ranks, venue and date. Expected values are
// written from facts-2, row by row (A1…A19).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, conversation } from './support/conversation.ts';
import { startTestBot, type TestBot } from './support/service.ts';

let bot: TestBot;
const { say, press } = conversation(() => bot);
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

// Section B: every region with a new figure, asked for by name; each piece is the figure, its
// date and its source as facts-2 gives them (B1…B49).
const FIGURES: [string, string[]][] = [
  ['/cakupan ntb', ['33,25%', 'per Agustus 2025, sumber: Suara NTB']], // B1
  ['/cakupan lombok timur', ['144.110', 'per September 2025, sumber: ANTARA NTB', '⚠️ Angka ini belum pasti']], // B3 (?)
  ['/cakupan bali', ['50,88%', '935.079', '1.873.899', '67,28%', 'per 31 Maret 2025, sumber: ANTARA Bali']], // B4
  ['/cakupan badung', ['58,68%', 'per 31 Maret 2025, sumber: ANTARA Bali', 'UCOK']], // B5
  ['/cakupan bangli', ['35,52%', 'per 31 Maret 2025, sumber: ANTARA Bali']], // B6
  ['/cakupan wonogiri', ['31,99%', '52,69%', 'per 31 Oktober 2025, sumber: Soloaja']], // B7
  ['/cakupan purwakarta', ['55%', 'sumber: Purwakarta Update', 'per 31 Oktober 2025', 'Ruzka Indonesia']], // B8, B9
  ['/cakupan aceh', ['25,46%', '407.773', '1.601.559', 'per Agustus 2025, sumber: aceh.tribunnews.com']], // B11
  ['/cakupan kaltara', ['46%', 'per 2025, sumber: IDN Times Kaltim', '⚠️']], // B17 (~)
  ['/cakupan kalsel', ['42%', 'per 2025, sumber: IDN Times Kaltim', '⚠️']], // B18 (~)
  ['/cakupan kalteng', ['46,2%', 'per Maret 2025, sumber: Possindo', '42% — per 2025, sumber: IDN Times Kaltim ⚠️']], // B23, B19
  ['/cakupan kalbar', ['27%', 'per 2025, sumber: IDN Times Kaltim']], // B20
  ['/cakupan makassar', ['63,47%', 'per 2025, sumber: Manyala', '51% menurut Sulselsatu', '49,88% — per Juni 2024, sumber: Rakyat Sulsel']], // B26–B28
  ['/cakupan sulut', ['67,95%', 'per 16 Desember 2025, sumber: Barometer']], // B29
  ['/cakupan talaud', ['98,07%', 'per 16 Desember 2025, sumber: Barometer']], // B30
  ['/cakupan bolaang mongondow selatan', ['93,64%', 'per 16 Desember 2025']],
  ['/cakupan minahasa tenggara', ['87,76%', 'per 16 Desember 2025']],
  ['/cakupan manado', ['81,14%', 'per 16 Desember 2025']],
  ['/cakupan malut', ['41,64%', '176.604', '68%', 'per 31 Mei 2025, sumber: harianmalut.com']], // B32
  ['/cakupan taliabu', ['2,22%', 'per Mei 2025, sumber: harianmalut.com']], // B33
  ['/cakupan provinsi papua', ['59,16%', '141.984', '240.009', 'per 26 Agustus 2024, sumber: Koran Jakarta', '⚠️']], // B35 (?)
  ['/cakupan lampung', ['24,5%', 'per 13 Agustus 2025, sumber: Lampung Post', '24,86%', 'ANTARA Lampung']], // B37, B36
  ['/cakupan kota metro', ['32,9%', 'per September 2024, sumber: ANTARA Lampung']], // B36
  ['/cakupan lampung tengah', ['26%', 'per 19 Mei 2025, sumber: Pemkab Lampung Tengah', 'sangat rendah']], // B39
  ['/cakupan ntt', ['33,7%', 'per Juni 2024, sumber: Pos Kupang (Tribunnews)']], // B41
  ['/cakupan malaka', ['3%', 'per 16 Mei 2025, sumber: Pena Malaka', '⚠️']], // B43 (~)
  ['/cakupan belu', ['90%', 'per 16 Mei 2025, sumber: Pena Malaka', '⚠️']], // B44 (~)
  ['/cakupan pasaman barat', ['33,51%', '51,4%', 'per 4 Agustus 2025, sumber: Posmetro Padang']], // B49
];

describe('facts-2 section B: the coverage figures', () => {
  it.each(FIGURES)('%s', async (question, expected) => {
    const [reply] = await say(user++, question);
    for (const piece of expected) expect(reply!.text, question).toContain(piece);
    expect(reply!.text).not.toContain('Saya belum punya data cakupan');
    expect(reply!.text).not.toMatch(/facts-2|cut short/);
  });

  it('Bolaang Mongondow, a name four regencies begin with: picked from the choices', async () => {
    const id = user++;
    const [choices] = await say(id, '/cakupan bolaang mongondow');
    const button = buttonsOf(choices).find((b) => b.text.startsWith('Kabupaten Bolaang Mongondow (Sulawesi Utara)'))!;
    const [reply] = await press(id, choices!, button.data);
    expect(reply!.text).toContain('88,35%');
    expect(reply!.text).toContain('per 16 Desember 2025, sumber: Barometer');
  });

  it('shows the two NTB figures of June 2025 and the August one, each with its source, and no change between them', async () => {
    const [reply] = await say(user++, '/cakupan ntb');
    const text = reply!.text!;
    expect(text).toContain('Cakupannya (UCJ) 33,25%.');
    expect(text).toContain('per Juni 2025, cakupannya 30,7% menurut Mal Pelayanan Publik Kota Mataram');
    expect(text).toContain('• Cakupan (UCJ): 32% — per Juni 2025, sumber: ANTARA NTB ⚠️');
    expect(text).toContain('jadi selisihnya tidak saya hitung');
    expect(text).not.toMatch(/berubah|[+−]\d/);
  });

  it('shows the conflicting national figures each with its own source, and no change between them', async () => {
    const [reply] = await say(user++, '/cakupan indonesia');
    const text = reply!.text!;
    expect(text).toContain('• Cakupan (UCJ): 42% — per 31 Oktober 2025, sumber: Ruzka Indonesia ⚠️');
    expect(text).toContain('• Cakupan (UCJ): 40% — per 13 Agustus 2025, sumber: Lampung Post ⚠️');
    expect(text).toContain('• Cakupan (UCJ): 35,68% — per April 2025, sumber: Kemendagri (rangkuman berita publik)');
    expect(text).not.toMatch(/cakupannya berubah|poin persentase/);
    // The lead figure is a certain one, not a rounded figure from a speech.
    expect(text).toContain('39.950.000 pekerja tercatat sebagai peserta aktif.');
  });

  it("shows a sector's coverage as a part of the whole, never as the region's coverage", async () => {
    const [aceh] = await say(user++, '/cakupan aceh');
    expect(aceh!.text).toContain('Cakupannya (UCJ) 25,46%.');
    expect(aceh!.text).toContain('• Sektor formal (penerima upah): 47,04% dari pekerja formal terlindungi');
    expect(aceh!.text).toContain('• Sektor informal (BPU): 8,2% dari pekerja informal terlindungi');
    // Sumatera Utara has only the sector figures (B14): no coverage of all workers is made of them.
    const [sumut] = await say(user++, '/cakupan sumut');
    expect(sumut!.text).toContain('Sumber ini hanya menyebut cakupan per sektor, bukan cakupan seluruh pekerja.');
    expect(sumut!.text).toContain('• Sektor formal (penerima upah): 51,78% dari pekerja formal terlindungi');
    expect(sumut!.text).toContain('• Sektor informal (BPU): 19,18% dari pekerja informal terlindungi');
    expect(sumut!.text).toContain('per 1 Mei 2025, sumber: ANTARA Sumut');
    expect(sumut!.text).not.toContain('Cakupannya (UCJ)');
    const [en] = await say(user++, '/coverage aceh', { language_code: 'en' });
    expect(en!.text).toContain('• Informal sector (BPU): 8.2% of informal workers protected');
  });

  it('computes a change only between two figures of one source and measure (Sulawesi Utara, B29)', async () => {
    const [reply] = await say(user++, '/cakupan sulut');
    expect(reply!.text).toContain('Sejak 2024 cakupannya berubah −8,16 poin persentase (dari 76,11%).');
  });

  it('draws a trend from one source only, and says the others are left out', async () => {
    const replies = await say(user++, '/grafik makassar');
    const caption = replies.map((r) => r.caption ?? '').join('\n');
    expect(caption).toContain('dari 2023 sampai Juni 2024 (2 angka)');
    expect(caption).toContain('Angka dari sumber lain (2) tidak digambar di sini');
  });
});
