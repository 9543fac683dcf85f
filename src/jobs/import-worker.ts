// The process of a whole-file import (see import-job.ts): it takes its job from the parent,
// reads the file as a stream, checks and writes it through the same import as everywhere
// else, and reports back. It has a connection of its own, without the statement bounds of the
// pool that answers people.
import { createReadStream } from 'node:fs';
import pg from 'pg';
import { importFile } from '../domain/import/import-runner.ts';
import type { ImportJob, WorkerMessage } from './import-job.ts';

const post = (message: WorkerMessage) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

process.once('message', (job: ImportJob) => {
  void run(job).then(() => process.disconnect());
});

async function run(job: ImportJob): Promise<void> {
  const pool = new pg.Pool({ ...job.pgConfig, max: 1, keepAlive: true });
  pool.on('error', () => undefined);
  try {
    const result = await importFile(pool, job.kind, createReadStream(job.file), {
      format: job.format,
      dryRun: job.dryRun,
      ...(job.today ? { today: job.today } : {}),
      onProgress: (progress) => void post({ type: 'progress', progress }),
    });
    await post({ type: 'result', result });
  } catch (e) {
    // V8 can also refuse one large allocation without dying; that, too, is the file being too large.
    const outOfMemory = e instanceof RangeError && /allocation failed|invalid (string|array) length/i.test(e.message);
    await post({ type: 'failed', message: e instanceof Error ? e.message : String(e), outOfMemory });
  } finally {
    await pool.end();
  }
}
