// The local console: in-process with streams, and `npm start` in a real terminal (a pty from `script`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { runConsole } from '../src/console/console-chat.ts';
import { projectRoot } from '../src/paths.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paritrana-console-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

async function until(read: () => string, pattern: RegExp, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!pattern.test(read())) {
    if (Date.now() - started > timeoutMs) throw new Error(`no ${pattern} within ${timeoutMs} ms in:\n${read()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Environment for a child with no token and no database server: what a new user has. */
function freshEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  for (const name of ['BOT_TOKEN', 'DATABASE_URL', 'BOT_MODE', 'PORT', 'NODE_OPTIONS']) delete env[name];
  return env;
}

describe('console', () => {
  it('greets, shows buttons as numbers, presses them, and closes cleanly', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let screen = '';
    output.on('data', (d: Buffer) => (screen += d.toString()));
    const dataDir = tempDir();
    const done = runConsole(loadConfig({ DATA_DIR: dataDir }), {
      io: { input, output },
      user: { id: 77, first_name: 'Wayan', language_code: 'id' },
    });
    const text = () => plain(screen);

    await until(text, /Halo, Wayan! 👋/, 30_000);
    expect(text()).toContain('[1] 📊 Cakupan wilayah');
    expect(text()).toContain('[7] ❓ Bantuan');
    expect(text()).toContain('[8] 🌐 Bahasa / Language');

    input.write('8\n');
    await until(text, /Mau pakai bahasa apa\? Pilih di bawah\./, 5_000);
    input.write('2\n'); // English
    await until(text, /from now on I will answer in English/, 5_000);
    input.write('9\n');
    await until(text, /Tidak ada tombol nomor 9\./, 5_000);
    input.write('apa itu paritrana\n');
    // English was picked with /bahasa, so an Indonesian question is answered in English.
    await until(text, /The Paritrana Award honours/, 5_000);
    // A chart is a picture: saved under the data directory and named, with its caption.
    input.write('/grafik papua barat daya\n');
    await until(text, /\[gambar: [^\]]+\.png\]/, 10_000);
    const saved = /\[gambar: ([^\]]+\.png)\]/.exec(text())![1]!;
    expect(saved.startsWith(path.join(dataDir, 'pictures'))).toBe(true);
    expect(fs.readFileSync(saved).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

    input.write('keluar\n');
    await done;
    expect(text()).toContain('Menutup bot dan basis data');
  });

  it('answers again in a second session on the same data directory', async () => {
    const dataDir = tempDir();
    for (const session of [1, 2]) {
      const input = new PassThrough();
      const output = new PassThrough();
      let screen = '';
      output.on('data', (d: Buffer) => (screen += d.toString()));
      const done = runConsole(loadConfig({ DATA_DIR: dataDir }), { io: { input, output }, user: { id: 78, first_name: 'Made' } });
      await until(() => plain(screen), /Halo, Made! 👋/, 30_000);
      // The second session follows up on the first one's question: what was kept is in the data directory.
      // ("iurannya brp?" alone names no income; after "penghasilan sy 2 juta" it is that income's.)
      input.write(session === 1 ? 'penghasilan sy 2 juta\n' : 'iurannya brp?\n');
      await until(() => plain(screen), session === 1 ? /Rp2\.000\.000/ : /untuk penghasilan Rp2\.000\.000/, 10_000);
      input.write('keluar\n');
      await done;
    }
  });

  it('opens with `npm start` in a terminal without a token and answers /start in Indonesian within 15 s', async () => {
    const dataDir = tempDir();
    // `script` gives the child a real pseudo-terminal, as a person's terminal would.
    const child = spawn('script', ['-qfec', 'npm start', '/dev/null'], {
      cwd: projectRoot,
      env: freshEnv(dataDir),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let screen = '';
    child.stdout.on('data', (d: Buffer) => (screen += d.toString()));
    child.stderr.on('data', (d: Buffer) => (screen += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const launched = Date.now();

    await until(() => plain(screen), /Halo, .+! 👋/, 15_000);
    const answeredMs = Date.now() - launched;
    expect(answeredMs).toBeLessThan(15_000);
    expect(plain(screen)).toContain('Paritrana Bot — konsol lokal');
    expect(fs.existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);

    child.stdin.write('keluar\r');
    expect(await exited).toBe(0);
  });

  it('exits 1 with directions to @BotFather when there is neither a token nor a terminal', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: projectRoot,
      env: freshEnv(tempDir()),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain('BOT_TOKEN is not set');
    expect(stderr).toContain('@BotFather');
  });
});
