// Each test file gets a database of its own on the real PostgreSQL server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../src/generated/prisma/client.ts';
import { afterAll, beforeAll } from 'vitest';

export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
export const TEST_DB_PREFIX = 'paritrana_test_';
/**
 * Migrated and seeded once per run by global-setup; test databases are copies of it. Named
 * after the run's process (workers inherit the name), so that two runs on one server (a CI
 * job and a developer) never drop each other's.
 */
export const TEMPLATE_DB = process.env.PARITRANA_TEST_TEMPLATE ?? `${TEST_DB_PREFIX}${process.pid}_template`;

export function urlFor(database: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of the test's own: a copy of the seeded template (a file copy, fast), or with
 * `empty` a blank one for tests of migrations themselves.
 */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `${TEST_DB_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(opts.empty ? `CREATE DATABASE "${name}"` : `CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`));
  return {
    name,
    url: urlFor(name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Databases left by an earlier run that was killed before it could drop them: those whose
 * name carries the pid of a process that is gone. A run still going keeps its own.
 */
export async function dropLeftoverTestDatabases(): Promise<void> {
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${TEST_DB_PREFIX}%`]);
    for (const { datname } of rows) {
      const pid = Number(/^paritrana_test_(\d+)_/.exec(datname)?.[1]);
      if (pid && alive(pid)) continue;
      await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}

export async function dropDatabaseNamed(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/**
 * For a test file that queries the seeded knowledge base: its own copy of the template and
 * a pool on it, made before the file's tests and dropped after them.
 */
export function useSeededDatabase(): { readonly pool: pg.Pool; readonly prisma: PrismaClient; readonly database: TestDatabase } {
  let database: TestDatabase | undefined;
  let pool: pg.Pool | undefined;
  let prisma: PrismaClient | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 3 });
    // Dropping the database at the end ends its connections: not an error of the test.
    pool.on('error', () => undefined);
    // Prisma on the same pool, as the app has it.
    prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await pool?.end();
    await database?.drop();
  });
  return {
    get pool() {
      if (!pool) throw new Error('useSeededDatabase: used outside a test');
      return pool;
    },
    get prisma() {
      if (!prisma) throw new Error('useSeededDatabase: used outside a test');
      return prisma;
    },
    get database() {
      if (!database) throw new Error('useSeededDatabase: used outside a test');
      return database;
    },
  };
}
