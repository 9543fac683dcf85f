// The Paritrana Award history: ceremonies with their winners, newest first, filtered by the
// region (its own awards and those of the villages, regencies and companies within it), by
// year or by category.
import type { Queryable } from '../../db/sql.ts';

export interface AwardFilter {
  regionCode?: string;
  year?: number;
  category?: string;
}

export interface AwardEntry {
  category: string;
  sector: string | null;
  rank: number | null;
  title: string;
  titleEn: string | null;
  recipientType: 'region' | 'company' | 'organisation';
  recipientName: string;
  recipientCode: string | null;
  uncertain: boolean;
  /** The public remark; maintainers' notes are never read. */
  note: string | null;
  noteEn: string | null;
}

export interface CeremonyAwards {
  id: string;
  edition: number;
  assessmentYear: number | null;
  level: 'national' | 'provincial';
  provinceName: string | null;
  date: string | null;
  time: string | null;
  /** The zone of `time` ("Asia/Makassar"). */
  timeZone: string;
  venue: string | null;
  city: string | null;
  sourceName: string;
  uncertain: boolean;
  note: string | null;
  noteEn: string | null;
  awards: AwardEntry[];
}

/** Award categories in the order histories list them. */
export const AWARD_CATEGORIES = [
  'pemerintah_provinsi',
  'pemerintah_kabupaten_kota',
  'pemerintah_desa',
  'perusahaan_besar',
  'perusahaan_menengah',
  'usaha_kecil_mikro',
  'perusahaan',
  'sektor',
  'khusus',
] as const;

/*
 * Ceremonies with the awards that match. A ceremony with no matching award is still listed
 * when it is itself what was asked for: the provincial round of the province asked about
 * (Sumatera Selatan 2025 named no winners, but its date, venue and jury are facts), or any
 * ceremony of the year asked for. A year matches the year in the name, the assessment year
 * and the ceremony's year: sources use the name for either.
 */
const SELECT = `
  SELECT c.id, c.edition, c."assessmentYear", c.level::text AS level, p.name AS "provinceName", c.date::text AS date, c.time, c."timeZone",
         c.venue, c.city, c."sourceName", c.uncertain, c.note, c."noteEn",
         CASE WHEN a.id IS NOT NULL THEN json_build_object(
           'category', a.category::text, 'sector', a.sector, 'rank', a.rank, 'title', a.title, 'titleEn', a."titleEn",
           'recipientType', a."recipientType"::text, 'recipientName', COALESCE(r.name, co.name, a."organisationName"),
           'recipientCode', COALESCE(a."regionCode", a."companyNpp"), 'uncertain', a.uncertain, 'note', a.note, 'noteEn', a."noteEn")
         END AS award
    FROM "AwardCeremony" c
    LEFT JOIN "Region" p ON p.code = c."provinceCode"
    LEFT JOIN ("Award" a
               LEFT JOIN "Region" r ON r.code = a."regionCode"
               LEFT JOIN "Company" co ON co.npp = a."companyNpp")
      ON a."ceremonyId" = c.id
     AND ($1::text IS NULL OR $1 = '00' OR a."regionCode" = $1 OR a."regionCode" LIKE $1 || '.%'
          OR co."regionCode" = $1 OR co."regionCode" LIKE $1 || '.%'
          -- An organisation has no region: it belongs to the history of the province whose round it won.
          OR (a."organisationName" IS NOT NULL AND c."provinceCode" = $1))
     AND ($3::text IS NULL OR a.category::text = $3)
   WHERE ($2::int IS NULL OR c.edition = $2 OR c."assessmentYear" = $2 OR extract(year FROM c.date) = $2)
     AND (a.id IS NOT NULL
          OR ($3::text IS NULL AND ($1::text IS NULL OR c."provinceCode" = $1 OR ($1 = '00' AND c.level = 'national'))))
   ORDER BY c.edition DESC, c.date DESC NULLS LAST, c.id, a.rank NULLS LAST, a.title`;

/** A ceremony's columns and, when it has a matching award, that award. */
type Row = Omit<CeremonyAwards, 'awards'> & { award: AwardEntry | null };

const order = (category: string) => (AWARD_CATEGORIES as readonly string[]).indexOf(category);

export async function awardHistory(db: Queryable, filter: AwardFilter): Promise<CeremonyAwards[]> {
  const { rows } = await db.query<Row>(SELECT, [filter.regionCode ?? null, filter.year ?? null, filter.category ?? null]);
  const ceremonies = new Map<string, CeremonyAwards>();
  for (const { award, ...fields } of rows) {
    let ceremony = ceremonies.get(fields.id);
    if (!ceremony) ceremonies.set(fields.id, (ceremony = { ...fields, awards: [] }));
    if (award) ceremony.awards.push(award);
  }
  for (const ceremony of ceremonies.values()) {
    ceremony.awards.sort((a, b) => order(a.category) - order(b.category) || (a.rank ?? 99) - (b.rank ?? 99));
  }
  return [...ceremonies.values()];
}
