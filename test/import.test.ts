// Officials' imports: a file is taken whole or not at all, every problem named by line and
// column in Indonesian and English; through the domain, the admin HTTP API and the CLI.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeIssue } from '../src/admin/import-report.ts';
import { IMPORT_KINDS } from '../src/domain/import/import-kinds.ts';
import { importFile, type ImportRejection, type ImportSuccess } from '../src/domain/import/import-runner.ts';
import { OFFICIAL_KINDS, readUploadedFile } from '../src/domain/import/uploaded-file.ts';
import { createI18n } from '../src/i18n/i18n.ts';
import { projectRoot } from '../src/paths.ts';
import { startAdminApi, type AdminApi } from './support/admin-api.ts';
import { runCli } from './support/cli.ts';
import { useSeededDatabase } from './support/postgres.ts';

const TODAY = '2026-11-22';
const i18n = createI18n('id');
const db = useSeededDatabase();

/** Every coverage row, as text: equal fingerprints mean nothing changed. */
async function coverageFingerprint(): Promise<string> {
  const { rows } = await db.pool.query(
    `SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY id)) AS h FROM "CoverageSnapshot" t`,
  );
  return JSON.stringify(rows[0]);
}

const HEADER = 'region_code;as_of;active_participants;coverage_percent;source_name';

describe('a bad import', () => {
  it('is rejected whole, each problem with its line and column, and nothing changes', async () => {
    const before = await coverageFingerprint();
    const file = [
      HEADER,
      '13.74;2026-10-31;12.450;40,82;Uji', // valid: must not be written either
      '16;2026-10-31;banyak;31,33;Uji', // non-numeric figure
      '99.99;2026-10-31;100;10;Uji', // unknown region code
      '13;2026-10-31;100;150;Uji', // percentage over 100
      '15;2027-01-31;100;10;Uji', // date in the future
      '13.74;31/10/2026;12.500;40,9;Uji', // the key of line 2 again
    ].join('\n');
    const result = (await importFile(db.pool, 'coverage', file, { format: 'csv', today: TODAY })) as ImportRejection;
    expect(result.ok).toBe(false);
    expect(result.issues.map(({ line, column, columnNumber, code }) => ({ line, column, columnNumber, code }))).toEqual([
      { line: 3, column: 'active_participants', columnNumber: 3, code: 'not_a_number' },
      { line: 4, column: 'region_code', columnNumber: 1, code: 'unknown_region' },
      { line: 5, column: 'coverage_percent', columnNumber: 4, code: 'percent_out_of_range' },
      { line: 6, column: 'as_of', columnNumber: 2, code: 'date_in_future' },
      { line: 7, column: 'as_of', columnNumber: 2, code: 'duplicate_key' },
    ]);
    expect(await coverageFingerprint()).toBe(before);
  });

  it('with a NUL in a cell, or a cell a spreadsheet would run as a formula, is rejected with line and column', async () => {
    const before = await coverageFingerprint();
    const nul = (await importFile(db.pool, 'coverage', `${HEADER}\n13.74;2026-10-31;100;10;Uji\u0000coba\n`, {
      format: 'csv',
      today: TODAY,
    })) as ImportRejection;
    expect(nul.issues.map(({ line, column, columnNumber, code }) => ({ line, column, columnNumber, code }))).toEqual([
      { line: 2, column: 'source_name', columnNumber: 5, code: 'control_character' },
    ]);
    expect(describeIssue(i18n, 'id', nul.issues[0]!)).toBe(
      'Baris 2, kolom 5 (source_name): berisi karakter kontrol (NUL) yang tidak bisa disimpan. Ketik ulang isinya.',
    );
    const formulas = ['=HYPERLINK("http://x","klik")', "+cmd|' /C calc'!A0", '@SUM(1+1)', "-2+3+cmd|' /C calc'!A0"];
    const aliases = ['alias,region_code', ...formulas.map((f) => `"${f.replace(/"/g, '""')}",13.74`), 'padang panjang lama,13.74'].join(
      '\n',
    );
    const rejected = (await importFile(db.pool, 'aliases', aliases, { format: 'csv', today: TODAY })) as ImportRejection;
    expect(rejected.ok).toBe(false);
    expect(rejected.issues.map(({ line, column, code }) => ({ line, column, code }))).toEqual(
      formulas.map((_, i) => ({ line: i + 2, column: 'alias', code: 'formula' })),
    );
    expect(describeIssue(i18n, 'en', rejected.issues[0]!)).toContain('so a spreadsheet could run it as a formula');
    // Text that only contains such signs is fine.
    const fine = await importFile(db.pool, 'aliases', 'alias,region_code\n"padang - panjang",13.74\n', {
      format: 'csv',
      today: TODAY,
      dryRun: true,
    });
    expect(fine.ok).toBe(true);
    expect(await coverageFingerprint()).toBe(before);
  });

  it('with text after a closing quote on line 2 says so, and nothing about an empty file', async () => {
    const result = (await importFile(db.pool, 'coverage', `${HEADER}\n"13.74"x;2026-10-31;100;10;Uji\n`, {
      format: 'csv',
      today: TODAY,
    })) as ImportRejection;
    expect(result.issues.map(({ line, columnNumber, code }) => ({ line, columnNumber, code }))).toEqual([
      { line: 2, columnNumber: 1, code: 'csv_text_after_quote' },
    ]);
  });

  it('with a wrong column is rejected at the header, naming the column', async () => {
    const before = await coverageFingerprint();
    const file = 'region_code,as_of,peserta_aktif,source_name\n13.74,2026-10-31,100,Uji\n';
    const result = (await importFile(db.pool, 'coverage', file, { format: 'csv', today: TODAY })) as ImportRejection;
    expect(result.issues).toEqual([expect.objectContaining({ line: 1, column: 'peserta_aktif', columnNumber: 3, code: 'unknown_column' })]);
    expect(await coverageFingerprint()).toBe(before);
  });

  it('words each problem in Indonesian and in English', async () => {
    const file = `${HEADER}\n16;2026-10-31;banyak;31,33;Uji\n`;
    const result = (await importFile(db.pool, 'coverage', file, { format: 'csv', today: TODAY })) as ImportRejection;
    const issue = result.issues[0]!;
    expect(describeIssue(i18n, 'id', issue)).toBe(
      'Baris 2, kolom 3 (active_participants): "banyak" bukan angka. Contoh yang benar: 2.789.917, 31,33 atau 2,5 juta.',
    );
    expect(describeIssue(i18n, 'en', issue)).toBe(
      'Line 2, column 3 (active_participants): "banyak" is not a number. Valid examples: 2.789.917, 31,33 or 2,5 juta.',
    );
  });

  it.each([
    ['an unterminated quote', `${HEADER}\n13.74;2026-10-31;"100;10;Uji\n`, 'csv_unterminated_quote'],
    ['a row with more cells than the header', `${HEADER}\n13.74;2026-10-31;100;10;Uji;extra\n`, 'too_many_fields'],
    ['a header without a required column', 'region_code;active_participants\n13.74;100\n', 'missing_column'],
    ['no rows', `${HEADER}\n`, 'no_rows'],
    [
      'a region name that does not match its code',
      'region_code;region_name;as_of;informal;source_name\n13.74;Kota Padang;2026-10-31;1;Uji\n',
      'region_name_mismatch',
    ],
    ['a row without any figure', 'region_code;as_of;source_name\n13.74;2026-10-31;Uji\n', 'no_figures'],
  ])('with %s is refused', async (_name, file, code) => {
    const result = await importFile(db.pool, 'coverage', file, { format: 'csv', today: TODAY });
    expect(result.ok).toBe(false);
    expect((result as ImportRejection).issues.map((i) => i.code)).toContain(code);
  });

  it('in JSON names the line where the bad element starts', async () => {
    const file =
      '[\n  { "region_code": "13.74", "as_of": "2026-10-31", "informal": 5, "source_name": "Uji" },\n  {\n    "region_code": "13.74",\n    "as_of": "2026-09-30",\n    "informal": "lima",\n    "source_name": "Uji"\n  }\n]\n';
    const result = (await importFile(db.pool, 'coverage', file, { format: 'json', today: TODAY })) as ImportRejection;
    expect(result.issues).toEqual([expect.objectContaining({ line: 3, column: 'informal', code: 'not_a_number' })]);
  });

  it('of awards is refused for an unknown ceremony or more than one recipient', async () => {
    const file = [
      'ceremony_id,category,title,region_code,company_npp,source_name',
      'PA2099-X,khusus,Zero Accident Award,13.73,,Uji',
      'PA2024-P13,khusus,Zero Accident Award,13.73,SAMPEL-AIC,Uji',
    ].join('\n');
    const result = (await importFile(db.pool, 'awards', file, { format: 'csv', today: TODAY })) as ImportRejection;
    expect(result.issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'unknown_ceremony'],
      [3, 'one_recipient'],
    ]);
  });
});

describe('a good import', () => {
  it('reads Indonesian numbers and dates, with , or ; between cells', async () => {
    const semicolons =
      'region_code;as_of;active_participants;wage_earners;informal;coverage_percent;source_name\n61;Oktober 2026;"2,5 juta";1.900.000;600 ribu;"31,33 %";Uji\n';
    const result = (await importFile(db.pool, 'coverage', semicolons, { format: 'csv', today: TODAY })) as ImportSuccess;
    expect(result).toMatchObject({ ok: true, inserted: 1, updated: 0 });
    const commas = 'region_code,as_of,active_participants,coverage_percent,source_name\n62,27 Agustus 2026,2.789.917,"31,33",Uji\n';
    expect(await importFile(db.pool, 'coverage', commas, { format: 'csv', today: TODAY })).toMatchObject({ ok: true, inserted: 1 });
    const { rows } = await db.pool.query(
      `SELECT "regionCode", "asOf"::text, "asOfPrecision"::text, "activeParticipants", "wageEarners", informal, "coveragePercent"::text
         FROM "CoverageSnapshot" WHERE "regionCode" IN ('61', '62') AND "sourceName" = 'Uji' ORDER BY "regionCode"`,
    );
    expect(rows).toEqual([
      {
        regionCode: '61',
        asOf: '2026-10-01',
        asOfPrecision: 'month',
        activeParticipants: 2_500_000,
        wageEarners: 1_900_000,
        informal: 600_000,
        coveragePercent: '31.33',
      },
      {
        regionCode: '62',
        asOf: '2026-08-27',
        asOfPrecision: 'day',
        activeParticipants: 2_789_917,
        wageEarners: null,
        informal: null,
        coveragePercent: '31.33',
      },
    ]);
  });

  it('changes nothing when imported again, and reports a corrected figure', async () => {
    const file =
      'region_code;as_of;active_participants;coverage_percent;source_name\n63;2026-10-31;1.000.000;20;Uji\n64;2026-10-31;2.000.000;30;Uji\n';
    expect(await importFile(db.pool, 'coverage', file, { format: 'csv', today: TODAY })).toMatchObject({
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    const before = await coverageFingerprint();
    expect(await importFile(db.pool, 'coverage', file, { format: 'csv', today: TODAY })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 2,
      changes: [],
    });
    expect(await coverageFingerprint()).toBe(before);

    const corrected = file.replace('2.000.000;30', '2.100.000;31,5');
    const dry = (await importFile(db.pool, 'coverage', corrected, { format: 'csv', today: TODAY, dryRun: true })) as ImportSuccess;
    expect(dry).toMatchObject({ dryRun: true, updated: 1, unchanged: 1 });
    expect(await coverageFingerprint()).toBe(before);

    const result = (await importFile(db.pool, 'coverage', corrected, { format: 'csv', today: TODAY })) as ImportSuccess;
    expect(result).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(result.changes).toEqual([
      {
        line: 3,
        key: '64 2026-10-31 Uji',
        changes: [
          { column: 'active_participants', from: '2000000', to: '2100000' },
          { column: 'coverage_percent', from: '30.00', to: '31.50' },
        ],
      },
    ]);
  });

  it.each(IMPORT_KINDS)('accepts the example file for %s (dry run)', async (kind) => {
    // Awards point at the example ceremony, so the ceremonies example goes in first.
    if (kind === 'awards') {
      const ceremonies = await import('node:fs/promises').then((fs) =>
        fs.readFile(path.join(projectRoot, 'data/examples/ceremonies.csv'), 'utf8'),
      );
      expect(await importFile(db.pool, 'ceremonies', ceremonies, { format: 'csv', today: TODAY })).toMatchObject({ ok: true });
    }
    const fs = await import('node:fs/promises');
    let read = 0;
    for (const ext of ['csv', 'json']) {
      const file = path.join(projectRoot, 'data/examples', `${kind}.${ext}`);
      const text = await fs.readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      read++;
      const result = await importFile(db.pool, kind, text, { format: ext as 'csv' | 'json', today: TODAY, dryRun: true });
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true, dryRun: true });
    }
    // The README promises an example of every kind: a missing one fails here rather than being skipped.
    expect(read, `data/examples/${kind}.csv or .json`).toBeGreaterThan(0);
    // And an Excel one of each kind an official may send the bot as a file.
    if ((OFFICIAL_KINDS as readonly string[]).includes(kind)) {
      const table = await readUploadedFile(`${kind}.xlsx`, await fs.readFile(path.join(projectRoot, 'data/examples', `${kind}.xlsx`)));
      if (typeof table === 'string') throw new Error(`data/examples/${kind}.xlsx: ${table}`);
      const result = await importFile(db.pool, kind, table.data, { format: table.format, today: TODAY, dryRun: true });
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true, dryRun: true });
    }
  });
});

describe('the admin import API', () => {
  const TOKEN = 'admin-token-0123456789abcdef';
  let api: AdminApi;
  let base: string;

  beforeAll(async () => {
    api = await startAdminApi(db, { token: TOKEN });
    base = api.base;
  });

  afterAll(() => api.close());

  const post = (kind: string, body: string, opts: { token?: string | null; type?: string; query?: string } = {}) =>
    fetch(`${base}/import/${kind}${opts.query ?? ''}`, {
      method: 'POST',
      headers: {
        'content-type': opts.type ?? 'text/csv',
        ...(opts.token === null ? {} : { authorization: `Bearer ${opts.token ?? TOKEN}` }),
      },
      body,
    });

  it('refuses a call without the token, or with a wrong one, and writes nothing', async () => {
    const before = await coverageFingerprint();
    const file = `${HEADER}\n65;2026-10-31;100;10;Uji\n`;
    expect((await post('coverage', file, { token: null })).status).toBe(401);
    expect((await post('coverage', file, { token: 'x'.repeat(28) })).status).toBe(401);
    expect(await coverageFingerprint()).toBe(before);
  });

  it('answers 503 when no token is configured', async () => {
    const closed = await startAdminApi(db, { token: undefined });
    try {
      const res = await fetch(`${closed.base}/import/coverage`, { method: 'POST', body: 'x' });
      expect(res.status).toBe(503);
    } finally {
      await closed.close();
    }
  });

  it('names an unknown kind', async () => {
    const res = await post('penduduk', 'a,b\n');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'unknown_kind', kinds: [...IMPORT_KINDS] });
  });

  it('rejects a bad file with 422 and every problem in both languages', async () => {
    const res = await post('coverage', `${HEADER}\n16;2026-10-31;banyak;31,33;Uji\n`);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { issues: { message: { id: string; en: string } }[]; message: { id: string } };
    expect(body).toMatchObject({ ok: false, issueCount: 1 });
    expect(body.issues[0]).toMatchObject({ line: 2, column: 'active_participants', columnNumber: 3, code: 'not_a_number' });
    expect(body.issues[0]!.message.id).toMatch(/^Baris 2, kolom 3/);
    expect(body.issues[0]!.message.en).toMatch(/^Line 2, column 3/);
    expect(body.message.id).toMatch(/ditolak seluruhnya/);
  });

  it('imports CSV and JSON, with a dry run that saves nothing', async () => {
    const file = `${HEADER}\n65;2026-10-31;100;10;Uji\n`;
    const before = await coverageFingerprint();
    const dry = await post('coverage', file, { query: '?dryRun=true' });
    expect(await dry.json()).toMatchObject({ ok: true, dryRun: true, inserted: 1 });
    expect(await coverageFingerprint()).toBe(before);
    const real = await post('coverage', file);
    expect(real.status).toBe(200);
    expect(await real.json()).toMatchObject({ ok: true, inserted: 1, message: { id: expect.stringMatching(/1 baru/) } });
    const json = await post(
      'coverage',
      JSON.stringify([{ region_code: '65', as_of: '2026-10-31', active_participants: 100, coverage_percent: 10, source_name: 'Uji' }]),
      {
        type: 'application/json',
      },
    );
    expect(await json.json()).toMatchObject({ ok: true, unchanged: 1 });
  });

  it('refuses a body over 50 MB with 413 and saves nothing', async () => {
    const before = await coverageFingerprint();
    const row = '65;2026-10-31;100;10;Uji\n';
    const res = await post('coverage', HEADER + '\n' + row.repeat(Math.ceil((50 * 1024 * 1024) / row.length) + 10));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'payload_too_large' });
    expect(await coverageFingerprint()).toBe(before);
  });

  it('runs an import in a process of its own with a memory bound: a file needing more is refused, and the next one imports', async () => {
    const small = await startAdminApi(db, { token: TOKEN, memoryMb: 64 });
    const at = `${small.base}/import/coverage`;
    const send = (body: string) =>
      fetch(at, { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${TOKEN}` }, body });
    try {
      const before = await coverageFingerprint();
      // About 7 MB and 200 thousand rows, each its own (village, day): more than 64 MB of heap once read.
      const rows = Array.from(
        { length: 200_000 },
        (_, i) =>
          `11.01.01.${String(i % 10_000).padStart(4, '0')};2026-01-${String(1 + Math.floor(i / 10_000)).padStart(2, '0')};100;10;Uji`,
      );
      const huge = await send(`${HEADER}\n${rows.join('\n')}\n`);
      expect({ status: huge.status, body: await huge.json() }).toMatchObject({
        status: 413,
        body: {
          error: 'import_too_large',
          message: { id: expect.stringMatching(/terlalu besar.*Bagi menjadi beberapa berkas/), en: expect.stringMatching(/Split it/) },
        },
      });
      expect(await coverageFingerprint()).toBe(before);
      const next = await send(`${HEADER}\n65;2026-10-30;100;10;Uji\n`);
      expect(await next.json()).toMatchObject({ ok: true, dryRun: false, inserted: 1 });
    } finally {
      await small.close();
    }
    // Running out of memory takes V8 a few seconds of collecting first, longer on a busy machine.
  }, 60_000);
});

describe('npm run import', () => {
  const cli = (args: string[]) => runCli('src/admin/import-cli.ts', args, db.database.url);

  it('imports a file and says what it did, in Indonesian then English', async () => {
    const result = await cli(['coverage', 'data/examples/coverage.csv', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Uji coba impor coverage \(tidak ada yang disimpan\): 3 baris/);
    expect(result.stdout).toMatch(/Dry run of the coverage import \(nothing saved\): 3 rows/);
  });

  it('exits 1 on a rejected file, listing the problems', async () => {
    const fs = await import('node:fs/promises');
    const os = await import('node:os');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'import-'));
    const file = path.join(dir, 'bad.csv');
    await fs.writeFile(file, `${HEADER}\n16;2026-10-31;banyak;31,33;Uji\n`);
    const result = await cli(['coverage', file]).finally(() => fs.rm(dir, { recursive: true, force: true }));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Baris 2, kolom 3 (active_participants)');
    expect(result.stdout).toContain('Line 2, column 3 (active_participants)');
  });

  it('explains its usage for an unknown kind', async () => {
    const result = await cli(['penduduk', 'x.csv']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: npm run import -- <coverage\|ceremonies\|awards\|companies\|aliases/);
  });
});
