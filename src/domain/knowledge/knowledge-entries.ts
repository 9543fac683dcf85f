// Knowledge entries as the bot shows them: the answer in one language, its source, and the
// titles of the entries to offer next.
import type { Language } from '../understanding/normalize.ts';
import { isBuiltInTarget } from '../understanding/understand.ts';
import type { Queryable } from '../../db/sql.ts';

export interface KnowledgeAnswer {
  id: string;
  topic: string;
  title: string;
  answer: string;
  sourceName: string;
  sourceUrl: string | null;
  sourceDate: string | null;
  uncertain: boolean;
  related: { id: string; title: string }[];
  /** Related answers the bot builds itself ("calculator"). */
  relatedBuiltIn: string[];
}

interface Row {
  id: string;
  topic: string;
  titleId: string;
  titleEn: string;
  answerId: string;
  answerEn: string;
  related: string[];
  sourceName: string;
  sourceUrl: string | null;
  sourceDate: string | null;
  uncertain: boolean;
}

const SELECT = `SELECT id, topic, "titleId", "titleEn", "answerId", "answerEn", related, "sourceName", "sourceUrl",
  "sourceDate"::text AS "sourceDate", uncertain FROM "KnowledgeEntry" WHERE id = ANY($1::text[])`;

/** The entry with the titles of its related entries (those that exist), in one statement. */
export async function knowledgeAnswer(db: Queryable, id: string, lang: Language): Promise<KnowledgeAnswer | undefined> {
  const { rows } = await db.query<Row>(
    `WITH e AS (${SELECT}) SELECT * FROM e UNION ALL
     SELECT k.id, k.topic, k."titleId", k."titleEn", '', '', '{}', '', NULL, NULL, false
       FROM "KnowledgeEntry" k WHERE k.id IN (SELECT unnest(related) FROM e) AND k.id <> ALL($1::text[])`,
    [[id]],
  );
  const entry = rows.find((r) => r.id === id && r.answerId);
  if (!entry) return undefined;
  const title = (r: Row) => (lang === 'en' ? r.titleEn : r.titleId);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    id: entry.id,
    topic: entry.topic,
    title: title(entry),
    answer: lang === 'en' ? entry.answerEn : entry.answerId,
    sourceName: entry.sourceName,
    sourceUrl: entry.sourceUrl,
    sourceDate: entry.sourceDate,
    uncertain: entry.uncertain,
    related: entry.related.flatMap((r) => (byId.has(r) && r !== id ? [{ id: r, title: title(byId.get(r)!) }] : [])),
    relatedBuiltIn: entry.related.filter((r) => isBuiltInTarget(r)),
  };
}

/** Button titles of several entries. */
export async function knowledgeTitles(db: Queryable, ids: string[], lang: Language): Promise<Map<string, string>> {
  const { rows } = await db.query<Row>(SELECT, [ids]);
  return new Map(rows.map((r) => [r.id, lang === 'en' ? r.titleEn : r.titleId]));
}
