// npm run bench:regions: the knowledge base's three costs, each against a baseline measured
// in the same run on the same connection:
//  1. region resolution over 1,000 realistic inputs on PostgreSQL, p50/p99 per call, against
//     a primary-key lookup of one region (the cheapest query a handler could make);
//  2. a 100,000-row coverage CSV import (first load, then the same file again);
//  3. the full region load (91,593 rows) into an empty database, on PostgreSQL and embedded.
// Needs the PostgreSQL server (BENCH_PG_URL, an admin connection).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../src/db/migrations.ts';
import { openEmbeddedDatabase } from '../src/db/embedded.ts';
import { seedDatabase } from '../src/db/seed.ts';
import { importFile } from '../src/domain/import/import-runner.ts';
import { resolveRegion } from '../src/domain/regions/region-resolver.ts';
import { loadRegions } from '../src/domain/regions/region-store.ts';
import { dropDatabase, freshDatabase } from './support/databases.ts';
import { prng } from '../test/support/prng.ts';

const INPUTS = Number(process.env.BENCH_INPUTS ?? 1_000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const ROUNDS = 3;

function typo(text: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (text.length - 2));
  switch (Math.floor(random() * 3)) {
    case 0:
      return text.slice(0, i) + text.slice(i + 1); // a letter dropped
    case 1:
      return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2); // two swapped
    default:
      return text.slice(0, i) + 'aeiou'[Math.floor(random() * 5)] + text.slice(i + 1); // a wrong vowel
  }
}

type Sample = { group: string; text: string };

/**
 * What people type when asked for a region: mostly regencies and provinces, by name, short
 * form or with a prefix; some typos; villages and districts by name; a little nonsense.
 */
async function realisticInputs(pool: pg.Pool, n: number): Promise<Sample[]> {
  const random = prng(20261122);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const names = async (level: string) =>
    (
      await pool.query<{ name: string; search: string; kind: string }>(
        `SELECT name, "searchName" AS search, kind::text FROM "Region" WHERE level = $1`,
        [level],
      )
    ).rows;
  const [provinces, regencies, districts, villages] = await Promise.all(['province', 'regency', 'district', 'village'].map(names));
  const aliases = (await pool.query<{ alias: string }>('SELECT alias FROM "RegionAlias"')).rows.map((r) => r.alias);
  const prefixOf = (kind: string) => pick(kind === 'kota' ? ['Kota', 'Pemkot', 'kota'] : ['Kab.', 'Kabupaten', 'Pemkab', 'kab']);
  const mix: [number, string, () => string][] = [
    [0.2, 'regency name', () => pick(regencies!).search],
    [0.1, 'province name', () => pick(provinces!).name],
    [0.15, 'alias', () => pick(aliases)],
    [
      0.15,
      'with prefix',
      () => {
        const r = pick(regencies!);
        return `${prefixOf(r.kind)} ${r.search}`;
      },
    ],
    [0.15, 'typo', () => typo(pick([...regencies!, ...provinces!]).search, random)],
    [0.1, 'village', () => pick(villages!).search],
    [0.05, 'village typo', () => `desa ${typo(pick(villages!).search, random)}`],
    [0.05, 'district', () => pick(districts!).search],
    [
      0.05,
      'nonsense',
      () => Array.from({ length: 4 + Math.floor(random() * 8) }, () => 'bcdfghjklmnpqrstvwxyz'[Math.floor(random() * 21)]).join(''),
    ],
  ];
  return Array.from({ length: n }, () => {
    let r = random();
    for (const [share, group, make] of mix) {
      if ((r -= share) < 0) return { group, text: make() };
    }
    return { group: 'regency name', text: pick(regencies!).search };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function stats(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted.at(-1)! };
}

const f = (ms: number) => ms.toFixed(2).padStart(7);

async function benchResolution(pool: pg.Pool): Promise<void> {
  const inputs = await realisticInputs(pool, INPUTS);
  const codes = (await pool.query<{ code: string }>('SELECT code FROM "Region" ORDER BY random() LIMIT $1', [INPUTS])).rows.map(
    (r) => r.code,
  );
  const lookup = 'SELECT code, name, level, kind FROM "Region" WHERE code = $1';
  // Warm up both: plans, buffers, the connection.
  for (const { text } of inputs.slice(0, 200)) await resolveRegion(pool, text);
  for (const code of codes.slice(0, 200)) await pool.query(lookup, [code]);

  const resolveMs: number[] = [];
  const baselineMs: number[] = [];
  const byGroup = new Map<string, number[]>();
  const found = { any: 0, ambiguous: 0 };
  const slowest: { ms: number; text: string }[] = [];
  // Interleaved rounds, so that noise from other work on the machine hits both alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < inputs.length; i++) {
      let t = performance.now();
      await pool.query(lookup, [codes[i % codes.length]]);
      baselineMs.push(performance.now() - t);
      t = performance.now();
      const result = await resolveRegion(pool, inputs[i]!.text);
      const ms = performance.now() - t;
      resolveMs.push(ms);
      slowest.push({ ms, text: inputs[i]!.text });
      (byGroup.get(inputs[i]!.group) ?? byGroup.set(inputs[i]!.group, []).get(inputs[i]!.group)!).push(ms);
      if (round === 0 && result.candidates.length) found.any++;
      if (round === 0 && result.ambiguous) found.ambiguous++;
    }
  }
  const r = stats(resolveMs);
  const b = stats(baselineMs);
  console.log(`\nRegion resolution, ${inputs.length} inputs × ${ROUNDS} rounds on PostgreSQL (ms per call)`);
  console.log(`  ${'case'.padEnd(22)}    p50     p90     p99     max`);
  console.log(`  ${'resolveRegion'.padEnd(22)}${f(r.p50)} ${f(r.p90)} ${f(r.p99)} ${f(r.max)}`);
  console.log(`  ${'baseline: PK lookup'.padEnd(22)}${f(b.p50)} ${f(b.p90)} ${f(b.p99)} ${f(b.max)}`);
  console.log(`  ratio resolve/baseline: p50 ${(r.p50 / b.p50).toFixed(1)}×, p99 ${(r.p99 / b.p99).toFixed(1)}×`);
  console.log(`  answered ${found.any}/${inputs.length} inputs with at least one region; ${found.ambiguous} offered as a choice`);
  console.log(`  by kind of input (p50 / p99):`);
  for (const [group, ms] of byGroup) {
    const s = stats(ms);
    console.log(`    ${group.padEnd(14)} n=${String(ms.length / ROUNDS).padStart(3)} ${f(s.p50)} ${f(s.p99)}`);
  }
  slowest.sort((a, b) => b.ms - a.ms);
  console.log(
    `  slowest calls: ${slowest
      .slice(0, 8)
      .map((s) => `"${s.text}" ${s.ms.toFixed(1)}`)
      .join(', ')}`,
  );
  console.log(`  target p99 < 5 ms: ${r.p99 < 5 ? 'met' : 'NOT met'}`);
}

async function benchImport(pool: pg.Pool): Promise<void> {
  // 100,000 distinct (region, month) keys: every district and village, month by month.
  const { rows } = await pool.query<{ code: string }>(`SELECT code FROM "Region" WHERE level IN ('district', 'village') ORDER BY code`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  const file = path.join(dir, 'coverage.csv');
  const lines = ['region_code;as_of;active_participants;wage_earners;informal;working_population;coverage_percent;source_name'];
  const random = prng(7);
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const code = rows[i % rows.length]!.code;
    const month = 1 + Math.floor(i / rows.length);
    const pu = Math.floor(random() * 90_000);
    const bpu = Math.floor(random() * 10_000);
    const population = pu + bpu + Math.floor(random() * 200_000) + 1;
    const percent = (((pu + bpu) / population) * 100).toFixed(2).replace('.', ',');
    lines.push(
      `${code};2025-${String(month).padStart(2, '0')}-28;${(pu + bpu).toLocaleString('id-ID')};${pu};${bpu};${population.toLocaleString('id-ID')};${percent};Bench`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const mb = fs.statSync(file).size / 1e6;

  // Baseline: the same rows written by one COPY-free bulk INSERT ... SELECT, without checks.
  const baselineStart = performance.now();
  await pool.query(`CREATE TEMP TABLE IF NOT EXISTS bench_copy (LIKE "CoverageSnapshot" INCLUDING DEFAULTS)`);
  const client = await pool.connect();
  try {
    await client.query(`CREATE TEMP TABLE bench_plain (region text, as_of date, active int, pu int, bpu int, pop int, pct numeric)`);
    for (let i = 1; i < lines.length; i += 5_000) {
      const batch = lines.slice(i, i + 5_000).map((l) => l.split(';'));
      await client.query(
        'INSERT INTO bench_plain SELECT * FROM unnest($1::text[], $2::date[], $3::int[], $4::int[], $5::int[], $6::int[], $7::numeric[])',
        [
          batch.map((c) => c[0]),
          batch.map((c) => c[1]),
          batch.map((c) => c[2]!.replace(/\./g, '')),
          batch.map((c) => c[3]),
          batch.map((c) => c[4]),
          batch.map((c) => c[5]!.replace(/\./g, '')),
          batch.map((c) => c[6]!.replace(',', '.')),
        ],
      );
    }
  } finally {
    client.release();
  }
  const baselineMs = performance.now() - baselineStart;

  const t1 = performance.now();
  const first = await importFile(pool, 'coverage', fs.createReadStream(file), { format: 'csv' });
  const firstMs = performance.now() - t1;
  const t2 = performance.now();
  const again = await importFile(pool, 'coverage', fs.createReadStream(file), { format: 'csv' });
  const againMs = performance.now() - t2;
  fs.rmSync(dir, { recursive: true, force: true });
  if (!first.ok || !again.ok) throw new Error(`bench import rejected: ${JSON.stringify(first.ok ? again : first).slice(0, 500)}`);

  console.log(`\nCoverage import, ${IMPORT_ROWS.toLocaleString('en')} rows (${mb.toFixed(1)} MB CSV) on PostgreSQL`);
  console.log(
    `  first import:  ${(firstMs / 1000).toFixed(2)} s (${first.inserted} new), ${Math.round(IMPORT_ROWS / (firstMs / 1000)).toLocaleString('en')} rows/s`,
  );
  console.log(`  same file again: ${(againMs / 1000).toFixed(2)} s (${again.unchanged} unchanged)`);
  console.log(
    `  baseline, the same rows bulk-inserted unchecked into a bare table: ${(baselineMs / 1000).toFixed(2)} s; import/baseline ${(firstMs / baselineMs).toFixed(1)}×`,
  );
  console.log(`  target < 60 s: ${firstMs < 60_000 ? 'met' : 'NOT met'}`);
}

async function timeRegionLoad(pgConfig: pg.PoolConfig): Promise<number> {
  await applyMigrations(pgConfig);
  const client = new pg.Client(pgConfig);
  await client.connect();
  try {
    const start = performance.now();
    await client.query('BEGIN');
    await loadRegions(client);
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE "Region"');
    return performance.now() - start;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  console.log(`bench:regions on ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores, node ${process.version}`);

  const loadUrl = await freshDatabase('paritrana_bench_load');
  const pgLoadMs = await timeRegionLoad({ connectionString: loadUrl });
  await dropDatabase('paritrana_bench_load');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-embedded-'));
  const embedded = await openEmbeddedDatabase(dataDir);
  let embeddedMs: number;
  try {
    embeddedMs = await timeRegionLoad(embedded.pgConfig);
  } finally {
    await embedded.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log('\nFull region load (91,593 rows, into an empty database, with VACUUM ANALYZE)');
  console.log(`  PostgreSQL: ${(pgLoadMs / 1000).toFixed(2)} s (target ≤ 30 s: ${pgLoadMs <= 30_000 ? 'met' : 'NOT met'})`);
  console.log(
    `  embedded:   ${(embeddedMs / 1000).toFixed(2)} s (target ≤ 60 s: ${embeddedMs <= 60_000 ? 'met' : 'NOT met'}); embedded/PostgreSQL ${(embeddedMs / pgLoadMs).toFixed(1)}×`,
  );

  const url = await freshDatabase('paritrana_bench_regions');
  await applyMigrations({ connectionString: url });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await seedDatabase(pool);
    await benchResolution(pool);
    await benchImport(pool);
  } finally {
    await pool.end();
    await dropDatabase('paritrana_bench_regions');
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
