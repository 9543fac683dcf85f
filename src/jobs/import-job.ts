// Whole-file imports from the admin API run in a process of their own with a bounded heap: a
// 49 MB file once held the bot's event loop for 18 s and took its memory from 260 MB to 1.6 GB,
// for good. In its own process the bot goes on answering, a file too large for the bound fails
// alone with a clear error, and the memory goes back to the system when the import ends. (A
// worker thread would share the heap's address space, and Node 20 cannot load TypeScript in
// one.) One import at a time per bot; the next waits its turn.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { ImportKindName } from '../domain/import/import-kinds.ts';
import { changesUnderstanding, type ImportProgress, type ImportResult } from '../domain/import/import-runner.ts';
import type { FileFormat } from '../domain/import/import-records.ts';
import { forgetUnderstanding } from '../domain/understanding/sources.ts';

export interface ImportJob {
  /** How the worker connects (the database's own settings; the worker adds no statement bounds). */
  pgConfig: pg.PoolConfig;
  kind: ImportKindName;
  /** A file on disk, read as a stream. */
  file: string;
  format: FileFormat;
  dryRun: boolean;
  today?: string;
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'result'; result: ImportResult }
  | { type: 'failed'; message: string; outOfMemory: boolean };

/** The file needs more memory than an import may take: split it. */
export class ImportTooLargeError extends Error {
  constructor(readonly memoryMb: number) {
    super(`the import needed more than ${memoryMb} MB of memory`);
    this.name = 'ImportTooLargeError';
  }
}

export interface ImportRunOptions {
  /** The pool that answers people: its cached understanding is dropped after aliases or knowledge change. */
  pool: pg.Pool;
  /** The heap the worker may use, in MB. */
  memoryMb: number;
  onProgress?: (progress: ImportProgress) => void;
}

// Compiled (dist), the worker is the sibling .js file; as TypeScript (npm start, tests) it
// needs the tsx loader, which the parent may not have been started with (vitest).
const typescript = import.meta.url.endsWith('.ts');
const workerFile = fileURLToPath(new URL(typescript ? './import-worker.ts' : './import-worker.js', import.meta.url));

let queue: Promise<unknown> = Promise.resolve();

function runWorker(job: ImportJob, opts: ImportRunOptions): Promise<ImportResult> {
  return new Promise<ImportResult>((resolve, reject) => {
    const child = fork(workerFile, [], {
      execArgv: [...(typescript ? ['--import', 'tsx'] : []), `--max-old-space-size=${opts.memoryMb}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4_000)));
    let settled: ImportResult | Error | undefined;
    child.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') opts.onProgress?.(message.progress);
      else if (message.type === 'result') settled = message.result;
      else settled = message.outOfMemory ? new ImportTooLargeError(opts.memoryMb) : new Error(message.message);
    });
    child.on('error', (err) => (settled ??= err));
    // 'close', not 'exit': only then has all of stderr been read. On a busy machine 'exit' came
    // first, the "heap out of memory" line was not yet seen, and a too-large file read as a crash.
    child.on('close', (code, signal) => {
      if (settled instanceof Error) reject(settled);
      else if (settled) resolve(settled);
      else if (/heap out of memory|Allocation failed/i.test(stderr)) reject(new ImportTooLargeError(opts.memoryMb));
      else
        reject(
          new Error(`the import process stopped without a result (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').at(-1) ?? ''}`),
        );
    });
    child.send(job);
  });
}

/** Imports `job.file` in a process of its own; rejects with ImportTooLargeError past the memory bound. */
export function importInWorker(job: ImportJob, opts: ImportRunOptions): Promise<ImportResult> {
  const run = queue.then(() => runWorker(job, opts));
  queue = run.catch(() => undefined);
  return run.then((result) => {
    if (changesUnderstanding(job.kind, result)) forgetUnderstanding(opts.pool);
    return result;
  });
}
