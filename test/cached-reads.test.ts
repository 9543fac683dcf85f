// Answers are made from what each instance keeps in memory, and a figure corrected on one
// instance is answered by another at once: the version bumped by the import comes with the
// next update's first statement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../src/domain/import/import-runner.ts';
import { dataVersion } from '../src/domain/cached-reads.ts';
import { conversation } from './support/conversation.ts';
import { startTestBot, type TestBot } from './support/service.ts';
import fs from 'node:fs';

let first: TestBot;
let second: TestBot;
const one = conversation(() => first);
const other = conversation(() => second);

beforeAll(async () => {
  first = await startTestBot({ mode: 'webhook' });
  second = await startTestBot({ mode: 'webhook', sameDatabaseAs: first });
});
afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

describe('what instances keep in memory', () => {
  it('a figure corrected on one instance is answered by the other within 2 s', async () => {
    // Both have answered Sumsel once, so both keep its report.
    for (const bot of [one, other]) expect((await bot.say(40_001, '/cakupan sumsel'))[0]!.text).toContain('Cakupannya (UCJ) 31,33%.');
    const before = await dataVersion(first.service.db.pool);
    const header = fs.readFileSync('data/seed/coverage.csv', 'utf8').split('\n')[0]!;
    const row = fs
      .readFileSync('data/seed/coverage.csv', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('16,Sumatera Selatan,2025-08-27'))!;
    const corrected = `${header}\n${row.replace('"31,33"', '"31,5"')}\n`;
    expect(await importFile(first.service.db.bulkPool, 'coverage', corrected, { format: 'csv' })).toMatchObject({ ok: true, updated: 1 });
    expect(await dataVersion(first.service.db.pool)).not.toBe(before);
    const corrected_at = performance.now();
    let answer = '';
    while (performance.now() - corrected_at < 2_000) {
      answer = (await other.say(40_002, '/cakupan sumsel'))[0]!.text!;
      if (answer.includes('31,5%')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(answer).toContain('Cakupannya (UCJ) 31,5%.');
    expect((await one.say(40_003, '/cakupan sumsel'))[0]!.text).toContain('Cakupannya (UCJ) 31,5%.');
  });

  it('an import that changes nothing keeps the version, and so what is kept', async () => {
    const before = await dataVersion(first.service.db.pool);
    const header = fs.readFileSync('data/seed/coverage.csv', 'utf8').split('\n')[0]!;
    const row = fs
      .readFileSync('data/seed/coverage.csv', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('15,Jambi'))!;
    expect(await importFile(first.service.db.bulkPool, 'coverage', `${header}\n${row}\n`, { format: 'csv' })).toMatchObject({
      ok: true,
      updated: 0,
    });
    expect(await dataVersion(first.service.db.pool)).toBe(before);
  });
});
