// What answers are made of, kept in memory per instance: coverage reports, award histories,
// contribution rules, region names and knowledge answers, keyed by what was asked, until the
// data changes. A write to any table they come from bumps DataVersion (database triggers, in
// the writer's transaction). Every update's first statement reads that row too
// (domain/updates.ts), before anything is read from here, and `sync` drops everything when it
// moved: a figure an official corrects on one instance is answered by all at their next update,
// at no extra round trip. Only the bot's answers read from here, and only while handling an update.
import type { Queryable } from '../db/sql.ts';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { awardHistory, type AwardFilter, type CeremonyAwards } from './awards/award-history.ts';
import type { ContributionRuleData } from './contributions/contribution-calculator.ts';
import { loadContributionRules } from './contributions/contribution-rules.ts';
import { coverageReport, type CoverageReport } from './coverage/coverage-report.ts';
import { regionName } from './regions/region-lookup.ts';
import { knowledgeAnswer, type KnowledgeAnswer } from './knowledge/knowledge-entries.ts';

/** Entries kept per kind: regions, filters; a flood of odd questions cannot grow it without end. */
const MAX_ENTRIES = 5_000;

export async function dataVersion(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ version: string }>(`SELECT "version"::text AS version FROM "DataVersion" WHERE id = 1`);
  return rows[0]?.version ?? '0';
}

class Memo<K, V> {
  private readonly entries = new Map<K, Promise<V>>();
  constructor(private readonly load: (key: K) => Promise<V>) {}
  get(key: K): Promise<V> {
    let entry = this.entries.get(key);
    if (!entry) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      entry = this.load(key);
      // A failed read is not kept: the next question tries again.
      entry.catch(() => this.entries.delete(key));
      this.entries.set(key, entry);
    }
    return entry;
  }
  clear(): void {
    this.entries.clear();
  }
}

export interface CachedReads {
  coverageReport(regionCode: string): Promise<CoverageReport | undefined>;
  awardHistory(filter: AwardFilter): Promise<CeremonyAwards[]>;
  contributionRules(): Promise<ContributionRuleData[]>;
  regionName(code: string): Promise<string | undefined>;
  knowledgeAnswer(id: string, lang: 'id' | 'en'): Promise<KnowledgeAnswer | undefined>;
  /** The version as an update read it: everything is dropped when it moved. */
  sync(version: string): void;
}

export function cachedReads(db: { pool: Queryable; prisma: PrismaClient }): CachedReads {
  const reports = new Memo((code: string) => coverageReport(db.pool, code));
  const histories = new Memo((key: string) => awardHistory(db.pool, JSON.parse(key) as AwardFilter));
  const rules = new Memo((_: 'BPU') => loadContributionRules(db.prisma));
  const names = new Memo((code: string) => regionName(db.prisma, code));
  const answers = new Memo((key: string) => {
    const [lang, id] = [key.slice(0, 2) as 'id' | 'en', key.slice(3)];
    return knowledgeAnswer(db.pool, id, lang);
  });
  const forget = () => [reports, histories, rules, names, answers].forEach((m) => m.clear());
  let seen: string | undefined;
  return {
    coverageReport: (code) => reports.get(code),
    awardHistory: (filter) => histories.get(JSON.stringify(filter)),
    contributionRules: () => rules.get('BPU'),
    regionName: (code) => names.get(code),
    knowledgeAnswer: (id, lang) => answers.get(`${lang}:${id}`),
    sync(version) {
      if (version !== seen) forget();
      seen = version;
    },
  };
}
