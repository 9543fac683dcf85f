// The labelled set (labelled.jsonl: messages as people type them, each with the answer and
// the slots it must get) run through understanding, with follow-ups after their first
// message: accuracy by topic and the confusions, for the test and `npm run eval:understanding`.
import fs from 'node:fs';
import path from 'node:path';
import { contextAfter } from '../../src/domain/understanding/chat-context.ts';
import type { PlaceMatch } from '../../src/domain/understanding/gazetteer.ts';
import { Understander, type ChatContext, type Understanding } from '../../src/domain/understanding/understand.ts';

/** The answers that show the place they were asked about (a coverage card, a button, an office). */
const SHOWS_PLACE = new Set(['coverage', 'awards', 'compare', 'subscribe', 'ranking', 'branch-office', 'none']);

export interface LabelledCase {
  text: string;
  expect: string;
  lang: 'id' | 'en';
  region?: string;
  income?: number;
  year?: number;
  after?: string;
  note?: string;
}

export function readLabelledSet(file = path.join(import.meta.dirname, 'labelled.jsonl')): LabelledCase[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as LabelledCase);
}

/** What the bot keeps of an answer for the next message (before it resolves the region itself). */
export function contextOf(u: Understanding, userLang: 'id' | 'en'): ChatContext | undefined {
  return u.target ? contextAfter(u, { target: u.target, lang: u.lang ?? userLang }) : undefined;
}

export interface CaseResult {
  case: LabelledCase;
  got: string;
  choices?: string[];
  problems: string[];
}

/** The answer given: the target, "none", or "choose:a|b" for a close call. */
function answerOf(u: Understanding): { got: string; choices?: string[] } {
  if (u.decision === 'none') return { got: 'none' };
  if (u.decision === 'choose') {
    const choices = Understander.choices(u);
    return { got: u.target!, choices };
  }
  return { got: u.target! };
}

export function evaluateCase(understander: Understander, c: LabelledCase, userLang: 'id' | 'en' = 'id'): CaseResult {
  const context = c.after ? contextOf(understander.understand(c.after), userLang) : undefined;
  const u = understander.understand(c.text, context);
  const { got, choices } = answerOf(u);
  const problems: string[] = [];
  const right = choices ? choices.includes(c.expect) : got === c.expect;
  if (!right) problems.push(`answer ${choices ? `choice of ${choices.join('/')}` : got}, expected ${c.expect}`);
  const lang = u.lang ?? context?.lang ?? userLang;
  if (lang !== c.lang) problems.push(`language ${lang}, expected ${c.lang}`);
  if (c.expect !== 'none' || c.region) {
    const place = u.slots.places[0];
    const region = [...(u.fromContext.includes('place') ? [context!.placeCode!] : []), ...u.slots.places.map((p) => p.candidates[0]!.code)];
    // A comparison names two places, the one asked before and the new one: either is its place.
    const placeOf = c.expect === 'compare' && c.region && region.includes(c.region) ? c.region : region[0];
    if (c.region && placeOf !== c.region) problems.push(`region ${placeOf ?? 'none'}, expected ${c.region}`);
    const villageOrSecond = /village|desa|second|kelurahan|kecamatan|district|in passing/i.test(c.note ?? '') || c.expect === 'compare';
    // Naming Indonesia ("nasional", "tingkat nasional") invents no place, nor does carrying the one the chat asked about.
    // A province or regency named by its name in a question whose answer shows no place ("sy nelayan
    // di merauke, bisa ikut?", "petani di toraja, iurannya brp?") is a real place the answer only
    // keeps for a follow-up: no invention, whether or not the set labelled it. A typo, a district
    // or a village is, and so is any place an answer about places would show.
    const shown = (p: PlaceMatch) =>
      SHOWS_PLACE.has(c.expect) || p.how === 'typo' || !['province', 'regency'].includes(p.candidates[0]!.level);
    const invented = u.slots.places
      .filter(shown)
      .map((p) => p.candidates[0]!.code)
      .filter((code) => code !== '00');
    if (!c.region && invented.length && !villageOrSecond) problems.push(`invented place ${place?.text} → ${invented[0]}`);
  }
  if (c.income !== undefined && u.slots.income !== c.income) problems.push(`income ${u.slots.income ?? 'none'}, expected ${c.income}`);
  if (c.year !== undefined && u.slots.year !== c.year) problems.push(`year ${u.slots.year ?? 'none'}, expected ${c.year}`);
  return { case: c, got, ...(choices ? { choices } : {}), problems };
}

export interface Report {
  total: number;
  correct: number;
  accuracy: number;
  choices: number;
  byTopic: { topic: string; total: number; correct: number }[];
  confusions: { expected: string; got: string; count: number }[];
  failures: CaseResult[];
}

/** Topics of the report: the built-in answers by name, knowledge entries by their group. */
export function evaluate(understander: Understander, cases: LabelledCase[], topicOf: (target: string) => string): Report {
  const results = cases.map((c) => evaluateCase(understander, c));
  const byTopic = new Map<string, { total: number; correct: number }>();
  const confusions = new Map<string, number>();
  for (const r of results) {
    const topic = topicOf(r.case.expect) + (r.case.lang === 'en' ? ' (en)' : '');
    const t = byTopic.get(topic) ?? { total: 0, correct: 0 };
    t.total++;
    if (!r.problems.length) t.correct++;
    byTopic.set(topic, t);
    if (r.problems.length) {
      const key = `${r.case.expect} → ${r.choices ? `choose(${r.choices.join('/')})` : r.got}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
  }
  const correct = results.filter((r) => !r.problems.length).length;
  return {
    total: results.length,
    correct,
    accuracy: correct / results.length,
    choices: results.filter((r) => r.choices).length,
    byTopic: [...byTopic].map(([topic, v]) => ({ topic, ...v })).sort((a, b) => a.topic.localeCompare(b.topic)),
    confusions: [...confusions]
      .map(([k, count]) => {
        const [expected, got] = k.split(' → ');
        return { expected: expected!, got: got!, count };
      })
      .sort((a, b) => b.count - a.count),
    failures: results.filter((r) => r.problems.length),
  };
}
