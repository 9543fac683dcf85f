import pg from 'pg';
import { applyMigrations } from '../../src/db/migrations.ts';
import { seedDatabase } from '../../src/db/seed.ts';
import { PG_ADMIN_URL, TEMPLATE_DB, dropDatabaseNamed, dropLeftoverTestDatabases, urlFor } from './postgres.ts';

/** Builds the seeded template every test database is copied from: the seed runs once per run. */
async function buildTemplate(): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  } finally {
    await admin.end();
  }
  const pgConfig = { connectionString: urlFor(TEMPLATE_DB) };
  await applyMigrations(pgConfig);
  const pool = new pg.Pool(pgConfig);
  try {
    await seedDatabase(pool);
  } finally {
    await pool.end();
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  // The workers, forked after this, find the template under this run's name.
  process.env.PARITRANA_TEST_TEMPLATE = TEMPLATE_DB;
  await dropLeftoverTestDatabases();
  await buildTemplate();
  return () => dropDatabaseNamed(TEMPLATE_DB);
}
