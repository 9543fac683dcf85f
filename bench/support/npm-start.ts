// The bot's process as `npm start` starts it, read from package.json so that the benchmarks
// measure what people run: the environment and node flags of its last step, after building dist/.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths.ts';
import { spawnUntilReady, type ChildBot } from '../../test/support/child-bot.ts';

export interface NodeCommand {
  env: Record<string, string>;
  /** node's own flags and the entry point, e.g. ['--max-semi-space-size=16', 'dist/main.js']. */
  args: string[];
}

export function npmStartCommand(): NodeCommand {
  const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const last = pkg.scripts.start!.split('&&').at(-1)!.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (last[0]?.includes('=')) {
    const [name, value] = last.shift()!.split('=');
    env[name!] = value!;
  }
  if (last.shift() !== 'node') throw new Error(`npm start does not end in a node command: ${pkg.scripts.start}`);
  const built = spawnSync(process.execPath, ['scripts/build-dist.mjs', '--required'], { cwd: projectRoot, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('dist/ could not be built');
  return { env, args: last };
}

/** The bot started as npm start starts it, with `env` added; resolves once it says it is running. */
export function startBuiltBot(env: Record<string, string>, timeoutMs = 60_000): Promise<ChildBot> {
  const { env: startEnv, args } = npmStartCommand();
  return spawnUntilReady([process.execPath, ...args], { ...startEnv, LOG_LEVEL: 'info', ...env }, 'Paritrana Bot is running', timeoutMs);
}
