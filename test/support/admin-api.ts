// The admin HTTP API on a test database, served on a random local port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import type { PrismaClient } from '../../src/generated/prisma/client.ts';
import { createI18n } from '../../src/i18n/i18n.ts';
import { createApp } from '../../src/server/app.ts';
import { captureLogs } from './logs.ts';

export interface AdminApi {
  /** "http://127.0.0.1:<port>/api/admin" */
  base: string;
  close(): Promise<void>;
}

export async function startAdminApi(
  db: { prisma: PrismaClient; pool: pg.Pool; database: { url: string } },
  opts: { token: string | undefined; memoryMb?: number },
): Promise<AdminApi> {
  const { logger } = captureLogs();
  const app = createApp({
    logger,
    checkReady: async () => undefined,
    admin: {
      prisma: db.prisma,
      pool: db.pool,
      imports: { pgConfig: { connectionString: db.database.url }, memoryMb: opts.memoryMb ?? 256 },
      i18n: createI18n('id'),
      token: opts.token,
    },
  });
  const server = http.createServer(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/admin`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
