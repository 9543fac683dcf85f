import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, createMigration, diffMigrationsToSchema } from '../src/db/migrations.ts';
import { migrationsDir } from '../src/paths.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.ts';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await database.drop();
  });

  it('committed migrations produce exactly prisma/schema.prisma', async () => {
    expect(await diffMigrationsToSchema()).toBe('');
  });

  it('apply to PostgreSQL once, with the bookkeeping prisma migrate deploy expects', async () => {
    const committed = (await fs.readdir(migrationsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(await applyMigrations({ connectionString: database.url })).toEqual(committed);
    expect(await applyMigrations({ connectionString: database.url })).toEqual([]);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
      );
      const { createHash } = await import('node:crypto');
      for (const [i, name] of committed.entries()) {
        const sql = await fs.readFile(path.join(migrationsDir, name, 'migration.sql'));
        expect(rows[i]).toEqual({
          migration_name: name,
          checksum: createHash('sha256').update(sql).digest('hex'),
          finished: true,
          applied_steps_count: 1,
        });
      }
    } finally {
      await client.end();
    }
  });

  it('leave the regions, once the first seed has loaded them fast, with the indexes and parent check the migrations made', async () => {
    // The database above has the migrations and nothing else; every test database is a copy of the seeded template.
    const seeded = await createTestDatabase();
    const shape = async (url: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const indexes = await client.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'Region' ORDER BY indexname`);
        const constraints = await client.query(
          `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '"Region"'::regclass ORDER BY conname`,
        );
        const regions = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Region"');
        return { indexes: indexes.rows, constraints: constraints.rows, regions: regions.rows[0]!.n };
      } finally {
        await client.end();
      }
    };
    try {
      const migrated = await shape(database.url);
      const loaded = await shape(seeded.url);
      expect(migrated.regions).toBe(0);
      expect(loaded.regions).toBe(91_593);
      expect(loaded.indexes).toEqual(migrated.indexes);
      expect(loaded.constraints).toEqual(migrated.constraints);
      expect(loaded.constraints.map((c) => c.conname)).toEqual(['Region_parentCode_fkey', 'Region_pkey']);
      expect(loaded.indexes.map((i) => i.indexname)).toEqual([
        'Region_parentCode_idx',
        'Region_pkey',
        'Region_searchName_level_code_idx',
        'Region_trigramName_idx',
      ]);
    } finally {
      await seeded.drop();
    }
  });

  it('authors a new migration offline from a schema change, and none when nothing changed', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'migrations-'));
    try {
      await fs.cp(migrationsDir, dir, { recursive: true });
      expect(await createMigration('nothing', dir)).toBeNull();
      // An empty history: everything in schema.prisma becomes the first migration.
      const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'migrations-empty-'));
      const created = await createMigration('Init Schema!', empty, new Date('2026-01-02T03:04:05Z'));
      expect(path.basename(created!)).toBe('20260102030405_init_schema');
      const sql = await fs.readFile(path.join(created!, 'migration.sql'), 'utf8');
      expect(sql).toContain('CREATE TABLE "User"');
      expect(await fs.readFile(path.join(empty, 'migration_lock.toml'), 'utf8')).toContain('provider = "postgresql"');
      await fs.rm(empty, { recursive: true });
    } finally {
      await fs.rm(dir, { recursive: true });
    }
  });

  it('records a failing migration as failed and refuses to go on, as prisma does', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'migrations-bad-'));
    const db = await createTestDatabase({ empty: true });
    try {
      await fs.mkdir(path.join(dir, '20260101000000_bad'));
      await fs.writeFile(path.join(dir, 'migration_lock.toml'), 'provider = "postgresql"\n');
      await fs.writeFile(
        path.join(dir, '20260101000000_bad', 'migration.sql'),
        "CREATE TABLE t (note text DEFAULT 'a;b');\nSELECT * FROM no_such_table;\n",
      );
      await expect(applyMigrations({ connectionString: db.url }, dir)).rejects.toThrow(/no_such_table/);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query('SELECT finished_at, logs FROM _prisma_migrations');
      // The script ran as one transaction: the table before the failing statement is gone too.
      const { rows: tables } = await client.query("SELECT to_regclass('t') AS t");
      await client.end();
      expect(rows).toHaveLength(1);
      expect(rows[0].finished_at).toBeNull();
      expect(rows[0].logs).toMatch(/no_such_table/);
      expect(tables[0].t).toBeNull();
      await expect(applyMigrations({ connectionString: db.url }, dir)).rejects.toThrow(/failed|P3009/i);
    } finally {
      await fs.rm(dir, { recursive: true });
      await db.drop();
    }
  });
});
