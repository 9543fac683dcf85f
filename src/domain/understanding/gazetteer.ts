// The places named in a sentence, found in memory: every run of up to four words is looked
// up among the names and aliases of all regions of Indonesia. Provinces, regencies, cities
// and aliases count as typed; a district or a village only by its whole name with its prefix
// ("desa santur", "kec. talawi") or by a whole name that is no everyday word; an everyday
// word is never taken for a place by a typo. The place fills a slot: it never picks the topic.
import { COMMON_WORD_PLACES, GRAMMAR_WORDS, NOT_PLACES } from './lexicon.ts';
import { standardWord } from './normalize.ts';
import { REGION_PREFIXES, type RegionKind, type RegionLevel } from '../regions/region-names.ts';
import { withinEdits } from './edit-distance.ts';

export interface PlaceRef {
  code: string;
  name: string;
  level: RegionLevel;
  kind: RegionKind;
}

export interface PlaceName extends PlaceRef {
  /** Normalised like Region.searchName. */
  searchName: string;
}

export interface PlaceMatch {
  /** The words of the message it covers: [start, end). */
  start: number;
  end: number;
  /** What to resolve: the words as typed, prefix included ("kota padang panjng"). */
  text: string;
  kindHint?: RegionKind;
  how: 'exact' | 'alias' | 'typo';
  /** Most likely first: provinces, then regencies and cities, districts, villages. */
  candidates: PlaceRef[];
}

const LEVEL_ORDER: Record<RegionLevel, number> = { country: 0, province: 1, regency: 2, district: 3, village: 4 };
const AREA_LEVELS = new Set<RegionLevel>(['country', 'province', 'regency']);
const MAX_SPAN = 4;
const BUSINESS_WORDS = new Set(['pt', 'cv', 'ud', 'toko', 'warung', 'koperasi', 'yayasan', 'firma', 'tbk', 'rm', 'restoran']);
const MIN_TYPO_WORD = 5;
const MAX_TYPO_SPAN = 3;

/** Edits allowed for a typo of a name this long. */
const typoBudget = (length: number) => (length >= 12 ? 2 : length >= 6 ? 1 : 0);

/** Provinces first, then cities before regencies of the same name ("bandung" is the city), and so on down. */
const byLevel = (a: PlaceRef, b: PlaceRef) =>
  LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || Number(b.kind === 'kota') - Number(a.kind === 'kota') || a.code.localeCompare(b.code);

/** The canonical string of a level or kind: 91,593 rows read from the database each bring their own copy. */
const canonical = new Map<string, string>();
const intern = <T extends string>(value: T): T => {
  let kept = canonical.get(value);
  if (kept === undefined) canonical.set(value, (kept = value));
  return kept as T;
};

export class Gazetteer {
  /** By search name: most names are one region's, so a lone region is kept without an array (91,593 of them). */
  private readonly names = new Map<string, PlaceRef | PlaceRef[]>();
  private readonly aliases = new Map<string, PlaceRef[]>();
  /** The words of provinces' and regencies' names of several words ("talaud" → Kepulauan Talaud). */
  private readonly nameWords = new Map<string, PlaceRef[]>();
  /** Provinces, regencies, cities and aliases by first letter: what a typo may be of (a typo seldom hits the first letter). */
  private readonly typoTargets = new Map<string, { text: string; refs: PlaceRef[] }[]>();

  constructor(regions: Iterable<PlaceName>, aliases: Iterable<{ alias: string; regionCode: string }>) {
    const byCode = new Map<string, PlaceRef>();
    for (const r of regions) {
      const ref: PlaceRef = { code: r.code, name: r.name, level: intern(r.level), kind: intern(r.kind) };
      byCode.set(r.code, ref);
      const known = this.names.get(r.searchName);
      this.names.set(r.searchName, known === undefined ? ref : Array.isArray(known) ? (known.push(ref), known) : [known, ref]);
    }
    for (const { alias, regionCode } of aliases) {
      const ref = byCode.get(regionCode);
      if (ref) push(this.aliases, alias, ref);
    }
    for (const [text, one] of this.names) {
      const refs = Array.isArray(one) ? one : [one];
      const areas = refs.filter((r) => AREA_LEVELS.has(r.level));
      if (areas.length && text.length >= MIN_TYPO_WORD) push(this.typoTargets, text[0]!, { text, refs: areas });
      if (areas.length && text.includes(' '))
        for (const w of text.split(' ')) if (w.length >= MIN_TYPO_WORD) for (const a of areas) push(this.nameWords, w, a);
    }
    for (const [text, refs] of this.aliases) if (text.length >= MIN_TYPO_WORD) push(this.typoTargets, text[0]!, { text, refs });
  }

  /**
   * Whether a place found is surely its first candidate, with no other region to offer: a
   * province or Indonesia named by a short form, or by a name that is no word of another
   * region's name ("maluku" is also in Maluku Utara).
   */
  isSure(place: PlaceMatch): boolean {
    const [first] = place.candidates;
    if (!first || (first.level !== 'province' && first.level !== 'country')) return false;
    if (place.how === 'alias') return true;
    if (place.how !== 'exact') return false;
    const { name } = withoutPrefix(place.text.split(' '));
    return !(this.nameWords.get(name) ?? []).some((r) => r.code !== first.code);
  }

  /** Whether a word is (the start of) any region name or alias: such words are not "unknown". */
  isName(text: string): boolean {
    return this.names.has(text) || this.aliases.has(text);
  }

  /**
   * The places in `words` (lower case, as rawWords gives them), at most `max`, longest first.
   * `meaningful(word)` says whether a word means something else (a topic or grammar word).
   */
  find(words: string[], meaningful: (word: string) => boolean, max = 2): PlaceMatch[] {
    // Words inside an everyday phrase ("nasi padang") are no place.
    const blocked = new Set<number>();
    const text = words.join(' ');
    for (const phrase of NOT_PLACES) {
      const at = ` ${text} `.indexOf(` ${phrase} `);
      if (at < 0) continue;
      const start = text.slice(0, at).split(' ').filter(Boolean).length;
      for (let i = 0; i < phrase.split(' ').length; i++) blocked.add(start + i);
    }
    const strong: PlaceMatch[] = [];
    /** Taken only when nothing else in the message means anything. */
    const weak: PlaceMatch[] = [];
    for (let length = Math.min(MAX_SPAN, words.length); length >= 1; length--) {
      for (let start = 0; start + length <= words.length; start++) {
        if (Array.from({ length }, (_, k) => start + k).some((i) => blocked.has(i))) continue;
        // "pt sumber rejeki", "toko jaya abadi": a business's name, not a place.
        if (BUSINESS_WORDS.has(words[start - 1] ?? '')) continue;
        const span = words.slice(start, start + length);
        const match = this.exact(span, start, meaningful) ?? (length === 1 ? this.wordOfName(span[0]!, start, meaningful) : undefined);
        if (match) (match.weak ? weak : strong).push(match.place);
      }
    }
    strong.push(...this.typos(words, meaningful, strong));
    const chosen = pickSpans(strong, max);
    if (chosen.length || !weak.length) return chosen;
    // "malang" alone, or "desa sukamaju" is not asked: an everyday word is a place when nothing
    // else in the message means anything.
    const [best] = pickSpans(weak, 1);
    const others = words.filter((w, i) => (i < best!.start || i >= best!.end) && meaningful(w));
    return others.length ? [] : [best!];
  }

  private exact(span: string[], start: number, meaningful: (w: string) => boolean): { place: PlaceMatch; weak: boolean } | undefined {
    const typed = span.join(' ');
    const { name, kind } = withoutPrefix(span);
    if (name.length < 2) return undefined;
    const hint = name === typed ? undefined : kind;
    // "desa bisa pake dana desa": a prefix before a grammar word names nothing.
    if (hint && !name.includes(' ') && GRAMMAR_WORDS.has(standardWord(name))) return undefined;
    const one = this.names.get(name);
    const named = one === undefined ? [] : Array.isArray(one) ? one : [one];
    const aliased = this.aliases.get(name) ?? [];
    let candidates = [...named, ...aliased.filter((a) => !named.includes(a))];
    if (!candidates.length) return undefined;
    if (hint) {
      const ofKind = candidates.filter((c) => c.kind === hint || (hint === 'desa' && c.kind === 'kelurahan'));
      if (!ofKind.length) return undefined;
      candidates = ofKind;
    }
    candidates.sort(byLevel);
    const place: PlaceMatch = {
      start,
      end: start + span.length,
      text: typed,
      ...(hint ? { kindHint: hint } : {}),
      how: named.length ? 'exact' : 'alias',
      candidates,
    };
    const nameWords = name.split(' ');
    if (hint) return { place, weak: false };
    const areas = candidates.filter((c) => AREA_LEVELS.has(c.level));
    if (areas.length) {
      // Provinces, regencies, cities and aliases by their name, except names that are everyday words.
      return { place: { ...place, candidates: areas }, weak: nameWords.length === 1 && COMMON_WORD_PLACES.has(name) };
    }
    // Districts and villages: by a name of several words not all of which are everyday words;
    // alone in a message, by a name that is no word ("santur", not "hello" or "pasar").
    if (nameWords.every((w) => meaningful(w))) return undefined;
    return { place, weak: nameWords.length === 1 };
  }

  /**
   * A word of a regency's or province's name that no everyday word is ("talaud" for Kepulauan
   * Talaud, "mentawai"): the region, to be resolved in full by the database.
   */
  private wordOfName(word: string, start: number, meaningful: (w: string) => boolean): { place: PlaceMatch; weak: boolean } | undefined {
    if (word.length < MIN_TYPO_WORD || meaningful(word)) return undefined;
    const refs = this.nameWords.get(word);
    if (!refs?.length) return undefined;
    return { place: { start, end: start + 1, text: word, how: 'exact', candidates: [...refs].sort(byLevel) }, weak: false };
  }

  /** Typos of provinces, regencies, cities and aliases, in runs that hold a word no dictionary knows. */
  private typos(words: string[], meaningful: (w: string) => boolean, exact: PlaceMatch[]): PlaceMatch[] {
    const found: PlaceMatch[] = [];
    const unknown = words.map(
      (w, i) => w.length >= MIN_TYPO_WORD && !/\d/.test(w) && !meaningful(w) && !this.isName(w) && !covered(exact, i, i + 1),
    );
    for (let length = Math.min(MAX_TYPO_SPAN, words.length); length >= 1; length--) {
      for (let start = 0; start + length <= words.length; start++) {
        const end = start + length;
        let hasUnknown = false;
        let hasOther = false;
        for (let i = start; i < end; i++) {
          if (unknown[i]) hasUnknown = true;
          else if (meaningful(words[i]!) && !exact.some((p) => p.start <= i && i < p.end)) hasOther = true;
        }
        if (!hasUnknown || hasOther) continue;
        const typed = words.slice(start, end).join(' ');
        const { name, kind } = withoutPrefix(words.slice(start, end));
        const budget = typoBudget(name.length);
        if (!budget) continue;
        let best: { text: string; refs: PlaceRef[]; distance: number } | undefined;
        for (const target of this.typoTargets.get(name[0]!) ?? []) {
          if (Math.abs(target.text.length - name.length) > budget) continue;
          const distance = withinEdits(name, target.text, best ? Math.min(budget, best.distance - 1) : budget);
          if (distance !== undefined && distance > 0) best = { ...target, distance };
        }
        if (!best) continue;
        const hint = name === typed ? undefined : kind;
        const refs = hint ? best.refs.filter((r) => r.kind === hint) : best.refs;
        if (!refs.length) continue;
        found.push({ start, end, text: typed, ...(hint ? { kindHint: hint } : {}), how: 'typo', candidates: [...refs].sort(byLevel) });
      }
    }
    return found;
  }
}

/** Prefixes ("kota", "kab", "pemerintah provinsi") as word lists, longest first. */
const PREFIXES = REGION_PREFIXES.map((p) => ({ words: p.words.split(' '), kind: p.kind }));

/**
 * stripRegionPrefix for words already normalised (rawWords): the name without the words
 * people put in front of it, and the kind they imply.
 */
function withoutPrefix(span: string[]): { name: string; kind?: RegionKind } {
  for (const prefix of PREFIXES) {
    if (span.length > prefix.words.length && prefix.words.every((w, i) => span[i] === w)) {
      return { name: span.slice(prefix.words.length).join(' '), kind: prefix.kind };
    }
  }
  return { name: span.join(' ') };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const covered = (places: PlaceMatch[], start: number, end: number) => places.some((p) => p.start < end && start < p.end);

/** The longest places first, then exact before alias before typo, then the earlier; no two overlap. */
function pickSpans(places: PlaceMatch[], max: number): PlaceMatch[] {
  const rank = { exact: 0, alias: 0, typo: 1 };
  const sorted = [...places].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      rank[a.how] - rank[b.how] ||
      LEVEL_ORDER[a.candidates[0]!.level] - LEVEL_ORDER[b.candidates[0]!.level] ||
      a.start - b.start,
  );
  const chosen: PlaceMatch[] = [];
  for (const place of sorted) {
    if (chosen.length >= max) break;
    if (!covered(chosen, place.start, place.end)) chosen.push(place);
  }
  return chosen.sort((a, b) => a.start - b.start);
}
