// The whole map of Indonesia as published in the npm package idn-area-data (Kemendagri codes).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { readCsvRecords } from '../import/csv.ts';
import {
  COUNTRY_CODE,
  LEVEL_OF_KIND,
  displayName,
  normalizeRegionText,
  properCase,
  stripRegionPrefix,
  villageKind,
  type RegionKind,
  type RegionLevel,
} from './region-names.ts';

export interface RegionRow {
  code: string;
  level: RegionLevel;
  kind: RegionKind;
  name: string;
  searchName: string;
  parentCode: string | null;
}

/** Parents before children, so that each row's parent exists when it is inserted. */
const FILES = ['provinces.csv', 'regencies.csv', 'districts.csv', 'villages.csv'] as const;

export function regionDataDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('idn-area-data/package.json')), 'data');
}

/** Changes whenever the package's data does: the seed reloads regions only then. */
export async function regionDataHash(dir = regionDataDir()): Promise<string> {
  const hash = createHash('sha256');
  for (const file of FILES) hash.update(await readFile(path.join(dir, file)));
  return hash.digest('hex');
}

export const COUNTRY_ROW: RegionRow = {
  code: COUNTRY_CODE,
  level: 'country',
  kind: 'negara',
  name: 'Indonesia',
  searchName: 'indonesia',
  parentCode: null,
};

function toRow(file: (typeof FILES)[number], code: string, parent: string, rawName: string): RegionRow {
  switch (file) {
    case 'provinces.csv': {
      const name = properCase(rawName);
      return { code, level: 'province', kind: 'provinsi', name, searchName: normalizeRegionText(name), parentCode: COUNTRY_CODE };
    }
    case 'regencies.csv': {
      const name = properCase(rawName);
      const { name: searchName, kind = 'kabupaten' } = stripRegionPrefix(name);
      return { code, level: 'regency', kind, name, searchName, parentCode: parent };
    }
    case 'districts.csv':
      return {
        code,
        level: 'district',
        kind: 'kecamatan',
        name: displayName('kecamatan', rawName),
        searchName: normalizeRegionText(rawName),
        parentCode: parent,
      };
    case 'villages.csv': {
      const kind = villageKind(code);
      // The package writes the glottal-stop apostrophe as a double quote: Soka"an.
      const name = rawName.replace(/"/g, "'");
      const searchName = /^desa adat /i.test(name) ? normalizeRegionText(name.slice(10)) : normalizeRegionText(name);
      return { code, level: LEVEL_OF_KIND[kind], kind, name: displayName(kind, name), searchName, parentCode: parent };
    }
  }
}

/** Every region of the package, country first, then level by level. */
export async function* readRegionCatalog(dir = regionDataDir()): AsyncGenerator<RegionRow> {
  yield COUNTRY_ROW;
  for (const file of FILES) {
    let header = true;
    for await (const { fields } of readCsvRecords(createReadStream(path.join(dir, file)), { delimiter: ',' })) {
      if (header) {
        header = false;
        continue;
      }
      // provinces: code,name; the others: code,parent_code,name
      const [code, second, third] = fields;
      if (!code) continue;
      yield file === 'provinces.csv' ? toRow(file, code, '', second ?? '') : toRow(file, code, second ?? '', third ?? '');
    }
  }
}
