// What the operator CLIs share: the database from the environment, quiet logs, exit codes.
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { isSeeded, seedDatabase } from '../db/seed.ts';
import { createLogger } from '../logger.ts';

/**
 * Runs `main` with the configured database (embedded or not) and closes it afterwards. Like
 * `npm start`, it migrates and seeds first, so that a fresh data directory knows the seeded
 * companies and regions; on an embedded database a running bot holds, it joins that bot's.
 */
export async function withCliDatabase<T>(run: (db: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  // The CLI prints its own results; the logger only speaks up for warnings.
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger, joinRunning: true });
  try {
    if (!(await isSeeded(db.bulkPool))) console.error('New database: loading the seed data first (about 10 s)…');
    await seedDatabase(db.bulkPool, { logger });
    return await run(db, config);
  } finally {
    await db.close();
  }
}

/** Exits with what `main` returns; an unexpected error is one line on stderr and exit 1. */
export function runCli(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
