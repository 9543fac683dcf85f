// One entry point to the database, embedded or real: the rest of the app only sees Prisma.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Logger } from 'pino';
import { PrismaClient } from '../generated/prisma/client.ts';
import { openEmbeddedDatabase } from './embedded.ts';
import { applyMigrations } from './migrations.ts';
import { allowPreparedStatements } from './sql.ts';

export type { PrismaClient };

export interface Database {
  prisma: PrismaClient;
  /** The pool under Prisma, for the one statement every update runs (see domain/updates.ts). */
  pool: pg.Pool;
  /** Two connections without statement bounds, for seeding and whole-file imports. */
  bulkPool: pg.Pool;
  kind: 'embedded' | 'postgresql';
  /** Connection settings for other `pg` users (the job queue, tests). */
  pgConfig: pg.PoolConfig;
  /** True when the embedded database was created by this start. */
  created: boolean;
  /** …and made from the template prepared at install (embedded.ts), not by initdb. */
  fromTemplate: boolean;
  appliedMigrations: string[];
  /** Resolves when the database answers a query within `timeoutMs`, rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Dead connections are found by TCP keepalive rather than by waiting for the OS. */
const ALIVE: pg.PoolConfig = { keepAlive: true, keepAliveInitialDelayMillis: 10_000, connectionTimeoutMillis: 5_000 };

/**
 * Every statement of the pool that answers people is bounded: the server cancels one running
 * longer than 4 s, and the client gives up on one unanswered after 4,5 s (a stalled server, a
 * lost network), discarding that connection. The person then gets the apology within 5 s and
 * the pool never fills with stuck connections. Seeding and whole-file imports, which may run
 * longer, have their own small pool (`bulkPool`) without these bounds.
 */
export const STATEMENT_TIMEOUT_MS = 4_000;
export const QUERY_TIMEOUT_MS = 4_500;
const BOUNDED: pg.PoolConfig = { ...ALIVE, statement_timeout: STATEMENT_TIMEOUT_MS, query_timeout: QUERY_TIMEOUT_MS };

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  logger: Logger;
  poolSize?: number;
  /** For the operator CLIs: use the embedded database a running bot serves (see embedded.ts). */
  joinRunning?: boolean;
  /** The template a new embedded data directory is made from (embedded.ts's templatePath() by default). */
  embeddedTemplate?: string;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const embedded = opts.databaseUrl
    ? undefined
    : await openEmbeddedDatabase(opts.dataDir, {
        joinRunning: !!opts.joinRunning,
        ...(opts.embeddedTemplate ? { template: opts.embeddedTemplate } : {}),
      });
  const pgConfig: pg.PoolConfig = embedded?.pgConfig ?? { connectionString: opts.databaseUrl };
  try {
    const appliedMigrations = await applyMigrations(pgConfig);
    if (appliedMigrations.length) opts.logger.info({ appliedMigrations }, 'database migrations applied');

    // Our own pool, so that a dropped server connection is logged rather than thrown: the
    // process must survive the database going away and recover when it is back.
    const pool = new pg.Pool({ ...pgConfig, ...BOUNDED, max: opts.poolSize ?? 10 });
    pool.on('error', (err) => opts.logger.warn({ err: err.message }, 'idle database connection lost'));
    if (!embedded) allowPreparedStatements(pool);
    const bulkPool = new pg.Pool({ ...pgConfig, ...ALIVE, max: 2 });
    bulkPool.on('error', (err) => opts.logger.warn({ err: err.message }, 'idle bulk database connection lost'));
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });

    return {
      prisma,
      pool,
      bulkPool,
      kind: embedded ? 'embedded' : 'postgresql',
      pgConfig,
      created: embedded?.created ?? false,
      fromTemplate: embedded?.fromTemplate ?? false,
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
        await bulkPool.end();
        await embedded?.close();
      },
    };
  } catch (e) {
    await embedded?.close();
    throw e;
  }
}
