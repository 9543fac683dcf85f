// What each import file holds: its columns, how a row is checked, which row of the
// database it becomes, and what it must find there (regions, ceremonies, companies).
import { z } from 'zod';
import { normalizeRegionText } from '../regions/region-names.ts';
import { isBuiltInTarget } from '../understanding/understand.ts';
import { parseTelegramHtml } from '../../i18n/telegram-html.ts';
import { field } from './import-fields.ts';
import type { IndonesianDate } from './indonesian-values.ts';

export const IMPORT_KINDS = ['coverage', 'ceremonies', 'awards', 'companies', 'aliases', 'contribution-rules', 'knowledge'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKindName {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/** A database column: its name and the SQL type its canonical text is cast to. */
export interface DbColumn {
  name: string;
  cast: string;
}

/** A value the row needs to find in the database. */
export interface Reference {
  column: string;
  to: 'region' | 'province' | 'ceremony' | 'company';
  value: string;
  /** The region's name as the file gives it, checked against the code. */
  expectName?: string | null;
}

export interface ImportKind {
  name: ImportKindName;
  table: string;
  schema: z.ZodType<Record<string, unknown>>;
  /** Every column the file may have; the schema says which are required. */
  columns: readonly string[];
  requiredColumns: readonly string[];
  /** Key columns first: a row is identified by them. */
  dbColumns: readonly DbColumn[];
  keyColumnCount: number;
  /** The row as canonical text per database column, the form `col::text` reads back. */
  toDb(row: Record<string, unknown>): (string | null)[];
  references(row: Record<string, unknown>): Reference[];
  /** The file column to blame when two rows share a key. */
  keyColumn: string;
}

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const dateText = (v: unknown): string | null => (v ? (v as IndonesianDate).date : null);
const fixed = (digits: number) => (v: unknown) => (v === null || v === undefined ? null : (v as number).toFixed(digits));
const bool = (v: unknown): string => (v ? 'true' : 'false');

const LEVELS = { nasional: 'national', national: 'national', provinsi: 'provincial', provincial: 'provincial' } as const;
const CATEGORIES = {
  pemerintah_provinsi: 'pemerintah_provinsi',
  pemerintah_kabupaten_kota: 'pemerintah_kabupaten_kota',
  pemerintah_kabupaten: 'pemerintah_kabupaten_kota',
  pemerintah_kota: 'pemerintah_kabupaten_kota',
  pemerintah_desa: 'pemerintah_desa',
  perusahaan_besar: 'perusahaan_besar',
  perusahaan_menengah: 'perusahaan_menengah',
  usaha_kecil_mikro: 'usaha_kecil_mikro',
  ukm: 'usaha_kecil_mikro',
  umk: 'usaha_kecil_mikro',
  perusahaan: 'perusahaan',
  sektor: 'sektor',
  khusus: 'khusus',
} as const;
const SIZES = { besar: 'besar', menengah: 'menengah', kecil: 'kecil', mikro: 'mikro' } as const;
const STATUSES = { aktif: 'aktif', menunggak: 'menunggak', nonaktif: 'nonaktif', non_aktif: 'nonaktif' } as const;
const PROGRAMMES = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'] as const;
const PROGRAMME_VALUES = { jkk: 'JKK', jkm: 'JKM', jht: 'JHT', jp: 'JP', jkp: 'JKP' } as const;
const SEGMENTS = { bpu: 'BPU', pu: 'PU' } as const;
const SECTORS = {
  semua: 'any',
  any: 'any',
  transportasi: 'transport',
  transport: 'transport',
  selain_transportasi: 'non_transport',
  non_transport: 'non_transport',
} as const;

/** Cross-column rules: each names the column it blames. */
type Rule = (row: Row) => { column: string; code: string; params?: Record<string, string | number> } | undefined;

function withRules<S extends z.ZodObject>(shape: S, rules: Rule[]) {
  return shape.superRefine((row, ctx) => {
    for (const rule of rules) {
      const problem = rule(row as Row);
      if (problem) ctx.addIssue({ code: 'custom', path: [problem.column], message: problem.code, params: problem.params ?? {} });
    }
  }) as unknown as z.ZodType<Row>;
}

function defineKind(
  spec: Omit<ImportKind, 'columns' | 'requiredColumns' | 'schema' | 'keyColumnCount'> & {
    shape: z.ZodObject;
    required: readonly string[];
    keyColumns: number;
    rules?: Rule[];
  },
): ImportKind {
  const { shape, required, keyColumns, rules = [], ...rest } = spec;
  return {
    ...rest,
    schema: withRules(shape, rules),
    columns: Object.keys(shape.shape),
    requiredColumns: required,
    keyColumnCount: keyColumns,
  };
}

const source = (today: string) => ({
  source_name: field.text(200),
  source_url: field.optionalUrl(),
  source_date: field.optionalDate(today),
  uncertain: field.boolean(),
  /** The public remark, in Indonesian; `note_en` the same in English. */
  note: field.optionalText(2000),
  note_en: field.optionalText(2000),
  /** What maintainers tell each other ("rank not given by the source"): stored, never shown. */
  internal_note: field.optionalText(2000),
});
const SOURCE_DB: DbColumn[] = [
  { name: 'sourceName', cast: 'text' },
  { name: 'sourceUrl', cast: 'text' },
  { name: 'sourceDate', cast: 'date' },
  { name: 'uncertain', cast: 'boolean' },
  { name: 'note', cast: 'text' },
  { name: 'noteEn', cast: 'text' },
  { name: 'internalNote', cast: 'text' },
];
const sourceDb = (r: Row) => [
  str(r.source_name),
  str(r.source_url),
  dateText(r.source_date),
  bool(r.uncertain),
  str(r.note),
  str(r.note_en),
  str(r.internal_note),
];

const has = (v: unknown) => v !== null && v !== undefined;

/** A text[] as PostgreSQL writes it back (`col::text`): quoted where array_out quotes. */
export function pgTextArray(items: readonly string[]): string {
  const quote = (item: string) =>
    item === '' || /^null$/i.test(item) || /[{}",\\\s]/.test(item) ? `"${item.replace(/[\\"]/g, '\\$&')}"` : item;
  return `{${items.map(quote).join(',')}}`;
}

const MAX_KNOWLEDGE_ID = 40;

export const KNOWLEDGE_TOPICS = {
  enroll: 'enroll',
  programmes: 'programmes',
  contribution: 'contribution',
  payment: 'payment',
  arrears: 'arrears',
  benefits: 'benefits',
  claims: 'claims',
  card: 'card',
  jmo: 'jmo',
  contact: 'contact',
  paritrana: 'paritrana',
  coverage: 'coverage',
} as const;

/** A knowledge answer must be HTML that Telegram accepts. */
const telegramHtml = (column: string) => (r: Row) => {
  const parsed = parseTelegramHtml(String(r[column] ?? ''));
  return parsed.ok ? undefined : { column, code: 'bad_html', params: { reason: parsed.description } };
};

export function importKinds(today: string): Record<ImportKindName, ImportKind> {
  const coverage = defineKind({
    name: 'coverage',
    table: 'CoverageSnapshot',
    shape: z.object({
      region_code: field.regionCode(),
      region_name: field.optionalText(200),
      as_of: field.date(today),
      active_participants: field.optionalInteger(),
      wage_earners: field.optionalInteger(),
      informal: field.optionalInteger(),
      working_population: field.optionalInteger(),
      coverage_percent: field.optionalPercent(),
      wage_earners_percent: field.optionalPercent(),
      informal_percent: field.optionalPercent(),
      target_percent: field.optionalPercent(),
      target_year: field.optionalInteger(2015, 2100),
      measure: field.optionalText(100),
      ...source(today),
    }),
    required: ['region_code', 'as_of', 'source_name'],
    // Region, period and source: two sources of one period are two rows.
    keyColumns: 3,
    keyColumn: 'as_of',
    rules: [
      (r) =>
        [
          'active_participants',
          'wage_earners',
          'informal',
          'working_population',
          'coverage_percent',
          'wage_earners_percent',
          'informal_percent',
        ].some((c) => has(r[c]))
          ? undefined
          : { column: 'active_participants', code: 'no_figures' },
      (r) =>
        has(r.active_participants) && ((r.wage_earners as number) ?? 0) + ((r.informal as number) ?? 0) > (r.active_participants as number)
          ? { column: 'informal', code: 'parts_exceed_total' }
          : undefined,
      (r) =>
        has(r.active_participants) && has(r.working_population) && (r.active_participants as number) > (r.working_population as number)
          ? { column: 'active_participants', code: 'participants_exceed_population' }
          : undefined,
      (r) => (has(r.target_percent) && !has(r.target_year) ? { column: 'target_year', code: 'target_year_required' } : undefined),
    ],
    dbColumns: [
      { name: 'regionCode', cast: 'text' },
      { name: 'asOf', cast: 'date' },
      SOURCE_DB[0]!,
      { name: 'asOfPrecision', cast: '"DatePrecision"' },
      { name: 'activeParticipants', cast: 'integer' },
      { name: 'wageEarners', cast: 'integer' },
      { name: 'informal', cast: 'integer' },
      { name: 'workingPopulation', cast: 'integer' },
      { name: 'coveragePercent', cast: 'numeric' },
      { name: 'wageEarnersPercent', cast: 'numeric' },
      { name: 'informalPercent', cast: 'numeric' },
      { name: 'targetPercent', cast: 'numeric' },
      { name: 'targetYear', cast: 'integer' },
      { name: 'measure', cast: 'text' },
      ...SOURCE_DB.slice(1),
    ],
    toDb: (r) => [
      str(r.region_code),
      dateText(r.as_of),
      str(r.source_name),
      (r.as_of as IndonesianDate).precision,
      str(r.active_participants),
      str(r.wage_earners),
      str(r.informal),
      str(r.working_population),
      fixed(2)(r.coverage_percent),
      fixed(2)(r.wage_earners_percent),
      fixed(2)(r.informal_percent),
      fixed(2)(r.target_percent),
      str(r.target_year),
      str(r.measure),
      ...sourceDb(r).slice(1),
    ],
    references: (r) => [
      { column: 'region_code', to: 'region', value: r.region_code as string, expectName: r.region_name as string | null },
    ],
  });

  const ceremonies = defineKind({
    name: 'ceremonies',
    table: 'AwardCeremony',
    shape: z.object({
      id: field.key(),
      edition: field.integer(2015, 2100),
      assessment_year: field.optionalInteger(2015, 2100),
      level: field.oneOf(LEVELS),
      province_code: field.optionalRegionCode(),
      // A ceremony may be announced before it happens: no limit on the date.
      date: field.optionalDate(),
      time: field.optionalTime(),
      time_zone: field.optionalTimeZone(),
      venue: field.optionalText(200),
      city: field.optionalText(100),
      ...source(today),
    }),
    required: ['id', 'edition', 'level', 'source_name'],
    keyColumns: 1,
    keyColumn: 'id',
    rules: [
      (r) => (r.level === 'provincial' && !has(r.province_code) ? { column: 'province_code', code: 'province_required' } : undefined),
      (r) => (r.level === 'national' && has(r.province_code) ? { column: 'province_code', code: 'province_not_allowed' } : undefined),
      (r) => (has(r.time) && !has(r.date) ? { column: 'time', code: 'time_without_date' } : undefined),
    ],
    dbColumns: [
      { name: 'id', cast: 'text' },
      { name: 'edition', cast: 'integer' },
      { name: 'assessmentYear', cast: 'integer' },
      { name: 'level', cast: '"AwardLevel"' },
      { name: 'provinceCode', cast: 'text' },
      { name: 'date', cast: 'date' },
      { name: 'time', cast: 'text' },
      { name: 'timeZone', cast: 'text' },
      { name: 'venue', cast: 'text' },
      { name: 'city', cast: 'text' },
      ...SOURCE_DB,
    ],
    toDb: (r) => [
      str(r.id),
      str(r.edition),
      str(r.assessment_year),
      str(r.level),
      str(r.province_code),
      dateText(r.date),
      str(r.time),
      str(r.time_zone) ?? 'Asia/Jakarta',
      str(r.venue),
      str(r.city),
      ...sourceDb(r),
    ],
    references: (r) => (r.province_code ? [{ column: 'province_code', to: 'province', value: r.province_code as string }] : []),
  });

  const recipientKey = (r: Row) =>
    r.region_code
      ? `region:${r.region_code as string}`
      : r.company_npp
        ? `company:${r.company_npp as string}`
        : `org:${normalizeRegionText(String(r.organisation_name ?? ''))}`;
  const awards = defineKind({
    name: 'awards',
    table: 'Award',
    shape: z.object({
      ceremony_id: field.key(),
      category: field.oneOf(CATEGORIES),
      sector: field.optionalText(100),
      rank: field.optionalInteger(1, 100),
      title: field.text(200),
      title_en: field.optionalText(200),
      region_code: field.optionalRegionCode(),
      company_npp: field.optionalText(64),
      organisation_name: field.optionalText(200),
      ...source(today),
    }),
    required: ['ceremony_id', 'category', 'title', 'source_name'],
    keyColumns: 4,
    keyColumn: 'title',
    rules: [
      (r) =>
        [r.region_code, r.company_npp, r.organisation_name].filter(has).length === 1
          ? undefined
          : { column: 'region_code', code: 'one_recipient' },
    ],
    dbColumns: [
      { name: 'ceremonyId', cast: 'text' },
      { name: 'category', cast: '"AwardCategory"' },
      { name: 'recipientKey', cast: 'text' },
      { name: 'title', cast: 'text' },
      { name: 'sector', cast: 'text' },
      { name: 'rank', cast: 'integer' },
      { name: 'recipientType', cast: '"RecipientType"' },
      { name: 'regionCode', cast: 'text' },
      { name: 'companyNpp', cast: 'text' },
      { name: 'organisationName', cast: 'text' },
      { name: 'titleEn', cast: 'text' },
      ...SOURCE_DB,
    ],
    toDb: (r) => [
      str(r.ceremony_id),
      str(r.category),
      recipientKey(r),
      str(r.title),
      str(r.sector),
      str(r.rank),
      r.region_code ? 'region' : r.company_npp ? 'company' : 'organisation',
      str(r.region_code),
      str(r.company_npp),
      str(r.organisation_name),
      str(r.title_en),
      ...sourceDb(r),
    ],
    references: (r) => [
      { column: 'ceremony_id', to: 'ceremony', value: r.ceremony_id as string },
      ...(r.region_code ? [{ column: 'region_code', to: 'region' as const, value: r.region_code as string }] : []),
      ...(r.company_npp ? [{ column: 'company_npp', to: 'company' as const, value: r.company_npp as string }] : []),
    ],
  });

  const companies = defineKind({
    name: 'companies',
    table: 'Company',
    shape: z.object({
      npp: field.key(),
      name: field.text(200),
      region_code: field.regionCode(),
      size_class: field.oneOf(SIZES),
      sector: field.text(100),
      status: field.oneOf(STATUSES),
      enrolled_workers: field.integer(),
      reported_workforce: field.integer(),
      programmes: field.list(PROGRAMMES),
      months_in_arrears: field.optionalInteger(0, 600),
      /** In rupiah: "Rp12.500.000", "12,5 juta". */
      arrears_amount: field.optionalInteger(0),
      as_of: field.date(today),
      is_sample: field.boolean(),
      note: field.optionalText(2000),
    }),
    required: [
      'npp',
      'name',
      'region_code',
      'size_class',
      'sector',
      'status',
      'enrolled_workers',
      'reported_workforce',
      'programmes',
      'as_of',
    ],
    keyColumns: 1,
    keyColumn: 'npp',
    rules: [
      (r) =>
        (r.enrolled_workers as number) > (r.reported_workforce as number)
          ? { column: 'enrolled_workers', code: 'enrolled_exceeds_workforce' }
          : undefined,
    ],
    dbColumns: [
      { name: 'npp', cast: 'text' },
      { name: 'name', cast: 'text' },
      { name: 'regionCode', cast: 'text' },
      { name: 'sizeClass', cast: '"CompanySize"' },
      { name: 'sector', cast: 'text' },
      { name: 'status', cast: '"CompanyStatus"' },
      { name: 'enrolledWorkers', cast: 'integer' },
      { name: 'reportedWorkforce', cast: 'integer' },
      { name: 'programmes', cast: '"Programme"[]' },
      { name: 'monthsInArrears', cast: 'integer' },
      { name: 'arrearsAmount', cast: 'bigint' },
      { name: 'asOf', cast: 'date' },
      { name: 'isSample', cast: 'boolean' },
      { name: 'note', cast: 'text' },
    ],
    toDb: (r) => [
      str(r.npp),
      str(r.name),
      str(r.region_code),
      str(r.size_class),
      str(r.sector),
      str(r.status),
      str(r.enrolled_workers),
      str(r.reported_workforce),
      `{${(r.programmes as string[]).join(',')}}`,
      str(r.months_in_arrears ?? 0),
      str(r.arrears_amount),
      dateText(r.as_of),
      bool(r.is_sample),
      str(r.note),
    ],
    references: (r) => [{ column: 'region_code', to: 'region', value: r.region_code as string }],
  });

  const aliases = defineKind({
    name: 'aliases',
    table: 'RegionAlias',
    shape: z.object({ alias: field.text(100), region_code: field.regionCode() }),
    required: ['alias', 'region_code'],
    keyColumns: 2,
    keyColumn: 'alias',
    rules: [(r) => (normalizeRegionText(String(r.alias)).length < 2 ? { column: 'alias', code: 'alias_too_short' } : undefined)],
    dbColumns: [
      { name: 'alias', cast: 'text' },
      { name: 'regionCode', cast: 'text' },
    ],
    toDb: (r) => [normalizeRegionText(String(r.alias)), str(r.region_code)],
    references: (r) => [{ column: 'region_code', to: 'region', value: r.region_code as string }],
  });

  const contributionRules = defineKind({
    name: 'contribution-rules',
    table: 'ContributionRule',
    shape: z.object({
      id: field.key(),
      programme: field.oneOf(PROGRAMME_VALUES),
      segment: field.oneOf(SEGMENTS),
      rate_percent: field.optionalDecimal(0, 100),
      flat_amount: field.optionalInteger(0),
      discount_percent: field.optionalPercent(),
      income_min: field.optionalInteger(0),
      income_max: field.optionalInteger(0),
      valid_from: field.date(),
      valid_to: field.optionalDate(),
      sector: field.optionalOneOf(SECTORS),
      legal_basis: field.text(300),
      ...source(today),
    }),
    required: ['id', 'programme', 'segment', 'valid_from', 'legal_basis', 'source_name'],
    keyColumns: 1,
    keyColumn: 'id',
    rules: [
      (r) =>
        [r.rate_percent, r.flat_amount, r.discount_percent].filter(has).length === 1
          ? undefined
          : { column: 'rate_percent', code: 'one_amount' },
      (r) =>
        has(r.valid_to) && (r.valid_to as IndonesianDate).date < (r.valid_from as IndonesianDate).date
          ? { column: 'valid_to', code: 'period_reversed' }
          : undefined,
      (r) =>
        has(r.income_min) && has(r.income_max) && (r.income_max as number) < (r.income_min as number)
          ? { column: 'income_max', code: 'bounds_reversed' }
          : undefined,
    ],
    dbColumns: [
      { name: 'id', cast: 'text' },
      { name: 'programme', cast: '"Programme"' },
      { name: 'segment', cast: '"Segment"' },
      { name: 'ratePercent', cast: 'numeric' },
      { name: 'flatAmount', cast: 'integer' },
      { name: 'discountPercent', cast: 'numeric' },
      { name: 'incomeMin', cast: 'integer' },
      { name: 'incomeMax', cast: 'integer' },
      { name: 'validFrom', cast: 'date' },
      { name: 'validTo', cast: 'date' },
      { name: 'sector', cast: '"SectorCondition"' },
      { name: 'legalBasis', cast: 'text' },
      ...SOURCE_DB,
    ],
    toDb: (r) => [
      str(r.id),
      str(r.programme),
      str(r.segment),
      fixed(3)(r.rate_percent),
      str(r.flat_amount),
      fixed(2)(r.discount_percent),
      str(r.income_min),
      str(r.income_max),
      dateText(r.valid_from),
      dateText(r.valid_to),
      str(r.sector) ?? 'any',
      str(r.legal_basis),
      ...sourceDb(r),
    ],
    references: () => [],
  });

  const knowledge = defineKind({
    name: 'knowledge',
    table: 'KnowledgeEntry',
    shape: z.object({
      id: field.key(),
      topic: field.oneOf(KNOWLEDGE_TOPICS),
      title_id: field.text(40),
      title_en: field.text(40),
      questions_id: field.textList(60, 300),
      questions_en: field.textList(60, 300),
      answer_id: field.text(3500),
      answer_en: field.text(3500),
      related: field.optionalTextList(8, 64),
      ...source(today),
    }),
    required: ['id', 'topic', 'title_id', 'title_en', 'questions_id', 'questions_en', 'answer_id', 'answer_en', 'source_name'],
    keyColumns: 1,
    keyColumn: 'id',
    rules: [
      (r) => (isBuiltInTarget(String(r.id)) ? { column: 'id', code: 'reserved_key', params: { value: String(r.id) } } : undefined),
      // The id travels in button data ("fb:d:<id>", "kb:<id>"), which Telegram caps at 64 bytes.
      (r) => (String(r.id).length > MAX_KNOWLEDGE_ID ? { column: 'id', code: 'too_long', params: { max: MAX_KNOWLEDGE_ID } } : undefined),
      telegramHtml('answer_id'),
      telegramHtml('answer_en'),
    ],
    dbColumns: [
      { name: 'id', cast: 'text' },
      { name: 'topic', cast: 'text' },
      { name: 'titleId', cast: 'text' },
      { name: 'titleEn', cast: 'text' },
      { name: 'questionsId', cast: 'text[]' },
      { name: 'questionsEn', cast: 'text[]' },
      { name: 'answerId', cast: 'text' },
      { name: 'answerEn', cast: 'text' },
      { name: 'related', cast: 'text[]' },
      ...SOURCE_DB,
    ],
    toDb: (r) => [
      str(r.id),
      str(r.topic),
      str(r.title_id),
      str(r.title_en),
      pgTextArray(r.questions_id as string[]),
      pgTextArray(r.questions_en as string[]),
      str(r.answer_id),
      str(r.answer_en),
      pgTextArray((r.related as string[] | null) ?? []),
      ...sourceDb(r),
    ],
    references: () => [],
  });

  return { coverage, ceremonies, awards, companies, aliases, 'contribution-rules': contributionRules, knowledge };
}
