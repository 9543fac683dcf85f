// The embedded default: PGlite in DATA_DIR behind a unix socket, used through the same code as PostgreSQL.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { beginUpdate, forgetProcessedUpdates } from '../src/domain/updates.ts';
import { prepareTemplate } from '../src/db/embedded.ts';
import { migrationsDir } from '../src/paths.ts';
import { captureLogs } from './support/logs.ts';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paritrana-embedded-'));
const { logger } = captureLogs();
const BOT = 7000000001;
const MIGRATIONS = fs
  .readdirSync(migrationsDir)
  .filter((m) => fs.statSync(path.join(migrationsDir, m)).isDirectory())
  .sort();

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('embedded database', () => {
  it('is created with every migration on first start, and keeps its data across restarts', async () => {
    const first = await openDatabase({ dataDir, logger });
    try {
      expect(first.kind).toBe('embedded');
      expect(first.created).toBe(true);
      // The install's template has them all; without one, this start applies them all.
      expect(first.appliedMigrations).toEqual(first.fromTemplate ? [] : MIGRATIONS);
      const siti = { id: 42, first_name: 'Siti', language_code: 'id' };
      // The data version comes with a sender's claim: the migrations made its row.
      expect(await beginUpdate(first.pool, BOT, 1, siti)).toEqual({ fresh: true, locale: null, dataVersion: '0' });
      expect(await beginUpdate(first.pool, BOT, 1, siti)).toEqual({ fresh: false, locale: null, dataVersion: '0' });
      expect(await beginUpdate(first.pool, BOT, 2, undefined)).toEqual({ fresh: true, locale: null });
      expect(await beginUpdate(first.pool, BOT, 2, undefined)).toEqual({ fresh: false, locale: null });
      // Update ids are per bot: another bot's update 1 is a different update.
      expect(await beginUpdate(first.pool, BOT + 1, 1, siti)).toEqual({ fresh: true, locale: null, dataVersion: '0' });
    } finally {
      await first.close();
    }

    const second = await openDatabase({ dataDir, logger });
    try {
      expect(second.created).toBe(false);
      expect(second.appliedMigrations).toEqual([]);
      expect(await second.prisma.user.findUnique({ where: { telegramId: 42n } })).toMatchObject({ firstName: 'Siti' });
      await second.ping();
    } finally {
      await second.close();
    }
  });

  it('makes a new data directory from the template prepared at install, and by initdb when it has none that loads', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'paritrana-template-test-'));
    try {
      // A template made at an install that had all migrations but the last: the data directory
      // made from it has the others already and gets the last one at its first start.
      const last = MIGRATIONS.at(-1)!;
      const older = path.join(work, 'migrations');
      fs.cpSync(migrationsDir, older, { recursive: true });
      fs.rmSync(path.join(older, last), { recursive: true });
      const template = path.join(work, 'template');
      await prepareTemplate(template, older);
      // A data directory of another PostgreSQL, with nothing in it.
      const broken = path.join(work, 'broken');
      fs.mkdirSync(broken);
      fs.writeFileSync(path.join(broken, 'PG_VERSION'), '99\n');
      for (const [name, file, fromTemplate] of [
        ['templated', template, true],
        ['broken', broken, false],
        ['none', path.join(work, 'missing'), false],
      ] as const) {
        const dir = path.join(work, name);
        const first = await openDatabase({ dataDir: dir, logger, embeddedTemplate: file });
        try {
          expect(first.created).toBe(true);
          expect(first.fromTemplate).toBe(fromTemplate);
          expect(first.appliedMigrations).toEqual(fromTemplate ? [last] : MIGRATIONS);
          await first.prisma.user.create({ data: { telegramId: 7n, firstName: name } });
        } finally {
          await first.close();
        }
        const again = await openDatabase({ dataDir: dir, logger, embeddedTemplate: file });
        try {
          expect(again.created).toBe(false);
          expect(again.appliedMigrations).toEqual([]);
          expect(await again.prisma.user.findUnique({ where: { telegramId: 7n } })).toMatchObject({ firstName: name });
        } finally {
          await again.close();
        }
      }
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('prepares no statement on its shared session, so that many connections claim updates at once', async () => {
    const db = await openDatabase({ dataDir, logger });
    try {
      const people = Array.from({ length: 40 }, (_, i) => ({ id: 5000 + i, first_name: `P${i}` }));
      const starts = await Promise.all(people.map((p, i) => beginUpdate(db.pool, BOT, 10_000 + i, p, p.id)));
      expect(starts.every((s) => s.fresh)).toBe(true);
      const { rows } = await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_prepared_statements');
      expect(rows[0]!.n).toBe(0);
    } finally {
      await db.close();
    }
  });

  it('forgets update claims older than asked, by UTC time whatever the session time zone', async () => {
    const db = await openDatabase({ dataDir, logger });
    try {
      await db.prisma.$executeRawUnsafe("SET TIME ZONE 'Asia/Jakarta'");
      expect((await beginUpdate(db.pool, BOT, 900, undefined)).fresh).toBe(true);
      const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
      expect(await forgetProcessedUpdates(db.prisma, hourAgo)).toBe(0);
      expect(await forgetProcessedUpdates(db.prisma, new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(1);
      expect((await beginUpdate(db.pool, BOT, 900, undefined)).fresh).toBe(true);
    } finally {
      await db.close();
    }
  });

  it('has pg_trgm for fuzzy matching', async () => {
    const db = await openDatabase({ dataDir, logger });
    try {
      await db.prisma.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      const [row] = await db.prisma.$queryRaw<{ s: number }[]>`SELECT similarity('padang panjang', 'padang panjng')::float8 AS s`;
      expect(row!.s).toBeGreaterThan(0.6);
    } finally {
      await db.close();
    }
  });

  it('refuses a second bot on the same data directory with a clear message', async () => {
    const db = await openDatabase({ dataDir, logger });
    try {
      const attempt = run(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          DATABASE_URL: '',
          BOT_TOKEN: '123456789:AAH-never-reaches-telegram-000',
          LOG_LEVEL: 'warn',
        },
      });
      await expect(attempt).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(new RegExp(`in use by another process \\(pid ${process.pid}\\)`)),
      });
    } finally {
      await db.close();
    }
  });

  it('lets the operator CLIs join the database a running bot serves, seeding a fresh one first', async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'paritrana-embedded-join-'));
    // This process plays the running bot: it holds the data directory and serves it.
    const holder = await openDatabase({ dataDir: fresh, logger });
    try {
      expect(holder.created).toBe(true);
      const env = { ...process.env, DATA_DIR: fresh, DATABASE_URL: '', LOG_LEVEL: 'warn' };
      const issued = await run(process.execPath, ['--import', 'tsx', 'src/admin/admin-cli.ts', 'issue-company-code', 'SAMPEL-0002'], {
        env,
      });
      expect(issued.stdout).toMatch(/SAMPEL-0002/);
      expect(issued.stderr).toContain('loading the seed data first');
      // Written to the holder's database, not to a copy.
      expect(await holder.prisma.companyCode.count({ where: { npp: 'SAMPEL-0002' } })).toBe(1);
      expect(await holder.prisma.region.count({ where: { level: 'province' } })).toBe(38);
      const status = await run(process.execPath, ['--import', 'tsx', 'src/db/cli.ts', 'deploy'], { env });
      expect(status.stdout).toContain('no pending migrations');
      await holder.ping();
    } finally {
      await holder.close();
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  }, 90_000);

  it('takes over a lock left by a process that died', async () => {
    fs.writeFileSync(path.join(dataDir, 'paritrana.pid'), '999999999');
    const db = await openDatabase({ dataDir, logger });
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'paritrana.pid'), 'utf8'))).toMatchObject({ pid: process.pid });
    await db.close();
    expect(fs.existsSync(path.join(dataDir, 'paritrana.pid'))).toBe(false);
  });
});
