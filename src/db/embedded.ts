// The embedded default: PGlite (PostgreSQL compiled to WASM) in DATA_DIR, served on a unix socket
// so that the app, the migrations and later the job queue use the same `pg` driver code as
// against a real server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { PoolConfig } from 'pg';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (pid ${pid}). ` +
        'Stop that process first, or give this one another DATA_DIR or a DATABASE_URL.',
    );
    this.name = 'DataDirInUseError';
  }
}

export interface EmbeddedDatabase {
  pgConfig: PoolConfig;
  created: boolean;
  close(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite has no lock of its own, and two writers would corrupt the data directory. */
function takeLock(lockPath: string, dataDir: string): () => void {
  for (;;) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new DataDirInUseError(dataDir, holder);
    // Left behind by a process that died: take it over.
    fs.rmSync(lockPath, { force: true });
  }
}

export async function openEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  fs.mkdirSync(root, { recursive: true });
  const releaseLock = takeLock(path.join(root, 'paritrana.pid'), root);
  try {
    const pgdata = path.join(root, 'pgdata');
    const created = !fs.existsSync(path.join(pgdata, 'PG_VERSION'));
    const db = await PGlite.create({ dataDir: pgdata, extensions: { pg_trgm } });
    // A socket directory of our own: no TCP port to collide with, and a short path (sun_path
    // holds 107 bytes, DATA_DIR may be deep).
    const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paritrana-pg-'));
    const server = new PGLiteSocketServer({ db, path: path.join(socketDir, '.s.PGSQL.5432'), maxConnections: 32 });
    await server.start();
    return {
      pgConfig: { host: socketDir, port: 5432, user: 'postgres', database: 'postgres' },
      created,
      async close() {
        await server.stop();
        await db.close();
        fs.rmSync(socketDir, { recursive: true, force: true });
        releaseLock();
      },
    };
  } catch (e) {
    releaseLock();
    throw e;
  }
}
