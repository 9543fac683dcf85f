// The gazetteer's own index of region names, on a few regions given in an order of no sort:
// every name is found whatever its place in the sorted list, names that begin another are
// told apart, and a name shared by several regions gives all of them.
import { describe, expect, it } from 'vitest';
import { Gazetteer, type PlaceName } from '../src/domain/understanding/gazetteer.ts';

const REGIONS: PlaceName[] = [
  { code: '73', name: 'Sulawesi Selatan', level: 'province', kind: 'provinsi', searchName: 'sulawesi selatan' },
  { code: '11', name: 'Aceh', level: 'province', kind: 'provinsi', searchName: 'aceh' },
  { code: '32.04', name: 'Bandung', level: 'regency', kind: 'kabupaten', searchName: 'bandung' },
  { code: '32.73', name: 'Bandung', level: 'regency', kind: 'kota', searchName: 'bandung' },
  { code: '32.17', name: 'Bandung Barat', level: 'regency', kind: 'kabupaten', searchName: 'bandung barat' },
  { code: '13.06.01.2001', name: 'Santur', level: 'village', kind: 'desa', searchName: 'santur' },
  { code: '33.01.02.2003', name: 'Santur', level: 'village', kind: 'desa', searchName: 'santur' },
  { code: '94.01.05.2001', name: 'Zyx', level: 'village', kind: 'desa', searchName: 'zyx' },
];
const gazetteer = new Gazetteer(REGIONS, [{ alias: 'sulsel', regionCode: '73' }]);
const nothingMeans = () => false;
const codes = (words: string[]) => gazetteer.find(words, nothingMeans, 1).map((p) => p.candidates.map((c) => c.code));

describe('gazetteer', () => {
  it('knows the first, a middle and the last name of the sorted list, and no part of one', () => {
    expect(['aceh', 'bandung', 'bandung barat', 'santur', 'sulawesi selatan', 'zyx', 'sulsel'].map((n) => gazetteer.isName(n))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(['acehh', 'ace', 'band', 'bandung bar', 'a', 'zz', ''].map((n) => gazetteer.isName(n))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('gives every region of a name, the city of a name before its regency, and the kind a prefix asks for', () => {
    expect(codes(['bandung'])).toEqual([['32.73', '32.04']]);
    expect(codes(['kabupaten', 'bandung'])).toEqual([['32.04']]);
    expect(codes(['bandung', 'barat'])).toEqual([['32.17']]);
    expect(codes(['desa', 'santur'])).toEqual([['13.06.01.2001', '33.01.02.2003']]);
  });

  it('gives a region its name and kind, and an alias its region', () => {
    const [place] = gazetteer.find(['desa', 'zyx'], nothingMeans, 1);
    expect(place?.candidates).toEqual([{ code: '94.01.05.2001', name: 'Zyx', level: 'village', kind: 'desa' }]);
    const [alias] = gazetteer.find(['sulsel'], nothingMeans, 1);
    expect(alias).toMatchObject({
      how: 'alias',
      candidates: [{ code: '73', name: 'Sulawesi Selatan', level: 'province', kind: 'provinsi' }],
    });
  });
});
