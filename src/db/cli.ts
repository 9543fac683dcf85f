// npm run db:migrate | db:migration -- <name> | db:status | db:seed | db:template
import fs from 'node:fs';
import path from 'node:path';
import type { PoolConfig } from 'pg';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createMigration, migrationStatus } from './migrations.ts';
import { openDatabase } from './database.ts';
import { openEmbeddedDatabase, prepareTemplate, templatePath } from './embedded.ts';
import { seedDatabase } from './seed.ts';

const [command, ...args] = process.argv.slice(2);

async function withPgConfig<T>(run: (pgConfig: PoolConfig) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  if (config.DATABASE_URL) return run({ connectionString: config.DATABASE_URL });
  const embedded = await openEmbeddedDatabase(config.DATA_DIR, { joinRunning: true });
  try {
    return await run(embedded.pgConfig);
  } finally {
    await embedded.close();
  }
}

async function main(): Promise<number> {
  switch (command) {
    case 'create': {
      const name = args[0];
      if (!name) {
        console.error('usage: npm run db:migration -- <name>   (e.g. add_regions)');
        return 2;
      }
      const dir = await createMigration(name);
      console.log(dir ? `created ${dir}/migration.sql` : 'schema.prisma matches the migrations: nothing to create');
      return 0;
    }
    case 'deploy':
    case 'seed': {
      const config = loadConfig(process.env);
      const logger = createLogger(config.LOG_LEVEL);
      const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, logger, joinRunning: true });
      try {
        console.log(db.appliedMigrations.length ? `applied: ${db.appliedMigrations.join(', ')}` : 'no pending migrations');
        if (command === 'seed') {
          const report = await seedDatabase(db.bulkPool, { logger, force: args.includes('--force') });
          console.log(Object.keys(report).length ? `seed: ${JSON.stringify(report)}` : 'seed: nothing to change');
        }
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'status': {
      const status = await withPgConfig((pgConfig) => migrationStatus(pgConfig));
      console.log(JSON.stringify(status, null, 2));
      return 0;
    }
    case 'template': {
      // Made once per PGlite version (npm install asks for it each time); --force makes it again.
      const file = templatePath();
      if (!args.includes('--force') && fs.existsSync(file)) return 0;
      await prepareTemplate(file);
      console.log(`embedded database template: ${path.relative(process.cwd(), file)}`);
      return 0;
    }
    default:
      console.error('usage: tsx src/db/cli.ts create <name> | deploy | status | seed | template');
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
