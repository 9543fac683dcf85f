// One entry point to the database, embedded or real: the rest of the app only sees Prisma.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Logger } from 'pino';
import { PrismaClient } from '../generated/prisma/client.ts';
import { openEmbeddedDatabase } from './embedded.ts';
import { applyMigrations } from './migrations.ts';

export type { PrismaClient };

export interface Database {
  prisma: PrismaClient;
  /** The pool under Prisma, for the one statement every update runs (see domain/updates.ts). */
  pool: pg.Pool;
  kind: 'embedded' | 'postgresql';
  /** Connection settings for other `pg` users (the job queue, tests). */
  pgConfig: pg.PoolConfig;
  /** True when the embedded database was created by this start. */
  created: boolean;
  appliedMigrations: string[];
  /** Resolves when the database answers a query within `timeoutMs`, rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  logger: Logger;
  poolSize?: number;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const embedded = opts.databaseUrl ? undefined : await openEmbeddedDatabase(opts.dataDir);
  const pgConfig: pg.PoolConfig = embedded?.pgConfig ?? { connectionString: opts.databaseUrl };
  try {
    const appliedMigrations = await applyMigrations(pgConfig);
    if (appliedMigrations.length) opts.logger.info({ appliedMigrations }, 'database migrations applied');

    // Our own pool, so that a dropped server connection is logged rather than thrown: the
    // process must survive the database going away and recover when it is back.
    const pool = new pg.Pool({ ...pgConfig, max: opts.poolSize ?? 10, connectionTimeoutMillis: 5_000 });
    pool.on('error', (err) => opts.logger.warn({ err: err.message }, 'idle database connection lost'));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });

    return {
      prisma,
      pool,
      kind: embedded ? 'embedded' : 'postgresql',
      pgConfig,
      created: embedded?.created ?? false,
      appliedMigrations,
      async ping(timeoutMs = 2_000) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
        });
        try {
          await Promise.race([prisma.$queryRaw`SELECT 1`, timeout]);
        } finally {
          clearTimeout(timer);
        }
      },
      async close() {
        await prisma.$disconnect();
        await pool.end();
        await embedded?.close();
      },
    };
  } catch (e) {
    await embedded?.close();
    throw e;
  }
}
