// A company's standing: coverage of its workforce, programmes, arrears, awards, and how it
// compares with the companies of its province and of its sector.
import type { Queryable } from '../../db/sql.ts';

export const ALL_PROGRAMMES = ['JKK', 'JKM', 'JHT', 'JP', 'JKP'] as const;

export interface CompanyStanding {
  npp: string;
  name: string;
  regionName: string;
  provinceName: string | null;
  sizeClass: string;
  sector: string;
  status: 'aktif' | 'menunggak' | 'nonaktif';
  enrolledWorkers: number;
  reportedWorkforce: number;
  /** Enrolled workers as a share of the reported workforce, 0-100. */
  coveragePercent: number;
  programmes: string[];
  missingProgrammes: string[];
  monthsInArrears: number;
  /** In rupiah, where the data has it. */
  arrearsAmount: number | null;
  asOf: string;
  isSample: boolean;
  /** Average coverage of the other companies in its province and in its sector, when there are any. */
  provinceAverage: number | null;
  sectorAverage: number | null;
  awards: { ceremony: string; title: string }[];
}

const percent = (enrolled: number, workforce: number) => (workforce > 0 ? Math.min(100, (enrolled / workforce) * 100) : 0);

export async function companyStanding(db: Queryable, npp: string): Promise<CompanyStanding | undefined> {
  const { rows } = await db.query(
    `SELECT c.npp, c.name, r.name AS "regionName", p.name AS "provinceName", c."sizeClass"::text AS "sizeClass", c.sector,
            c.status::text AS status, c."enrolledWorkers", c."reportedWorkforce", c.programmes::text[] AS programmes,
            c."monthsInArrears", c."arrearsAmount"::float8 AS "arrearsAmount", c."asOf"::text AS "asOf", c."isSample", split_part(c."regionCode", '.', 1) AS province,
            (SELECT avg(LEAST(100, o."enrolledWorkers" * 100.0 / NULLIF(o."reportedWorkforce", 0)))::float8 FROM "Company" o
              WHERE o.npp <> c.npp AND split_part(o."regionCode", '.', 1) = split_part(c."regionCode", '.', 1)) AS "provinceAverage",
            (SELECT avg(LEAST(100, o."enrolledWorkers" * 100.0 / NULLIF(o."reportedWorkforce", 0)))::float8 FROM "Company" o
              WHERE o.npp <> c.npp AND o.sector = c.sector) AS "sectorAverage"
       FROM "Company" c JOIN "Region" r ON r.code = c."regionCode" LEFT JOIN "Region" p ON p.code = split_part(c."regionCode", '.', 1)
      WHERE c.npp = $1`,
    [npp],
  );
  const c = rows[0];
  if (!c) return undefined;
  const { rows: awards } = await db.query<{ ceremony: string; title: string }>(
    `SELECT 'Paritrana Award ' || ce.edition || ' · ' || COALESCE(p.name, 'Nasional') AS ceremony, a.title
       FROM "Award" a JOIN "AwardCeremony" ce ON ce.id = a."ceremonyId" LEFT JOIN "Region" p ON p.code = ce."provinceCode"
      WHERE a."companyNpp" = $1 ORDER BY ce.edition DESC`,
    [npp],
  );
  return {
    npp: c.npp,
    name: c.name,
    regionName: c.regionName,
    provinceName: c.provinceName,
    sizeClass: c.sizeClass,
    sector: c.sector,
    status: c.status,
    enrolledWorkers: c.enrolledWorkers,
    reportedWorkforce: c.reportedWorkforce,
    coveragePercent: percent(c.enrolledWorkers, c.reportedWorkforce),
    programmes: c.programmes,
    missingProgrammes: ALL_PROGRAMMES.filter((p) => !c.programmes.includes(p)),
    monthsInArrears: c.monthsInArrears,
    arrearsAmount: c.arrearsAmount,
    asOf: c.asOf,
    isSample: c.isSample,
    provinceAverage: c.provinceAverage,
    sectorAverage: c.sectorAverage,
    awards,
  };
}
