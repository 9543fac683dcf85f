// Prisma's schema engine, as WebAssembly, driven through driver adapters. The native engine is
// a download the CLI makes before every migrate command, which these machines cannot do; the
// WASM build of the same engine (pinned to prisma's engines hash in package.json) keeps Prisma's
// own migration layout and `_prisma_migrations` bookkeeping, so `prisma migrate deploy` on an
// online machine accepts the same history.
import { readdirSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import type { PoolConfig } from 'pg';

const require = createRequire(import.meta.url);

// Node has WebAssembly; the ES lib typings do not declare it (only the DOM lib does).
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { exports: Record<string, unknown> };
};
const Wasm = WebAssembly;

type EngineClass = typeof SchemaEngine;
let engineClass: Promise<EngineClass> | undefined;

/** wasm-bindgen output may be instantiated only once per process. */
function loadEngineClass(): Promise<EngineClass> {
  engineClass ??= (async () => {
    // The package targets bundlers (`import * as wasm from "./x.wasm"`), which Node cannot
    // load, so the module is instantiated by hand, as @prisma/internals used to.
    const runtime = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as Record<string, unknown> & {
      __wbg_set_wasm(exports: Record<string, unknown>): void;
      SchemaEngine: EngineClass;
    };
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const bytes = await fs.readFile(path.join(dir, 'schema_engine_bg.wasm'));
    const instance = new Wasm.Instance(new Wasm.Module(bytes), { './schema_engine_bg.js': runtime });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime.SchemaEngine;
  })();
  return engineClass;
}

/** An in-memory PGlite that can load the same extensions as the real databases. */
async function openShadowDb(): Promise<SqlDriverAdapter> {
  const db = await PGlite.create({ extensions: { pg_trgm } });
  const adapter = withAwaitedScripts(await new PrismaPGlite(db).connect(), (script) => db.exec(script));
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await db.close();
  };
  return adapter;
}

/**
 * Both adapters run migration scripts wrongly for the engine: adapter-pg splits the script on
 * every ';' (breaking function bodies and atomicity), pglite-prisma-adapter does not await it
 * (a failing migration is reported as applied). Run the whole script as one simple-protocol
 * query, as the native engine does, and hand errors to the adapter's own error mapping.
 */
function withAwaitedScripts<A extends SqlDriverAdapter>(adapter: A, run: (script: string) => Promise<unknown>): A {
  const mapError = (adapter as unknown as { onError(e: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (e) {
      mapError(e);
    }
  };
  return adapter;
}

/**
 * The migration-aware factory for a PostgreSQL server (real, or PGlite behind its socket).
 * The shadow database is an in-memory PGlite: adapter-pg cannot serve the engine's schema
 * describer (the "char" type, OID 18), and it needs no CREATE DATABASE rights on the server.
 */
export function migrationFactory(pgConfig: PoolConfig): SqlMigrationAwareDriverAdapterFactory {
  const inner = new PrismaPg({ ...pgConfig, max: 1 });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      const pool = adapter.underlyingDriver();
      return withAwaitedScripts(adapter, async (script) => {
        const client = await pool.connect();
        try {
          await client.query(script);
        } finally {
          client.release();
        }
      });
    },
    connectToShadowDb: openShadowDb,
  };
}

/** A migration-aware factory with no server at all: for diffs of migrations against the schema. */
export function inMemoryMigrationFactory(): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pglite',
    connect: openShadowDb,
    connectToShadowDb: openShadowDb,
  };
}

export interface OpenEngine {
  engine: SchemaEngine;
  close(): Promise<void>;
}

export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  schemaFiles: { path: string; content: string }[] = [],
): Promise<OpenEngine> {
  const Engine = await loadEngineClass();
  // engine.free() does not dispose what it connected: track it, or pools stay open.
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      opened.push(adapter);
      return adapter;
    },
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
  const bound = bindMigrationAwareSqlAdapterFactory(tracked);
  const debug = (message: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) process.stderr.write(`[schema-engine] ${message}\n`);
  };
  try {
    const engine = await Engine.new(
      { datamodels: schemaFiles.length ? schemaFiles.map((f) => [f.path, f.content]) : undefined },
      debug,
      bound,
    );
    return {
      engine,
      async close() {
        engine.free();
        for (const adapter of opened.splice(0)) await adapter.dispose();
      },
    };
  } catch (e) {
    for (const adapter of opened.splice(0)) await adapter.dispose().catch(() => {});
    throw e;
  }
}

export const LOCKFILE = 'migration_lock.toml';

/** The migrations in `baseDir`: its sub-directories' names, oldest first (none when it is missing). */
export function migrationNames(baseDir: string): string[] {
  try {
    return readdirSync(baseDir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** The prisma CLI's own listing: every sub-directory with its migration.sql, by name. */
export async function listMigrations(baseDir: string): Promise<MigrationList> {
  const lockContent = await fs.readFile(path.join(baseDir, LOCKFILE), 'utf8').catch(() => null);
  const dirs = await Promise.all(
    migrationNames(baseDir).map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: await fs
          .readFile(path.join(baseDir, name, 'migration.sql'), 'utf8')
          .then((value) => ({ tag: 'ok' as const, value }))
          .catch((e: Error) => ({ tag: 'error' as const, value: e.message })),
      },
    })),
  );
  dirs.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: LOCKFILE, content: lockContent },
    migrationDirectories: dirs,
    shadowDbInitScript: '',
  };
}

export const noFilter = { externalTables: [], externalEnums: [] };
