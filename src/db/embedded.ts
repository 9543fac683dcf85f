// The embedded default: PGlite (PostgreSQL compiled to WASM) in DATA_DIR, served on a unix socket
// so that the app, the migrations and later the job queue use the same `pg` driver code as
// against a real server. The lock file names that socket, so that the operator CLIs can join a
// running bot's database instead of being refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { PoolConfig } from 'pg';
import { migrationsDir, projectRoot } from '../paths.ts';
import { applyMigrations } from './migrations.ts';
import { migrationNames } from './schema-engine.ts';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    /** Where the holder serves the database, once it does. */
    readonly socketDir?: string,
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
  /** A new data directory made from the template prepared at install rather than by initdb. */
  fromTemplate?: boolean;
  /** True when another process (a running bot) holds the database and this one joined it. */
  joined: boolean;
  close(): Promise<void>;
}

const SOCKET_FILE = '.s.PGSQL.5432';

interface LockInfo {
  pid: number;
  socketDir?: string;
}

/** `{"pid":…,"socketDir":…}`; a bare pid from before the socket was recorded. */
function readLock(lockPath: string): LockInfo | undefined {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, 'utf8').trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === 'number') return { pid: parsed };
    if (parsed && typeof parsed === 'object') {
      const { pid, socketDir } = parsed as Record<string, unknown>;
      return { pid: Number(pid), ...(typeof socketDir === 'string' ? { socketDir } : {}) };
    }
  } catch {
    // Half-written by a process that died while writing it: nobody holds it.
  }
  return { pid: 0 };
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
      fs.writeFileSync(lockPath, JSON.stringify({ pid: process.pid }), { flag: 'wx' });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readLock(lockPath);
    if (!holder) continue;
    if (Number.isInteger(holder.pid) && holder.pid > 0 && isAlive(holder.pid)) {
      throw new DataDirInUseError(dataDir, holder.pid, holder.socketDir);
    }
    // Left behind by a process that died: take it over.
    fs.rmSync(lockPath, { force: true });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The database a running process serves from `dataDir`, waiting up to `waitMs` for a process
 * that is still starting to open its socket; undefined if the holder is gone meanwhile.
 */
async function joinRunning(lockPath: string, refused: DataDirInUseError, waitMs: number): Promise<EmbeddedDatabase | undefined> {
  const deadline = Date.now() + waitMs;
  for (let holder: LockInfo | undefined = refused; ; holder = readLock(lockPath)) {
    if (!holder || !isAlive(holder.pid)) return undefined;
    if (holder.socketDir && fs.existsSync(path.join(holder.socketDir, SOCKET_FILE))) {
      return {
        pgConfig: { host: holder.socketDir, port: 5432, user: 'postgres', database: 'postgres' },
        created: false,
        joined: true,
        // The holder owns the database: leaving closes only our connections.
        close: async () => undefined,
      };
    }
    if (Date.now() > deadline) throw refused;
    await sleep(100);
  }
}

export interface EmbeddedOptions {
  /**
   * For the operator CLIs: when a running process holds the data directory, use the database
   * it serves rather than refusing.
   */
  joinRunning?: boolean;
  /** How long to wait for a process that is starting to serve it; 15 s by default. */
  joinWaitMs?: number;
  /** The template a new data directory is made from (templatePath() by default). */
  template?: string;
}

/**
 * PostgreSQL's memory inside the process: the WASM memory grows to its peak and never gives
 * it back, so what PostgreSQL may hold is what the bot keeps. The data is some 40 MB; pages
 * it does not hold are read from the files (the OS caches them).
 */
const EMBEDDED_SETTINGS = ['shared_buffers = 32MB', 'maintenance_work_mem = 16MB', 'wal_buffers = 1MB', 'temp_buffers = 2MB'];

/** The installed PGlite's version, or undefined where its package cannot be read (then no template is used). */
function pgliteVersion(): string | undefined {
  try {
    const file = path.join(projectRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json');
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
const PGLITE_VERSION = pgliteVersion();

/**
 * A data directory fresh from initdb with the migrations of the install applied, made once at
 * install (`npm install` runs `db:template`) and copied file by file into every new DATA_DIR,
 * which PGlite then opens as an existing one. initdb was half of a first start (4.2 s of 8.9 s on
 * one core) and left some 450 MB of WASM and malloc memory behind it, and the migrations took
 * another 2.1 s. Loading the same directory as a tarball through PGlite (`loadDataDir`) took
 * 1.4 s and left its WASM memory 70 MB larger (about 330 MB resident against 205 MB for the copy,
 * in a process that only opened it). It is made by this version of PGlite for this
 * version only, and made again at the install after a migration is added (a data directory from
 * an older one gets the rest at start-up, as any older data directory does); without it, a new
 * directory is made by initdb.
 */
export const templatePath = (): string =>
  path.join(projectRoot, 'node_modules', '.cache', 'paritrana', `pgdata-pglite-${PGLITE_VERSION ?? 'unknown'}-${lastMigration()}`);

/** The newest migration's timestamp: a template is made again at the install after one is added. */
const lastMigration = (): string => migrationNames(migrationsDir).at(-1)?.slice(0, 14) ?? 'none';

const createPGlite = (dataDir: string) => PGlite.create({ dataDir, extensions: { pg_trgm }, postgresqlconf: EMBEDDED_SETTINGS });

/** Makes the template directory `dir` (atomically: a reader never sees half of it), with the migrations in `migrations`. */
export async function prepareTemplate(dir = templatePath(), migrations = migrationsDir): Promise<void> {
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  // Beside its place, so that it is moved there in one rename; the socket where its path is short.
  const work = fs.mkdtempSync(`${dir}.partial-`);
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paritrana-template-'));
  try {
    const db = await createPGlite(path.join(work, 'pgdata'));
    try {
      // The migrations run over a socket, as at start-up.
      const server = new PGLiteSocketServer({ db, path: path.join(socketDir, SOCKET_FILE) });
      await server.start();
      try {
        await applyMigrations({ host: socketDir, port: 5432, user: 'postgres', database: 'postgres' }, migrations);
      } finally {
        await server.stop();
      }
    } finally {
      await db.close();
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(path.join(work, 'pgdata'), dir);
    // What earlier installs made for other versions or migrations is of no further use.
    for (const old of fs.readdirSync(path.dirname(dir)))
      if (old.startsWith('pgdata-pglite-') && old !== path.basename(dir) && !old.includes('.partial-'))
        fs.rmSync(path.join(path.dirname(dir), old), { recursive: true, force: true });
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(socketDir, { recursive: true, force: true });
  }
}

/** A new data directory: a copy of the template when there is one that opens, else by initdb. */
async function createDataDir(pgdata: string, template: string): Promise<{ db: PGlite; fromTemplate: boolean }> {
  if (PGLITE_VERSION !== undefined && fs.existsSync(path.join(template, 'PG_VERSION'))) {
    try {
      fs.cpSync(template, pgdata, { recursive: true });
      return { db: await createPGlite(pgdata), fromTemplate: true };
    } catch {
      // A template of another make or a broken one: what it left is removed, initdb does it.
      fs.rmSync(pgdata, { recursive: true, force: true });
    }
  }
  return { db: await createPGlite(pgdata), fromTemplate: false };
}

export async function openEmbeddedDatabase(dataDir: string, opts: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  fs.mkdirSync(root, { recursive: true });
  const lockPath = path.join(root, 'paritrana.pid');
  let releaseLock: () => void;
  try {
    releaseLock = takeLock(lockPath, root);
  } catch (e) {
    if (!opts.joinRunning || !(e instanceof DataDirInUseError)) throw e;
    // The holder stopped while we waited: open it ourselves.
    return (await joinRunning(lockPath, e, opts.joinWaitMs ?? 15_000)) ?? openEmbeddedDatabase(dataDir, opts);
  }
  try {
    const pgdata = path.join(root, 'pgdata');
    const created = !fs.existsSync(path.join(pgdata, 'PG_VERSION'));
    const { db, fromTemplate } = created
      ? await createDataDir(pgdata, opts.template ?? templatePath())
      : { db: await createPGlite(pgdata), fromTemplate: false };
    // A socket directory of our own: no TCP port to collide with, and a short path (sun_path
    // holds 107 bytes, DATA_DIR may be deep).
    const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'paritrana-pg-'));
    const server = new PGLiteSocketServer({ db, path: path.join(socketDir, SOCKET_FILE), maxConnections: 32 });
    await server.start();
    // Only now may others join; the socket directory is ours alone (mode 0700).
    fs.writeFileSync(lockPath, JSON.stringify({ pid: process.pid, socketDir }));
    return {
      pgConfig: { host: socketDir, port: 5432, user: 'postgres', database: 'postgres' },
      created,
      fromTemplate,
      joined: false,
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
