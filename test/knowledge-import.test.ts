// Officials edit the bot's answers for workers with the knowledge import: the whole file or
// nothing, every problem with its line and column, and what is imported is what the bot
// answers (and understands) next, without a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, type ImportRejection } from '../src/domain/import/import-runner.ts';
import { conversation } from './support/conversation.ts';
import { startTestBot, type TestBot } from './support/service.ts';

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
});
afterAll(async () => {
  await bot?.stop();
});
const { say } = conversation(() => bot);
const TODAY = '2026-11-22';

async function fingerprint(): Promise<string> {
  const { rows } = await bot.service.db.pool.query(
    `SELECT count(*)::int AS n, md5(string_agg(k::text, '|' ORDER BY id)) AS h FROM "KnowledgeEntry" k`,
  );
  return JSON.stringify(rows[0]);
}

const entry = (over: Record<string, unknown>) => ({
  id: 'late-fine',
  topic: 'arrears',
  title_id: 'Denda telat bayar',
  title_en: 'Late payment fee',
  questions_id: ['telat bayar kena denda ga'],
  questions_en: ['is there a late fee'],
  answer_id: 'Tidak ada denda.',
  answer_en: 'There is no late fee.',
  related: ['arrears-limit'],
  source_name: 'Uji',
  ...over,
});

describe('the knowledge import', () => {
  it('is seeded with the answers for workers', async () => {
    const { rows } = await bot.service.db.pool.query<{ n: number; topics: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT topic)::int AS topics FROM "KnowledgeEntry"`,
    );
    // As many as data/seed/knowledge.json holds (the README says 64).
    expect(rows[0]!.n).toBe(64);
    expect(rows[0]!.topics).toBe(12);
  });

  it('rejects a bad file whole, naming each problem by line and column', async () => {
    const before = await fingerprint();
    // One entry a line, from line 2.
    const file = `[\n${[
      entry({ answer_id: 'Tidak ada denda sama sekali.' }), // valid: must not be written either
      entry({ id: 'coverage' }), // a built-in answer's name
      entry({ id: 'rusak', answer_id: 'Denda <script>0</script>' }), // HTML Telegram refuses
      entry({ id: 'kosong', questions_id: [] }), // no question
      entry({ id: 'topik', topic: 'cuaca' }), // unknown topic
    ]
      .map((e) => JSON.stringify(e))
      .join(',\n')}\n]`;
    const result = (await importFile(bot.service.db.pool, 'knowledge', file, { format: 'json', today: TODAY })) as ImportRejection;
    expect(result.ok).toBe(false);
    expect(result.issues.map((i) => [i.line, i.column, i.code])).toEqual([
      [3, 'id', 'reserved_key'],
      [4, 'answer_id', 'bad_html'],
      [5, 'questions_id', 'required'],
      [6, 'topic', 'not_one_of'],
    ]);
    expect(await fingerprint()).toBe(before);
  });

  it('changes what the bot answers, and what it understands, at once', async () => {
    const corrected = entry({
      answer_id: 'KOREKSI: tidak ada denda untuk BPU.',
      questions_id: ['telat bayar kena denda ga', 'kena sanksi ga kalo lambat setor'],
    });
    const added = entry({
      id: 'contoh-jam-layanan',
      topic: 'contact',
      title_id: 'Jam layanan',
      title_en: 'Service hours',
      questions_id: ['jam operasional loket zebra'],
      questions_en: ['zebra counter opening hours'],
      answer_id: 'Jawaban baru dari impor.',
      answer_en: 'A new answer from the import.',
      related: [],
    });
    const result = await importFile(bot.service.db.pool, 'knowledge', JSON.stringify([corrected, added]), { format: 'json', today: TODAY });
    expect(result).toMatchObject({ ok: true, inserted: 1, updated: 1 });
    const [late] = await say(6001, 'telat bayar kena denda ga');
    expect(late!.text).toContain('KOREKSI: tidak ada denda untuk BPU.');
    const [added1] = await say(6002, 'jam operasional loket zebra');
    expect(added1!.text).toContain('Jawaban baru dari impor.');
    // Importing the same file again changes nothing.
    expect(
      await importFile(bot.service.db.pool, 'knowledge', JSON.stringify([corrected, added]), { format: 'json', today: TODAY }),
    ).toMatchObject({
      ok: true,
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
  });
});
