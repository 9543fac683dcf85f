// Runs an operator CLI (src/admin/*-cli.ts) as a process against a test database.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/paths.ts';

const run = promisify(execFile);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(script: string, args: string[], databaseUrl: string): Promise<CliResult> {
  return run(path.join(projectRoot, 'node_modules/.bin/tsx'), [script, ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: CliResult) => e,
  );
}
