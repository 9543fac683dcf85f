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

const LEVELS: readonly RegionLevel[] = ['country', 'province', 'regency', 'district', 'village'];
const KINDS: RegionKind[] = [];
const kindIndex = (kind: RegionKind): number => {
  const at = KINDS.indexOf(kind);
  return at >= 0 ? at : KINDS.push(kind) - 1;
};

/**
 * The names of all regions (91,593 of them), held in a few strings and typed arrays rather than
 * as a map of objects: a map of names to region objects was 17 MB of the bot's 66 MB of live
 * heap, and every full collection walked its hundreds of thousands of objects. Distinct search
 * names are sorted and looked up by binary search; each names a run of regions, whose refs are
 * made when a lookup finds them (provinces, regencies and cities are kept as objects: the typo
 * and word indexes hold them).
 */
class RegionNames {
  /** The distinct search names, sorted, end to end; name i is text[starts[i], starts[i + 1]). */
  private readonly text: string;
  private readonly starts: Int32Array;
  /** The regions of name i are regions first[i] … first[i + 1] - 1, in the order below. */
  private readonly first: Int32Array;
  private readonly codes: string;
  private readonly codeStarts: Int32Array;
  private readonly names: string;
  private readonly nameStarts: Int32Array;
  private readonly levels: Uint8Array;
  private readonly kinds: Uint8Array;
  /** Provinces, regencies and cities (and Indonesia), as the refs the other indexes hold. */
  readonly areas = new Map<string, PlaceRef>();

  /** Search names with their provinces, regencies and cities, in the order the regions came. */
  readonly areaNames: [string, PlaceRef[]][] = [];

  constructor(regions: Iterable<PlaceName>) {
    const input = [...regions];
    // Sorted by name, and by arrival within a name (the sort is stable).
    const order = input
      .map((_, i) => i)
      .sort((a, b) => {
        const x = input[a]!.searchName;
        const y = input[b]!.searchName;
        return x < y ? -1 : x > y ? 1 : 0;
      });
    const n = order.length;
    this.codeStarts = new Int32Array(n + 1);
    this.nameStarts = new Int32Array(n + 1);
    this.levels = new Uint8Array(n);
    this.kinds = new Uint8Array(n);
    const distinct: string[] = [];
    const first: number[] = [];
    const codes: string[] = [];
    const names: string[] = [];
    const areaNames: { arrived: number; text: string; refs: PlaceRef[] }[] = [];
    let codeLength = 0;
    let nameLength = 0;
    order.forEach((arrived, i) => {
      const r = input[arrived]!;
      if (distinct.at(-1) !== r.searchName) {
        distinct.push(r.searchName);
        first.push(i);
      }
      codes.push(r.code);
      names.push(r.name);
      this.codeStarts[i + 1] = codeLength += r.code.length;
      this.nameStarts[i + 1] = nameLength += r.name.length;
      this.levels[i] = LEVELS.indexOf(r.level);
      this.kinds[i] = kindIndex(r.kind);
      if (!AREA_LEVELS.has(r.level)) return;
      const ref: PlaceRef = { code: r.code, name: r.name, level: r.level, kind: KINDS[this.kinds[i]]! };
      this.areas.set(r.code, ref);
      const last = areaNames.at(-1);
      if (last?.text === r.searchName) last.refs.push(ref);
      else areaNames.push({ arrived, text: r.searchName, refs: [ref] });
    });
    first.push(n);
    this.first = Int32Array.from(first);
    this.starts = new Int32Array(distinct.length + 1);
    let textLength = 0;
    distinct.forEach((name, i) => (this.starts[i + 1] = textLength += name.length));
    // Joined, each is one flat string: lookups slice it without copying.
    this.text = distinct.join('');
    this.codes = codes.join('');
    this.names = names.join('');
    this.areaNames = areaNames.sort((a, b) => a.arrived - b.arrived).map((a) => [a.text, a.refs]);
  }

  /** The index of a search name, or -1. */
  private find(name: string): number {
    let low = 0;
    let high = this.starts.length - 2;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const at = this.text.slice(this.starts[mid], this.starts[mid + 1]);
      if (at === name) return mid;
      if (at < name) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  has(name: string): boolean {
    return this.find(name) >= 0;
  }

  /** The regions of that search name (none when it is none's). */
  get(name: string): PlaceRef[] {
    const at = this.find(name);
    if (at < 0) return [];
    const refs: PlaceRef[] = [];
    for (let r = this.first[at]!; r < this.first[at + 1]!; r++) refs.push(this.ref(r));
    return refs;
  }

  ref(r: number): PlaceRef {
    const code = this.codes.slice(this.codeStarts[r], this.codeStarts[r + 1]);
    return (
      this.areas.get(code) ?? {
        code,
        name: this.names.slice(this.nameStarts[r], this.nameStarts[r + 1]),
        level: LEVELS[this.levels[r]!]!,
        kind: KINDS[this.kinds[r]!]!,
      }
    );
  }

  /** The ref of a region by its code (for aliases), or undefined. */
  byCode(code: string, index: Map<string, number>): PlaceRef | undefined {
    const r = index.get(code);
    return r === undefined ? undefined : this.ref(r);
  }

  /** Region index by code, built only while aliases are attached (then dropped). */
  codeIndex(): Map<string, number> {
    const index = new Map<string, number>();
    for (let r = 0; r < this.levels.length; r++) index.set(this.codes.slice(this.codeStarts[r], this.codeStarts[r + 1]), r);
    return index;
  }
}

export class Gazetteer {
  private readonly names: RegionNames;
  private readonly aliases = new Map<string, PlaceRef[]>();
  /** The words of provinces' and regencies' names of several words ("talaud" → Kepulauan Talaud). */
  private readonly nameWords = new Map<string, PlaceRef[]>();
  /** Provinces, regencies, cities and aliases by first letter: what a typo may be of (a typo seldom hits the first letter). */
  private readonly typoTargets = new Map<string, { text: string; refs: PlaceRef[] }[]>();

  constructor(regions: Iterable<PlaceName>, aliases: Iterable<{ alias: string; regionCode: string }>) {
    this.names = new RegionNames(regions);
    const codes = this.names.codeIndex();
    for (const { alias, regionCode } of aliases) {
      const ref = this.names.byCode(regionCode, codes);
      if (ref) push(this.aliases, alias, ref);
    }
    for (const [text, areas] of this.names.areaNames) {
      if (text.length >= MIN_TYPO_WORD) push(this.typoTargets, text[0]!, { text, refs: areas });
      if (text.includes(' '))
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
    const named = this.names.get(name);
    const aliased = this.aliases.get(name) ?? [];
    let candidates = [...named, ...aliased.filter((a) => !named.some((n) => n.code === a.code))];
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
