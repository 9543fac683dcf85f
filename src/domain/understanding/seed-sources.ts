// Understanding built from the files the database is seeded from (the region catalogue, the
// seed aliases and knowledge entries, the example questions in locales/), with no database:
// what the evaluation and the benchmark measure is what a freshly seeded bot loads.
import fs from 'node:fs';
import path from 'node:path';
import { readCsvRecords } from '../import/csv.ts';
import { readRegionCatalog } from '../regions/region-catalog.ts';
import { normalizeRegionText } from '../regions/region-names.ts';
import { localesDir, seedDir } from '../../paths.ts';
import type { PlaceName } from './gazetteer.ts';
import { answerVariants, type ExampleQuestions, type KnowledgeQuestions } from './sources.ts';
import { Understander } from './understand.ts';

export function exampleQuestionsFromLocales(dir = localesDir): ExampleQuestions {
  const read = (lng: string) =>
    JSON.parse(fs.readFileSync(path.join(dir, lng, 'intents.json'), 'utf8')).examples as Record<string, string[]>;
  return { id: read('id'), en: read('en') };
}

interface SeedEntry {
  id: string;
  topic: string;
  related: string[];
  questions_id: string[];
  questions_en: string[];
}

export function seedKnowledgeEntries(dir = seedDir): SeedEntry[] {
  const file = path.join(dir, 'knowledge.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as SeedEntry[]) : [];
}

export function seedKnowledgeQuestions(dir = seedDir): KnowledgeQuestions[] {
  return seedKnowledgeEntries(dir).map((e) => ({
    id: e.id,
    topic: e.topic,
    related: e.related,
    questionsId: e.questions_id,
    questionsEn: e.questions_en,
  }));
}

export async function understanderFromSeedFiles(opts: { remember?: boolean } = {}): Promise<Understander> {
  const regions: PlaceName[] = [];
  for await (const row of readRegionCatalog()) regions.push(row);
  const aliases: { alias: string; regionCode: string }[] = [];
  let header = true;
  for await (const { fields } of readCsvRecords(fs.createReadStream(path.join(seedDir, 'aliases.csv')), { delimiter: ',' })) {
    if (header) {
      header = false;
      continue;
    }
    const [alias, regionCode] = fields;
    if (alias && regionCode) aliases.push({ alias: normalizeRegionText(alias), regionCode });
  }
  return new Understander({ regions, aliases, answers: answerVariants(exampleQuestionsFromLocales(), seedKnowledgeQuestions()) }, {}, opts);
}
