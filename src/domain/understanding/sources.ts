// Where understanding gets its words: the names of all regions and their aliases, the
// example questions of the built-in answers (in locales/, handed in by the bot), and the
// question variants of the knowledge entries. From the database for the bot; from the seed
// files for the evaluation and the benchmark, which then measure exactly what the bot loads.
import type { AnswerVariants } from './answer-index.ts';
import type { PlaceName } from './gazetteer.ts';
import { Understander } from './understand.ts';
import type { Language } from './normalize.ts';
import type { Queryable } from '../../db/sql.ts';

/** The example questions of the built-in answers, per language: locales/<lng>/intents.json `examples`. */
export type ExampleQuestions = Record<Language, Record<string, string[]>>;

export interface KnowledgeQuestions {
  id: string;
  topic: string;
  related: string[];
  questionsId: string[];
  questionsEn: string[];
}

export function answerVariants(examples: ExampleQuestions, knowledge: Iterable<KnowledgeQuestions>): AnswerVariants[] {
  const variants: AnswerVariants[] = [];
  for (const lang of ['id', 'en'] as const) {
    for (const [target, questions] of Object.entries(examples[lang] ?? {})) variants.push({ target, lang, questions });
  }
  for (const entry of knowledge) {
    variants.push({ target: entry.id, lang: 'id', questions: entry.questionsId, topic: entry.topic, related: entry.related });
    variants.push({ target: entry.id, lang: 'en', questions: entry.questionsEn, topic: entry.topic, related: entry.related });
  }
  return variants;
}

/**
 * Built once per database handle and kept: region names change only when the seed loads a
 * new catalogue at start-up. Aliases and knowledge entries change by import; at most once a
 * minute a cheap signature of both is read, and on a change (in any instance) it is rebuilt.
 */
interface Cached {
  signature: string;
  checkedAt: number;
  understander: Promise<Understander>;
}
const cache = new WeakMap<Queryable, Cached>();
const CHECK_EVERY_MS = 60_000;

const SIGNATURE = `
  SELECT (SELECT coalesce(md5(string_agg(alias || '=' || "regionCode", ',' ORDER BY alias, "regionCode")), '') FROM "RegionAlias")
      || ':' || (SELECT coalesce(md5(string_agg(id || '@' || "updatedAt"::text, ',' ORDER BY id)), '') FROM "KnowledgeEntry") AS signature`;

/**
 * Reads all it is made of. The region rows are read again for a rebuild (an import of aliases
 * or knowledge) rather than kept: the gazetteer holds what it needs of them.
 */
async function build(db: Queryable, examples: ExampleQuestions): Promise<Understander> {
  const [names, aliases, knowledge] = await Promise.all([
    db.query<PlaceName>(`SELECT code, name, level::text AS level, kind::text AS kind, "searchName" FROM "Region"`).then((r) => r.rows),
    db.query<{ alias: string; regionCode: string }>(`SELECT alias, "regionCode" FROM "RegionAlias"`),
    db.query<KnowledgeQuestions>(`SELECT id, topic, related, "questionsId", "questionsEn" FROM "KnowledgeEntry" ORDER BY id`),
  ]);
  return new Understander({ regions: names, aliases: aliases.rows, answers: answerVariants(examples, knowledge.rows) });
}

async function signatureOf(db: Queryable): Promise<string> {
  return (await db.query<{ signature: string }>(SIGNATURE)).rows[0]?.signature ?? '';
}

/** The understander for this database, loaded on first use. */
export async function understanderFor(db: Queryable, examples: ExampleQuestions, now = Date.now()): Promise<Understander> {
  const cached = cache.get(db);
  if (!cached) {
    const entry: Cached = { signature: '', checkedAt: now, understander: Promise.resolve(undefined as never) };
    entry.understander = signatureOf(db).then((signature) => {
      entry.signature = signature;
      return build(db, examples);
    });
    cache.set(db, entry);
    // A failed first load (the database away) is tried again on the next message.
    entry.understander.catch(() => cache.delete(db));
    return entry.understander;
  }
  if (now - cached.checkedAt >= CHECK_EVERY_MS) {
    cached.checkedAt = now;
    const signature = await signatureOf(db);
    if (signature !== cached.signature) {
      const previous = cached.understander;
      const next = build(db, examples);
      cached.signature = signature;
      // If building the new one fails, the old one goes on answering.
      cached.understander = next.catch(() => previous);
      return next.catch(() => previous);
    }
  }
  return cached.understander;
}

/** After an import in this process: the next message rebuilds from the database. */
export function forgetUnderstanding(db: Queryable): void {
  const cached = cache.get(db);
  if (cached) cached.checkedAt = -Infinity;
}
