// Every answer the bot can give, searchable by the ways people ask for it: the built-in
// answers (coverage, awards, the calculator, ...) by their example questions, and each
// knowledge entry by its question variants, in both languages. Ranking is MiniSearch's BM25
// over the stemmed words; this module only adds how much of the question was understood.
import MiniSearch from 'minisearch';
import { rawWords, standardWord, stemWord, type Language } from './normalize.ts';
import { QUESTION_MARKERS, STOPWORDS, SYNONYMS } from './lexicon.ts';

export interface AnswerVariants {
  /** "coverage", "calculator", or a knowledge entry's id ("late-fine"). */
  target: string;
  lang: Language;
  questions: string[];
  /** The answer's topic group ("claims") and the answers it offers next, for follow-ups. */
  topic?: string;
  related?: string[];
}

export interface RankedAnswer {
  target: string;
  score: number;
  /** The share of the question's words (weighted by rarity) that the answer's best variant matched. */
  matched: number;
  /** The share of that variant's words the question matched. */
  covered: number;
  /** The question's stems it matched. */
  terms: string[];
  /** How many of its questions matched. */
  hits: number;
}

const MAX_CACHED_STEMS = 20_000;

/** Stems of a message beyond which its unknown words weigh less. */
const LONG_MESSAGE = 5;

/** What the second and third best matching questions of an answer add to its score. */
const MORE_QUESTIONS = [0, 0.3, 0.1];

/** A stem of the question, and whether its word means something (an everyday word, not a typo or a name). */
export interface QueryStem {
  stem: string;
  meaningful: boolean;
}

/** Words that carry no topic, and numbers: neither ranks an answer. */
export function isContentWord(word: string): boolean {
  return !STOPWORDS.has(word) && !/\d/.test(word) && word.length > 1;
}

const MARKER_WORDS = new Set(QUESTION_MARKERS.map((m) => m.marker));

/** "qwhen", "qhowmuch": the words that stand for a kind of question. */
export const isQuestionMarker = (stem: string) => MARKER_WORDS.has(stem);

/** Each phrase of one meaning → its word, longest phrases first; the words themselves are not stemmed. */
const MEANINGS: { parts: string[]; word: string }[] = [
  ...QUESTION_MARKERS.map((m) => ({ parts: m.words.split(' '), word: m.marker })),
  ...Object.entries(SYNONYMS).flatMap(([word, phrases]) => phrases.map((p) => ({ parts: p.split(' '), word }))),
].sort((a, b) => b.parts.length - a.parts.length);
/** The same, by their first word. */
const MEANINGS_BY_FIRST = new Map<string, { parts: string[]; word: string }[]>();
for (const m of MEANINGS) {
  const list = MEANINGS_BY_FIRST.get(m.parts[0]!);
  if (list) list.push(m);
  else MEANINGS_BY_FIRST.set(m.parts[0]!, [m]);
}
const MEANING_WORDS = new Set([...MARKER_WORDS, ...Object.keys(SYNONYMS)]);

/** Standard words, with question phrases ("apa itu") and synonyms ("pass away") as the word of their meaning. */
function byMeaning(words: string[]): { word: string; raw: string; meaning: boolean }[] {
  const out: { word: string; raw: string; meaning: boolean }[] = [];
  const standard = words.map(standardWord);
  for (let i = 0; i < standard.length; i++) {
    const found = MEANINGS_BY_FIRST.get(standard[i]!)?.find(({ parts }) => parts.every((p, k) => standard[i + k] === p));
    if (found) {
      out.push({ word: found.word, raw: words[i]!, meaning: true });
      i += found.parts.length - 1;
    } else out.push({ word: standard[i]!, raw: words[i]!, meaning: MEANING_WORDS.has(standard[i]!) });
  }
  return out;
}

/**
 * The stems of a text's content words, once each, in order. `meaningful` tells typos and
 * names from words; `correct` spells a typo as the word it likely is.
 */
export function contentStems(
  words: string[],
  language: Language,
  meaningful: (word: string) => boolean = () => true,
  correct: (word: string) => string = (w) => w,
): QueryStem[] {
  const stems: QueryStem[] = [];
  for (const { word, raw, meaning } of byMeaning(words.map(correct))) {
    if (!isContentWord(word)) continue;
    const stem = meaning ? word : stemWord(word, language);
    if (!stems.some((s) => s.stem === stem)) stems.push({ stem, meaningful: meaning || meaningful(raw) });
  }
  return stems;
}

interface Doc {
  id: number;
  target: string;
  terms: string;
  size: number;
}

/**
 * Weight of a word no answer uses: an everyday word ("cuaca", "kereta") is a topic the bot
 * does not cover and weighs as the rarest word would; a word no dictionary knows is likely a
 * typo or a name and weighs little.
 */
const UNKNOWN_TYPO_WEIGHT = 0.5;
/** ... and an everyday word weighs as a word used by this share of the answers would. */
export const UNKNOWN_WORD_SHARE = { value: 0.3 };
/** A question marker ("kapan", "apa itu") ranks answers, but less than a word of the topic. */
export const MARKER_BOOST = { value: 0.5 };
/** ... and weighs at most this in how much of a question an answer explains (about what "berapa" weighs). */
const MAX_MARKER_WEIGHT = 1.2;

export class AnswerIndex {
  private readonly search = new MiniSearch<Doc>({
    fields: ['terms'],
    storeFields: ['target', 'size'],
    tokenize: (text) => text.split(' ').filter(Boolean),
    processTerm: (term) => term,
    // Typos are corrected before the search (Understander.correct), against the questions'
    // own words: MiniSearch's fuzzy and prefix matching found nothing more on the labelled set.
    searchOptions: { combineWith: 'OR' },
  });
  /** Every standard word of every question, before stemming: what counts as "meaningful". */
  readonly vocabulary = new Set<string>();
  /** Per stem, the answers whose questions use it: rarer stems weigh more. */
  private readonly targetsOfStem = new Map<string, Set<string>>();
  private readonly targets = new Set<string>();
  /** Every question as a whole phrase of standard words ("what can you do", "bantuan"); null when two answers share it. */
  private readonly phrases = new Map<string, string | null>();

  constructor(variants: Iterable<AnswerVariants>) {
    const docs: Doc[] = [];
    const seen = new Set<string>();
    for (const { target, lang, questions } of variants) {
      this.targets.add(target);
      for (const question of questions) {
        const words = rawWords(question);
        for (const w of words) this.vocabulary.add(standardWord(w)).add(w);
        const phrase = words.map(standardWord).join(' ');
        const owner = this.phrases.get(phrase);
        this.phrases.set(phrase, owner === undefined || owner === target ? target : null);
        const stems = contentStems(words, lang).map((s) => s.stem);
        if (!stems.length) continue;
        for (const stem of stems) {
          let set = this.targetsOfStem.get(stem);
          if (!set) this.targetsOfStem.set(stem, (set = new Set()));
          set.add(target);
        }
        const terms = stems.join(' ');
        const key = `${target}\u0000${terms}`;
        if (seen.has(key)) continue; // the same question twice, once normalised
        seen.add(key);
        docs.push({ id: docs.length, target, terms, size: stems.length });
      }
    }
    this.search.addAll(docs);
    this.docs.push(...docs);
  }

  /** The one answer that has exactly these words as one of its questions. */
  phrase(words: string[]): string | undefined {
    return this.phrases.get(words.map(standardWord).join(' ')) ?? undefined;
  }

  /** Per stem, the documents MiniSearch scores for it alone: the index never changes, so neither do they. */
  private readonly byStem = new Map<string, { doc: number; score: number }[]>();
  private readonly docs: Doc[] = [];

  private scoresOf(stem: string): { doc: number; score: number }[] {
    let scores = this.byStem.get(stem);
    if (!scores) {
      if (this.byStem.size > MAX_CACHED_STEMS) this.byStem.clear();
      const boost = MARKER_WORDS.has(stem) ? MARKER_BOOST.value : 1;
      scores = this.search.search(stem, { boostTerm: () => boost }).map((r) => ({ doc: r.id as number, score: r.score }));
      this.byStem.set(stem, scores);
    }
    return scores;
  }

  /**
   * MiniSearch's OR query, combined as MiniSearch combines it (the sum of each stem's BM25
   * score, times the number of the query's stems the document has), from the per-stem scores:
   * a message costs additions rather than a search over the index.
   */
  private combined(stems: string[]): { target: string; size: number; score: number; terms: string[]; queryTerms: string[] }[] {
    const perDoc = new Map<number, { score: number; terms: string[] }>();
    for (const stem of new Set(stems)) {
      for (const { doc, score } of this.scoresOf(stem)) {
        const seen = perDoc.get(doc);
        if (seen) {
          seen.score += score;
          seen.terms.push(stem);
        } else perDoc.set(doc, { score, terms: [stem] });
      }
    }
    return [...perDoc]
      .map(([doc, { score, terms }]) => ({
        target: this.docs[doc]!.target,
        size: this.docs[doc]!.size,
        score: score * terms.length,
        terms,
        queryTerms: terms,
      }))
      .sort((a, b) => b.score - a.score);
  }

  /** Whether only this answer's questions use the stem ("pinjol": only the examples of what the bot does not cover). */
  onlyOf(stem: string, target: string): boolean {
    const targets = this.targetsOfStem.get(stem);
    return targets?.size === 1 && targets.has(target);
  }

  /** Whether any question uses this stem. */
  knows(stem: string): boolean {
    return this.targetsOfStem.has(stem);
  }

  /** How telling a stem is: log of how few answers use it. */
  weight(stem: string, meaningful = true): number {
    const n = this.targetsOfStem.get(stem)?.size;
    if (n) return Math.log(1 + this.targets.size / n);
    return meaningful ? Math.log(1 + 1 / UNKNOWN_WORD_SHARE.value) : UNKNOWN_TYPO_WEIGHT;
  }

  /**
   * Answers for these stems, best first, one entry per answer. In a long message the words no
   * answer uses are mostly the person's story: they count for less, the longer it is.
   */
  rank(stems: QueryStem[]): RankedAnswer[] {
    if (!stems.length) return [];
    const chatter = Math.min(1, LONG_MESSAGE / stems.length);
    // A kind of question weighs as the commonest ones do, however few questions are written with it.
    const weightOf = (s: QueryStem) =>
      MARKER_WORDS.has(s.stem)
        ? Math.min(MAX_MARKER_WEIGHT, this.weight(s.stem))
        : this.knows(s.stem)
          ? this.weight(s.stem)
          : this.weight(s.stem, s.meaningful) * chatter;
    const weights = new Map(stems.map((s) => [s.stem, weightOf(s)]));
    // What a message explains is judged on its heaviest words: a long one's story is not its question.
    const total = [...weights.values()]
      .sort((a, b) => b - a)
      .slice(0, LONG_MESSAGE)
      .reduce((sum, w) => sum + w, 0);
    const best = new Map<string, RankedAnswer>();
    const results = this.combined(stems.map((s) => s.stem));
    for (const result of results) {
      // A question word alone ("kapan", "berapa") names no topic.
      if (result.queryTerms.every((t) => MARKER_WORDS.has(t))) continue;
      const covered = Math.min(1, result.terms.length / result.size);
      const score = result.score;
      const seen = best.get(result.target);
      if (seen) {
        // An answer asked for in several of its questions is likelier than one matched once.
        if (seen.hits < MORE_QUESTIONS.length) seen.score += score * MORE_QUESTIONS[seen.hits]!;
        seen.hits++;
        continue;
      }
      const matched = result.queryTerms.reduce((sum, s) => sum + (weights.get(s) ?? 0), 0) / total;
      best.set(result.target, { target: result.target, score, matched: Math.min(1, matched), covered, terms: result.queryTerms, hits: 1 });
    }
    // Equal scores go to the answer more of whose questions matched, then by name: the order
    // the answers were loaded in (seed file or database) never decides.
    return [...best.values()].sort((a, b) => b.score - a.score || b.hits - a.hits || (a.target < b.target ? -1 : 1));
  }
}
