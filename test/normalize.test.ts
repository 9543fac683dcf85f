// Normalising what people type (src/domain/understanding/normalize.ts): chat spellings to
// standard words, suffixes, stems, and which words are Indonesian. Without a database.
import { describe, expect, it } from 'vitest';
import { withoutLongNumbers } from '../src/domain/understanding/feedback.ts';
import { hasIndonesianRoot, rawWords, standardWord, stemWord } from '../src/domain/understanding/normalize.ts';

describe('normalising what people type', () => {
  it('writes chat spellings as standard words and takes off -nya, -kah', () => {
    expect(rawWords('Brp iurannya, gmn caranya?? kira2')).toEqual(['brp', 'iurannya', 'gmn', 'caranya', 'kira']);
    expect(['brp', 'gmn', 'yg', 'dpt', 'sy', 'gak', 'jt', 'iurannya', 'daftarnya', 'bisakah'].map(standardWord)).toEqual([
      'berapa',
      'bagaimana',
      'yang',
      'dapat',
      'saya',
      'tidak',
      'juta',
      'iuran',
      'daftar',
      'bisa',
    ]);
  });

  it('stems Indonesian words but leaves the domain words whole', () => {
    expect(stemWord('mendaftar', 'id')).toBe('daftar');
    expect(stemWord('membayar', 'id')).toBe('bayar');
    // Only to a real root: "pemenang" is "menang", while "peringkat" and "kembali" have none to give.
    expect(stemWord('pemenang', 'id')).toBe('menang');
    expect(stemWord('peringkat', 'id')).toBe('peringkat');
    expect(stemWord('kembali', 'id')).toBe('kembali');
    // Jakarta speech, and an English word in an Indonesian sentence.
    expect(stemWord('didaftarin', 'id')).toBe('daftar');
    expect(stemWord('nyatuin', 'id')).toBe('satu');
    expect(stemWord('nyairin', 'id')).toBe('cair');
    expect(stemWord('pension', 'id')).toBe('pension');
    for (const word of ['iuran', 'peserta', 'tunggakan', 'nelayan', 'jht', 'kpj', 'jmo', 'pensiun', 'keluarga', 'meninggal']) {
      expect(stemWord(word, 'id'), word).toBe(word);
    }
  });

  it('removes NIK and phone numbers from what it stores', () => {
    expect(withoutLongNumbers('nik sy 3201234567890001 kok ga bisa, wa 0812-3456-7890')).toBe('nik sy … kok ga bisa, wa …');
    expect(withoutLongNumbers('bayar 3 bulan sekaligus 2025')).toBe('bayar 3 bulan sekaligus 2025');
  });

  it('reads accents, quotes, numbers and per cent as people write them', () => {
    expect(rawWords("Pésérta “aktif” 2.789.917 orang, 31,33% — Jum'at")).toEqual([
      'peserta',
      'aktif',
      '2789917',
      'orang',
      '3133',
      'persen',
      'jumat',
    ]);
    expect(rawWords('anak2 ku')).toEqual(['anak', 'ku']);
    // A number with a 2 at its end is a number, not a repeated word.
    expect(rawWords('a2 12 2')).toEqual(['a2', '12', '2']);
    expect(rawWords('  ...  ')).toEqual([]);
    // Only a whole word of letters with a 2 after it: "1ab2" and "anak2an" stay.
    expect(rawWords('1ab2 anak2an')).toEqual(['1ab2', 'anak2an']);
  });

  it('takes a suffix off only where a known word is left', () => {
    expect(standardWord('pesertanya')).toBe('peserta');
    expect(standardWord('brpnya')).toBe('berapa');
    expect(standardWord('warisnya')).toBe('waris');
    // Too short a base, or none known: the word stays.
    expect(standardWord('anya')).toBe('anya');
    expect(standardWord('tanya')).toBe('tanya');
    expect(standardWord('zzzkah')).toBe('zzzkah');
    // "yg" is a known word, but a base of two letters is no base.
    expect(standardWord('ygnya')).toBe('ygnya');
    expect(standardWord('rumahku')).toBe('rumah');
  });

  it('leaves short words, numbers and protected words unstemmed, and stems English as English', () => {
    expect(stemWord('dapat', 'id')).toBe('dapat');
    expect(stemWord('2025an', 'id')).toBe('2025an');
    expect(stemWord('registration', 'en')).toBe('registr');
    expect(stemWord('payments', 'en')).toBe('payment');
    expect(stemWord('kebakaran', 'id')).toBe('bakar');
    // A root of three letters is a root; an English word in Indonesian text is stemmed as English.
    expect(stemWord('berdoa', 'id')).toBe('doa');
    expect(stemWord('discounts', 'id')).toBe('discount');
    // A spoken -in with no root behind it stays as typed.
    expect(stemWord('xyzqin', 'id')).toBe('xyzqin');
    // Domain words the index keeps whole.
    expect(stemWord('pembayaran', 'id')).toBe('pembayaran');
    expect(stemWord('perusahaan', 'id')).toBe('perusahaan');
  });

  it('knows an Indonesian word by its root', () => {
    expect(hasIndonesianRoot('dikabarin')).toBe(true);
    expect(hasIndonesianRoot('kecamatan')).toBe(true);
    expect(hasIndonesianRoot('iuran')).toBe(true);
    expect(hasIndonesianRoot('jht')).toBe(true);
    expect(hasIndonesianRoot('rumah')).toBe(true);
    expect(hasIndonesianRoot('xqzvw')).toBe(false);
    expect(hasIndonesianRoot('abc')).toBe(false);
    expect(hasIndonesianRoot('2025')).toBe(false);
  });
});
