// What a free-text message asks for: its language, what it names (places, an income, a year,
// a programme, the transport sector, "the most"), and every answer the bot could give, ranked,
// with a decision: answer, offer a close call as choices, or say what the bot covers.
// No Telegram and no database here: the bot hands in the names and the questions once.
import { incomeIn } from '../contributions/income-text.ts';
import { AnswerIndex, contentStems, isQuestionMarker, type AnswerVariants } from './answer-index.ts';
import { Gazetteer, type PlaceMatch, type PlaceName } from './gazetteer.ts';
import {
  ENGLISH_MARKERS,
  INDONESIAN_MARKERS,
  PROGRAMME_WORDS,
  SLANG,
  STOPWORDS,
  SUPERLATIVES,
  SYNONYMS,
  TRANSPORT_WORDS,
  WITH_JHT,
  WITHOUT_JHT,
} from './lexicon.ts';
import { everydayWords } from './dictionary.ts';
import { withinEdits } from './edit-distance.ts';
import { hasIndonesianRoot, rawWords, standardWord, type Language } from './normalize.ts';

/** The answers the bot builds from its data; every other target is a knowledge entry's id. */
export const BUILT_IN_TARGETS = [
  'coverage',
  'awards',
  'calculator',
  'compare',
  'chart',
  'ranking',
  'subscribe',
  'company',
  'help',
  'greeting',
  'thanks',
  /** The person's own monthly reminder to pay, and their data: what is kept, and deleting it. */
  'reminder',
  'mydata',
  'deletemydata',
  /** Questions the bot does not cover (loans, weather, bansos): examples of them, so they are told apart. */
  'outside',
] as const;
export type BuiltInTarget = (typeof BUILT_IN_TARGETS)[number];

export function isBuiltInTarget(target: string): target is BuiltInTarget {
  return (BUILT_IN_TARGETS as readonly string[]).includes(target);
}

/** Answers that are about a place: a place named with them fills their slot. */
const TAKES_PLACE = new Set(['coverage', 'awards', 'compare', 'chart', 'subscribe']);
/** Answers that need more than their words: two regions or a comparison word; "the most" or a ranking word. */
const NEEDS: Record<string, (slots: Slots, stems: Set<string>) => boolean> = {
  // "data kepri" asks for a region's figures, not for what the bot keeps about the person.
  mydata: (slots) => slots.places.length === 0,
  deletemydata: (slots) => slots.places.length === 0,
  compare: (slots, stems) => slots.places.length - slots.ownPlaces >= 2 || stems.has('banding'),
  // Provinces are ranked; a regency or village named asks for its own figure.
  ranking: (slots, stems) =>
    (!!slots.order || ['peringkat', 'rank', 'ranking', 'urut', 'urutan'].some((w) => stems.has(w))) &&
    // ... of regions, by coverage or participants ("capres yg paling bagus" ranks nothing of ours).
    (!!slots.metric || !!slots.rankLevel || slots.places.length > 0 || RANKED_THINGS.some((w) => stems.has(w))) &&
    !slots.places.some((p) => ['regency', 'district', 'village'].includes(p.candidates[0]?.level ?? '')),
};
/** What a ranking ranks, when no measure is named ("provinsi mana paling tinggi"). */
const RANKED_THINGS = [
  'provinsi',
  'kabupaten',
  'kota',
  'daerah',
  'wilayah',
  'region',
  'province',
  'provinces',
  'regency',
  'indonesia',
  'nasional',
  'kepesertaan',
];
/** A province's code ("53"): neither a regency's ("53.07") nor Indonesia's ("00"). */
const isProvinceCode = (code: string | undefined): code is string => !!code && !code.includes('.') && code !== '00';

/** Whether place `a` lies within province `b` (its code starts with the province's). */
function inside(a: PlaceMatch, b: PlaceMatch): boolean {
  const [inner, outer] = [a.candidates[0], b.candidates[0]];
  return !!inner && !!outer && outer.level === 'province' && inner.code.startsWith(`${outer.code}.`);
}

/** Words before a company's name, and how long a name may run. */
const COMPANY_WORDS = new Set(['pt', 'cv', 'ud', 'tbk', 'firma', 'yayasan', 'koperasi']);
const MAX_NAME_WORDS = 5;

/**
 * The positions of a company's name: up to five words after "PT" or "CV", until a word of the
 * sentence (grammar, a chat spelling, or after the first word, a word the questions use).
 */
function companyName(words: string[], asked: (word: string) => boolean): Set<number> {
  const named = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    if (!COMPANY_WORDS.has(words[i]!)) continue;
    named.add(i);
    for (let k = i + 1; k < words.length && k <= i + MAX_NAME_WORDS; k++) {
      const w = words[k]!;
      const standard = standardWord(w);
      if (w in SLANG || STOPWORDS.has(standard) || INDONESIAN_MARKERS.has(standard) || COMPANY_WORDS.has(w)) break;
      if (k > i + 1 && asked(standard)) break;
      named.add(k);
    }
  }
  return named;
}
const SMALL_TALK = new Set(['greeting', 'thanks']);
/** Words for regencies and cities as a kind ("kabupaten mana", "kab/kota", "which regency"). */
const REGENCY_WORDS = new Set(['kabupaten', 'kab', 'kota', 'kabkota', 'pemkab', 'regency', 'regencies', 'city', 'cities']);
const PROVINCE_WORDS = new Set(['provinsi', 'prov', 'province', 'provinces']);
/** Stems of what one pays, against which "santunan brp" asks what one gets. */
const COST_STEMS = ['iuran', 'bayar', 'biaya', 'premi', 'tarif', 'hitung'];
/** How far before a place a first-person word makes it the person's own, and the words that may stand between. */
const ORIGIN_REACH = 5;
const ORIGIN_WORDS = new Set([
  'di',
  'dari',
  'guru',
  'karyawan',
  'orang',
  'asli',
  'tinggal',
  'kerja',
  'bekerja',
  'warga',
  'domisili',
  'from',
  'in',
  'live',
  'work',
  'am',
]);
const TRADES = new Set(SYNONYMS.profesi);
/** Asking to be told (stems): subscribing, whatever the news is about. Reminders to pay are not this. */
const SUBSCRIBE_WORDS = ['kabari', 'langgan', 'langganan', 'subscribe', 'unsubscribe'];
/**
 * The person's own reminder and data, asked in words of both kinds (stems): a word of the act
 * and a word of what it is about ("ingetin bayar iuran", "data sy yg disimpen", "hapus akun").
 * "notif bayar iuran" is a reminder, not a subscription; "data kepri" is neither.
 */
const OWN_ASKS: readonly { target: BuiltInTarget; all: readonly (readonly string[])[]; not?: readonly string[] }[] = [
  {
    target: 'reminder',
    all: [
      ['ingat', 'lupa', 'alarm', 'remind', 'kabari'],
      ['bayar', 'iuran'],
    ],
  },
  { target: 'deletemydata', all: [['hapus'], ['data', 'akun', 'info', 'pribadi', 'identitas']] },
  // "hapus data yg disimpen" asks to delete it.
  {
    target: 'mydata',
    all: [
      ['simpan', 'catat', 'privasi'],
      ['data', 'info', 'pribadi', 'identitas'],
    ],
    not: ['hapus'],
  },
];
const asksOwn = (target: string, stems: Set<string>) =>
  OWN_ASKS.some((a) => a.target === target && a.all.every((words) => words.some((w) => stems.has(w))) && !a.not?.some((w) => stems.has(w)));
/** A chart is asked for by name: without one of these, a coverage question is not a chart question. */
const CHART_WORDS = ['grafik', 'tren', 'trend', 'chart', 'diagram', 'graph', 'perkembangan', 'naik', 'turun'];
/** Knowledge topics about what the place answers show. */
const PLACE_TOPICS = new Set(['coverage', 'paritrana']);
/** A bare place after one of these asks the same again for that place ("kalo jambi?"). */
const FOLLOWS_PLACE = new Set(['coverage', 'awards', 'compare', 'chart', 'subscribe', 'branch-office']);

export interface Slots {
  places: PlaceMatch[];
  income?: number;
  year?: number;
  programme?: 'JKK' | 'JKM' | 'JHT' | 'JP';
  transport?: boolean;
  withJht?: boolean;
  order?: 'most' | 'least';
  /** What a ranking is by: a percentage ("cakupan tertinggi") or a count ("peserta terbanyak"). */
  metric?: 'percent' | 'participants';
  /**
   * How many of the places are not asked about: where the person is from ("sy wartawan di
   * kendari"), or the province a regency named is in ("talaud ... se sulut"). A comparison needs two others.
   */
  ownPlaces: number;
  /** What a ranking ranks when it is not provinces: "kabupaten mana di bali yg paling rendah". */
  rankLevel?: 'regency';
  /** The provinces as a whole, said outside a place's name: "grafik semua provinsi", "all provinces". */
  provinces?: true;
}

/** What the chat asked last (kept 15 minutes), for follow-ups. */
export interface ChatContext {
  target: string;
  lang: Language;
  /** The place last asked about, as typed, and its most likely region. */
  placeText?: string;
  placeCode?: string;
  income?: number;
  year?: number;
  withJht?: boolean;
  transport?: boolean;
}

export interface Candidate {
  target: string;
  /** 0..1: how much of the question this answer explains. */
  confidence: number;
  score: number;
}

export type Decision = 'answer' | 'choose' | 'none';

export interface Understanding {
  /** The message's language; undefined when the words do not tell (then the user's own). */
  lang: Language | undefined;
  slots: Slots;
  /** Best first. */
  candidates: Candidate[];
  decision: Decision;
  /** The answer, when decided; for a close call, the first of the choices. */
  target?: string;
  /** Slots taken from the chat's context rather than from the message. */
  fromContext: Array<'place' | 'income' | 'year'>;
}

export interface UnderstandingSources {
  regions: Iterable<PlaceName>;
  aliases: Iterable<{ alias: string; regionCode: string }>;
  answers: Iterable<AnswerVariants>;
}

/** The thresholds and boosts of the decision, measured on the labelled set (test/understanding/). */
export const TUNING = {
  /** Below this the question is not understood. */
  minConfidence: 0.3,
  /** ... and a greeting or thanks must explain this much of the message. */
  smallTalk: 0.5,
  /** A runner-up scoring this close to the first makes a close call... */
  closeCall: 0.9,
  /** ... unless the first explains this much of the question. */
  sure: 0.8,
  maxChoices: 3,
  /** A close call is offered when its first answer explains this much; below, the question is not understood. */
  minChoice: 0.35,
  placeAnswer: 4,
  /** ... when its confidence is within this of the best other answer's. */
  placeMargin: 0.1,
  /** What a place named weighs in the question, as a share of its other words, for the answers about places. */
  placeShare: 0.2,
  twoPlacesCompare: 2.5,
  incomeCalculator: 3,
  yearAwards: 1.25,
  companyNamed: 1.5,
  orderRanking: 2,
  askSubscribe: 2.5,
  context: 1.2,
  sameTopic: 1.3,
  related: 1.5,
};
type Tuning = typeof TUNING;

const PERCENT_WORDS = new Set(['persen', 'persentase', 'ucj', 'cakupan', 'coverage', 'percent', 'percentage', 'rate']);
const COUNT_WORDS = new Set(['peserta', 'pekerja', 'orang', 'participants', 'members', 'workers', 'jumlah']);

/** Mostly how much of the question the answer explains; a little how much of the answer's question was asked. */
const confidenceOf = (matched: number, covered: number) => matched * (0.75 + 0.25 * covered);

const MAX_CACHED_WORDS = 50_000;
/** An answer that explains this much of a question with an income in it wins over the calculator. */
const SURE_ELSEWHERE = 0.75;
const MAX_CACHED_UNDERSTANDINGS = 2_000;
/** Words that make an amount the person's income (standard words). */
const INCOME_CUES = new Set([
  'penghasilan',
  'income',
  'iuran',
  'bayar',
  'bulan',
  'sebulan',
  'omset',
  'untung',
  'hasil',
  'pendapatan',
  'upah',
  'earn',
  'earning',
  'making',
  'make',
  'contribution',
  'pay',
  'month',
  'monthly',
  'kena',
  'jadi',
  'hitung',
  'ojek',
  'sehari',
]);
const AMOUNT_WORDS = new Set(['juta', 'jt', 'ribu', 'rb', 'rp', 'rupiah', 'idr', 'million', 'setengah', 'sejuta', 'an', 'jtan']);
/** How many words from an amount a word of earning or paying makes it an income. */
const CUE_REACH = 4;
/** The calculator's share of the best score when only the amount speaks for it (then boosted). */
const INCOME_EVIDENCE = 0.5;
/** Words that open a follow-up ("kalo jambi?", "and with jht?"). */
const FOLLOW_UP_WORDS = new Set([
  'kalau',
  'terus',
  'lalu',
  'yang',
  'and',
  'what',
  'how',
  'then',
  'gimana',
  'bagaimana',
  'trus',
  'jadi',
  'sama',
  'dengan',
]);

const YEAR = /(?<![\d./-])(19[5-9]\d|20[0-4]\d)(?!\d|[.,]\d)/;

/** A number that is no income: a phone number or an identity number (long digit runs, or a leading 0). */
const NOT_AN_AMOUNT = /(?<![\d.,])(0\d{6,}|\d{9,})(?![\d.,])/g;

/** Whether the words (as " a b c ", spaced at both ends) hold one of the phrases. */
function phrasesIn(text: string, phrases: readonly string[]): boolean {
  return phrases.some((p) => text.includes(` ${p} `));
}

export class Understander {
  readonly gazetteer: Gazetteer;
  readonly index: AnswerIndex;

  private readonly tuning: Tuning;

  /** The topic group of each answer (knowledge entries' "claims", "payment", ...; a built-in answer is its own). */
  private readonly topics = new Map<string, string>();
  /** The entries each knowledge entry offers next: what a short follow-up likely asks. */
  private readonly related = new Map<string, string[]>();

  /** Whether recent understandings are kept (off for the benchmark, which measures the work). */
  private readonly remember: boolean;

  constructor(sources: UnderstandingSources, tuning: Partial<Tuning> = {}, opts: { remember?: boolean } = {}) {
    this.tuning = { ...TUNING, ...tuning };
    this.remember = opts.remember ?? true;
    for (const v of sources.answers) {
      this.topics.set(v.target, v.topic ?? v.target);
      if (v.related) this.related.set(v.target, v.related);
    }
    this.gazetteer = new Gazetteer(sources.regions, sources.aliases);
    this.index = new AnswerIndex(sources.answers);
  }

  private readonly everyday = everydayWords();
  private readonly everydayEnglish = everydayWords('en');
  private readonly everydayIndonesian = everydayWords('id');

  private readonly meaningfulCache = new Map<string, boolean>();

  /** Whether a word means something besides a place: grammar, slang, a word of any question, an everyday word. */
  meaningful = (word: string): boolean => {
    let known = this.meaningfulCache.get(word);
    if (known === undefined) {
      if (this.meaningfulCache.size > MAX_CACHED_WORDS) this.meaningfulCache.clear();
      this.meaningfulCache.set(word, (known = this.isMeaningful(word)));
    }
    return known;
  };

  private isMeaningful(word: string): boolean {
    const standard = standardWord(word);
    return (
      STOPWORDS.has(standard) ||
      word in SLANG ||
      this.index.vocabulary.has(word) ||
      this.index.vocabulary.has(standard) ||
      INDONESIAN_MARKERS.has(standard) ||
      ENGLISH_MARKERS.has(word) ||
      this.everyday.has(word) ||
      this.everyday.has(standard)
    );
  }

  /** Whether the questions use the word ("status", "kepatuhan"): such a word after a company's name is the question's. */
  private readonly asked = (word: string): boolean => this.index.vocabulary.has(word);

  /** Words of the questions by first letter and length, for spelling corrections (a typo seldom hits the first letter). */
  private readonly spellings = new Map<string, string[]>();

  /**
   * A word no dictionary knows, spelled as the word of the questions it is one typo from
   * ("penghargan" → "penghargaan", two for long words); otherwise as typed.
   */
  correct = (word: string): string => {
    // A word with a real root ("dikabarin": "kabar") is no typo, though no list has it.
    if (word.length < 5 || /\d/.test(word) || this.meaningful(word) || hasIndonesianRoot(standardWord(word))) return word;
    if (!this.spellings.size) {
      for (const w of this.index.vocabulary) {
        if (w.length < 5 || /\d/.test(w)) continue;
        const key = `${w[0]}${w.length}`;
        const list = this.spellings.get(key);
        if (list) list.push(w);
        else this.spellings.set(key, [w]);
      }
    }
    const budget = word.length >= 9 ? 2 : 1;
    let best: { word: string; distance: number } | undefined;
    for (let length = word.length - budget; length <= word.length + budget; length++) {
      for (const candidate of this.spellings.get(`${word[0]}${length}`) ?? []) {
        const distance = withinEdits(word, candidate, best ? best.distance - 1 : budget);
        if (distance !== undefined) best = { word: candidate, distance };
      }
    }
    return best?.word ?? word;
  };

  /**
   * The language of the words: those only English uses (its markers, and everyday English
   * words that are no Indonesian ones) against those only Indonesian uses (chat spellings,
   * markers, everyday Indonesian words). Undefined when they do not tell.
   */
  language(words: string[], places: PlaceMatch[] = [], named = companyName(words, this.asked)): Language | undefined {
    let id = 0;
    let en = 0;
    for (const [i, w] of words.entries()) {
      // A company's name says no language ("PT Yamaha Musical Products ... pernah dapet?"),
      // nor does a place's, unless it is an English one ("west java").
      if (named.has(i) || /\d/.test(w) || (places.some((p) => p.start <= i && i < p.end) && !ENGLISH_MARKERS.has(w))) continue;
      // A chat spelling is Indonesian unless it stands for itself ("coverage", "income").
      const spelledAsItself = !(w in SLANG) || SLANG[w] === w;
      const english = ENGLISH_MARKERS.has(w) || (this.everydayEnglish.has(w) && !this.everydayIndonesian.has(w) && spelledAsItself);
      const indonesian =
        !english &&
        ((w in SLANG && !this.everydayEnglish.has(w)) ||
          INDONESIAN_MARKERS.has(standardWord(w)) ||
          (this.everydayIndonesian.has(w) && !this.everydayEnglish.has(w)));
      if (english) en++;
      else if (indonesian) id++;
    }
    if (en >= 2 && en > id) return 'en';
    // One English word alone ("paritrana award") is Indonesian usage as much as English.
    if (en >= 2 && id === 0) return 'en';
    if (id >= 1 && id >= en) return 'id';
    return undefined;
  }

  slots(text: string, words: string[], named = companyName(words, this.asked)): Slots {
    // "PT Semen Padang" names a company, not the city.
    const found = this.gazetteer.find(words, this.meaningful).filter((p) => !named.has(p.start));
    // "sa org jayapura, mo tanya peserta di papua": where the person is from comes after what they ask about.
    const origin = found.map((p) => this.isOrigin(words, p));
    const asked = found.filter((_, i) => !origin[i]);
    const places = found.length > 1 && asked.length ? [...asked, ...found.filter((_, i) => origin[i])] : found;
    const standard = words.map(standardWord);
    // "talaud ... se sulut": a regency and the province it is in are one place, said with where it is.
    const own = places.length - (found.length > 1 && asked.length ? asked.length : places.length);
    const [a, b] = places;
    const nested = !!a && !!b && (inside(a, b) || inside(b, a));
    const slots: Slots = { places, ownPlaces: nested && places.length - own >= 2 ? own + 1 : own };
    // An amount is an income when the message speaks of earning or paying, or says nothing else.
    const income = incomeIn(text.replace(NOT_AN_AMOUNT, ' '));
    // A cue counts near an amount ("penghasilan 3jt", "3jt sebulan"), not across the message
    // ("dpt pensiun 3jt dr taspen ... takut cucu kena situs abal2").
    const amountAt = words.flatMap((w, i) => (/\d/.test(w) || AMOUNT_WORDS.has(standard[i]!) ? [i] : []));
    const nearAmount = (i: number) => amountAt.some((k) => Math.abs(k - i) <= CUE_REACH);
    const aboutIncome =
      standard.some((w, i) => INCOME_CUES.has(w) && nearAmount(i)) ||
      !standard.some((w, i) => /\p{L}/u.test(w) && !/\d/.test(words[i]!) && !STOPWORDS.has(w) && !AMOUNT_WORDS.has(w));
    if (income !== undefined && aboutIncome) slots.income = income;
    const year = YEAR.exec(text)?.[1];
    if (year) slots.year = Number(year);
    const programme = words.map((w) => PROGRAMME_WORDS[w]).find(Boolean);
    if (programme) slots.programme = programme;
    if (words.some((w) => TRANSPORT_WORDS.has(w))) slots.transport = true;
    const standardText = ` ${standard.join(' ')} `;
    const typedText = ` ${words.join(' ')} `;
    if (phrasesIn(standardText, WITHOUT_JHT)) slots.withJht = false;
    else if (phrasesIn(standardText, WITH_JHT)) slots.withJht = true;
    const order = SUPERLATIVES.find((s) => phrasesIn(standardText, [s.words]) || phrasesIn(typedText, [s.words]));
    if (order) slots.order = order.order;
    // Regencies and cities, said outside a place's name ("kota padang" names a city; "kota mana" asks for them).
    if (words.some((w, i) => REGENCY_WORDS.has(w) && !places.some((p) => p.start <= i && i < p.end))) slots.rankLevel = 'regency';
    if (words.some((w, i) => PROVINCE_WORDS.has(w) && !places.some((p) => p.start <= i && i < p.end))) slots.provinces = true;
    if (standard.some((w) => PERCENT_WORDS.has(w))) slots.metric = 'percent';
    else if (standard.some((w) => COUNT_WORDS.has(w))) slots.metric = 'participants';
    return slots;
  }

  /**
   * Whether a place says where the person is from or works ("sy guru honorer di
   * pontianak", "sa org jayapura"): a first-person word shortly before it, with only words of who
   * they are between (a trade, "orang", "di", or words no question uses).
   */
  private isOrigin(words: string[], place: PlaceMatch): boolean {
    const { start, end } = place;
    // Named again later ("sy pegawai pemkab ketapang mau konfirmasi ketapang juara 1"): also the subject.
    const span = words.slice(place.kindHint ? start + 1 : start, end).join(' ');
    if (` ${words.slice(end).join(' ')} `.includes(` ${span} `)) return false;
    for (let i = start - 1; i >= 0 && i >= start - ORIGIN_REACH; i--) {
      const w = standardWord(words[i]!);
      if (w === 'saya' || w === 'kami') return true;
      if (!ORIGIN_WORDS.has(w) && !TRADES.has(w) && !STOPWORDS.has(w) && this.asked(w)) return false;
    }
    return false;
  }

  /** The last understandings: many people ask the same few questions. Treat them as read-only. */
  private readonly recent = new Map<string, Understanding>();

  understand(text: string, context?: ChatContext): Understanding {
    if (!this.remember) return this.understandAfresh(text, context);
    const key = context ? `${text}\u0000${JSON.stringify(context)}` : text;
    const known = this.recent.get(key);
    if (known) return known;
    const understood = this.understandAfresh(text, context);
    if (this.recent.size >= MAX_CACHED_UNDERSTANDINGS) this.recent.clear();
    this.recent.set(key, understood);
    return understood;
  }

  private understandAfresh(text: string, context?: ChatContext): Understanding {
    const words = rawWords(text);
    // Names are what the question is about, not what it asks: neither a place's nor a company's ranks answers.
    const named = companyName(words, this.asked);
    const slots = this.slots(text, words, named);
    const lang = this.language(words, slots.places, named) ?? context?.lang;
    const inPlace = (i: number) => slots.places.some((p) => p.start <= i && i < p.end);
    const yearText = slots.year ? String(slots.year) : undefined;
    const rest = words.filter((w, i) => !inPlace(i) && !(named.has(i) && !COMPANY_WORDS.has(w)) && w !== yearText);
    const stems = contentStems(rest, lang ?? 'id', this.meaningful, this.correct);

    const BOOSTS = this.tuning;
    const regional = slots.places.some((p) => p.candidates[0]?.level !== 'country');
    const provinceNamed = slots.places[0]?.candidates[0]?.level === 'province';
    const contextProvince = !slots.places.length && isProvinceCode(context?.placeCode);
    // A question without topic words of its own ("klo jambi?"), or one that opens like a
    // follow-up ("and with jht?"), continues the last one; a new question does not.
    const topicStems = stems.filter((s) => !isQuestionMarker(s.stem));
    const followUp = !!context && (FOLLOW_UP_WORDS.has(standardWord(words[0] ?? '')) || !topicStems.length);
    const stemSet = new Set(stems.map((s) => s.stem));
    // "penghasilan yg didaftarin 3jt, keluarga dpt santunan brp": the amount asked is a benefit, not the dues.
    const asksBenefit = stemSet.has('manfaat') && !COST_STEMS.some((w) => stemSet.has(w));
    const ranked = this.index.rank(stems).filter((r) => r.target !== 'chart' || CHART_WORDS.some((w) => stemSet.has(w)));
    // Whether the message asks something besides these stems: a kind of question, or two words some answer knows.
    const asksMore = (terms: string[]) => {
      const rest = topicStems.filter((s) => !terms.includes(s.stem) && this.index.knows(s.stem));
      return stems.some((s) => isQuestionMarker(s.stem)) || rest.length >= 2;
    };
    // A place named speaks for the answers about places, unless another answer explains the
    // question far better ("a freelancer in Bali, can I join?" asks who may join).
    // Entries that explain coverage or the award ("what do the categories mean") do not count:
    // with a place named, its own figures or awards are the likelier answer.
    const bestElsewhere = Math.max(
      0,
      ...ranked
        .filter((r) => !TAKES_PLACE.has(r.target) && !PLACE_TOPICS.has(this.topics.get(r.target) ?? ''))
        .map((r) => confidenceOf(r.matched, r.covered)),
    );
    const boost = (target: string, confidence: number): number => {
      let factor = 1;
      // Indonesia as a whole ("nasional") is what these answers give without a place anyway.
      // ... but "kota di sumbar yg ucj paling tinggi" asks which of its cities, not the province's figure.
      const asksWhichRegion = !!slots.order && !!slots.rankLevel && (target === 'coverage' || target === 'compare');
      if (regional && TAKES_PLACE.has(target) && !asksWhichRegion && confidence >= bestElsewhere - BOOSTS.placeMargin)
        factor *= BOOSTS.placeAnswer;
      if (slots.places.length - slots.ownPlaces >= 2 && target === 'compare') factor *= BOOSTS.twoPlacesCompare;
      // An income in a "can I ...?" question that asks no amount ("1,5jt sebulan, bs ikut?") is the person's story.
      if (slots.income !== undefined && target === 'calculator' && !asksBenefit && (!stemSet.has('qcan') || stemSet.has('qhowmuch')))
        factor *= BOOSTS.incomeCalculator;
      if (slots.year !== undefined && target === 'awards') factor *= BOOSTS.yearAwards;
      // A company named ("PT Maju Jaya pernah menang?") is what its awards or its standing are about.
      if (named.size && (target === 'awards' || target === 'company')) factor *= BOOSTS.companyNamed;
      if (slots.order && target === 'ranking') factor *= BOOSTS.orderRanking;
      // "kabupaten di bali yg cakupannya paling rendah": the province is where the ranking is.
      if (target === 'ranking' && slots.rankLevel && slots.order && (provinceNamed || contextProvince)) factor *= BOOSTS.placeAnswer;
      // "kabarin sy tiap ada update data cakupan kalbar" asks to be told, whatever it is about.
      if (target === 'subscribe' && SUBSCRIBE_WORDS.some((w) => stemSet.has(w)) && !asksOwn('reminder', stemSet))
        factor *= BOOSTS.askSubscribe;
      if (asksOwn(target, stemSet) && !slots.places.length) factor *= BOOSTS.askSubscribe;
      if (followUp && context?.target === target) factor *= BOOSTS.context;
      // A short question after an answer ("dokumennya apa aja?") is likely about the same topic.
      if (context && topicStems.length <= 2 && target !== context.target) {
        if (this.related.get(context.target)?.includes(target)) factor *= BOOSTS.related;
        else if (this.topics.get(target) === this.topics.get(context.target)) factor *= BOOSTS.sameTopic;
      }
      return factor;
    };
    // "The most" of regions or of coverage ("yg paling rendah kab mana") is evidence for the ranking.
    if (slots.order && (slots.rankLevel || slots.metric) && !ranked.some((r) => r.target === 'ranking')) {
      ranked.push({ target: 'ranking', score: (ranked[0]?.score ?? 1) * INCOME_EVIDENCE, matched: 1, covered: 1, terms: [], hits: 1 });
    }
    // Words of one's own reminder or data are evidence for it, whatever else the index found.
    for (const { target } of OWN_ASKS)
      if (asksOwn(target, stemSet) && !slots.places.length && !ranked.some((r) => r.target === target))
        ranked.push({ target, score: (ranked[0]?.score ?? 1) * INCOME_EVIDENCE, matched: 1, covered: 1, terms: [], hits: 1 });
    // An amount named is evidence for the calculator, whatever words came with it.
    if (slots.income !== undefined && !ranked.some((r) => r.target === 'calculator')) {
      ranked.push({ target: 'calculator', score: (ranked[0]?.score ?? 1) * INCOME_EVIDENCE, matched: 1, covered: 1, terms: [], hits: 1 });
    }
    const candidates: Candidate[] = ranked
      .map((r) => {
        // The place named is part of what an answer about places explains.
        const matched = regional && TAKES_PLACE.has(r.target) ? (r.matched + BOOSTS.placeShare) / (1 + BOOSTS.placeShare) : r.matched;
        const confidence = confidenceOf(matched, r.covered);
        return { target: r.target, confidence, score: r.score * boost(r.target, confidence) };
      })
      .filter(
        (c) =>
          c.confidence >= (SMALL_TALK.has(c.target) ? this.tuning.smallTalk : this.tuning.minConfidence) &&
          (NEEDS[c.target]?.(slots, stemSet) ?? true),
      )
      // A greeting or thanks answers a message that is mostly one ("pagi min"), not a question
      // that opens or ends with one ("Selamat siang Bapak/Ibu. Saya ingin mengetahui berapa ...").
      .filter((c) => !SMALL_TALK.has(c.target) || !asksMore(ranked.find((r) => r.target === c.target)!.terms))
      .sort((a, b) => b.score - a.score);

    const result = (decision: Decision, target?: string): Understanding => {
      const u: Understanding = { lang, slots, candidates, decision, fromContext: [], ...(target ? { target } : {}) };
      // The same question again ("iurannya brp?" after the income) or a follow-up takes what it lacks from the last.
      // Subscribing asks for a place; without one it is the place just asked about ("kabari sy soal ini").
      if (target && (followUp || target === context?.target || target === 'compare' || target === 'subscribe'))
        this.fillFromContext(u, target, context, followUp);
      return u;
    };

    // Nothing but names, numbers and words no dictionary knows (typos, names): what they name answers.
    const saysSomething = topicStems.some((s) => s.meaningful);
    // An income named with "berapa" / "how much", or with no answer for the words: a calculation,
    // unless another answer explains the question far better ("gaji 2 juta, kalo meninggal ...").
    const clearlyElse =
      candidates[0] &&
      candidates[0].target !== 'calculator' &&
      candidates[0].confidence >= SURE_ELSEWHERE &&
      (candidates.find((c) => c.target === 'calculator')?.confidence ?? 0) < 0.5;
    if (slots.income !== undefined && (!candidates.length || stemSet.has('qhowmuch')) && !clearlyElse && !asksBenefit)
      return result('answer', 'calculator');
    // Asked exactly as one answer's question is written ("bantuan", "what can you do").
    const phrase = this.index.phrase(rest);
    if (phrase === 'outside') return result('none');
    if (phrase && (NEEDS[phrase]?.(slots, stemSet) ?? true)) return result('answer', phrase);
    if (!candidates.length && !saysSomething) {
      if (slots.places.length - slots.ownPlaces >= 2) return result('answer', 'compare');
      if (slots.places.length === 1) {
        return result('answer', followUp && context && FOLLOWS_PLACE.has(context.target) ? context.target : 'coverage');
      }
      if (slots.income !== undefined) return result('answer', 'calculator');
      if (slots.year !== undefined) return result('answer', 'awards');
      if (slots.order) return result('answer', 'ranking');
      // "tahun brp?", "trus?": the last question again, with what this one adds.
      if (followUp && context) return result('answer', context.target);
      return result('none');
    }
    const [first, second] = candidates;
    if (!first || first.target === 'outside') return result('none');
    // A topic only the bot's examples of what it does not cover name ("pinjol", "prakerja") is
    // what the question is about, when those examples explain as much of it as the best answer.
    const outside = candidates.find((c) => c.target === 'outside');
    if (outside && outside.confidence >= first.confidence && topicStems.some((s) => this.index.onlyOf(s.stem, 'outside')))
      return result('none');
    const close = second && second.score >= first.score * this.tuning.closeCall && first.confidence < this.tuning.sure;
    // Choices among answers that each explain little of the question help nobody.
    if (close) return first.confidence < this.tuning.minChoice ? result('none') : result('choose', first.target);
    return result('answer', first.target);
  }

  /** Choices for a close call: the first few candidates within reach of the first. */
  static choices(u: Understanding): string[] {
    const [first] = u.candidates;
    if (!first) return [];
    return u.candidates
      .filter((c) => c.score >= first.score * 0.6 && c.target !== 'outside')
      .slice(0, TUNING.maxChoices)
      .map((c) => c.target);
  }

  private fillFromContext(u: Understanding, target: string, context: ChatContext | undefined, followUp: boolean): void {
    if (!context) return;
    const places = u.slots.places.length;
    // "kalo jambi?" names its own place; "bandingin sm lampung" compares with the last one.
    if (context.placeText && TAKES_PLACE.has(target) && target !== 'ranking' && (!places || (target === 'compare' && places === 1))) {
      u.fromContext.push('place');
    }
    // "yg paling rendah kab mana" after a province's figures ranks that province's regencies.
    if (context.placeText && target === 'ranking' && u.slots.rankLevel && !places && isProvinceCode(context.placeCode)) {
      u.fromContext.push('place');
    }
    if (target === 'calculator' && u.slots.income === undefined && context.income !== undefined) {
      u.slots.income = context.income;
      u.fromContext.push('income');
      if (u.slots.withJht === undefined && context.withJht !== undefined) u.slots.withJht = context.withJht;
      if (u.slots.transport === undefined && context.transport !== undefined) u.slots.transport = context.transport;
    }
    // "yg 2024?" keeps the place, "klo ntb?" after a year's winners keeps the year.
    const sameRound = u.fromContext.includes('place') || (followUp && context.target === 'awards');
    if (target === 'awards' && u.slots.year === undefined && context.year !== undefined && sameRound) {
      u.slots.year = context.year;
      u.fromContext.push('year');
    }
  }
}
