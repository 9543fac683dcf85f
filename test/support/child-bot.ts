// Runs a bot as a child process that logs JSON lines, and waits for the line saying it is up.
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { projectRoot } from '../../src/paths.ts';

export interface ChildBot {
  child: ChildProcess;
  url: string;
  lines: Record<string, unknown>[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `command` in the project root; resolves with the `url` of its log line whose msg is `readyMsg`. */
export async function spawnUntilReady(
  command: string[],
  env: Record<string, string>,
  readyMsg: string,
  timeoutMs = 30_000,
): Promise<ChildBot> {
  const [file, ...args] = command;
  const child = spawn(file!, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command.join(' ')} did not start in ${timeoutMs} ms: ${stderr}`)), timeoutMs);
    void exited.then(({ code }) => reject(new Error(`${command.join(' ')} exited with ${code} before it was ready: ${stderr}`)));
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        lines.push(entry);
        if (entry.msg === readyMsg) {
          clearTimeout(timer);
          resolve(String(entry.url));
        }
      } catch {
        // not a log line
      }
    });
  });
  return { child, url, lines, exited };
}

/** The real entry point (src/main.ts), as `npm start` runs it. */
export function startChildBot(env: Record<string, string>, timeoutMs = 30_000): Promise<ChildBot> {
  return spawnUntilReady(
    [process.execPath, '--import', 'tsx', 'src/main.ts'],
    { LOG_LEVEL: 'info', ...env },
    'Paritrana Bot is running',
    timeoutMs,
  );
}
