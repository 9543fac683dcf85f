// npm run bench:import: what a very large import through the admin API costs everyone else.
// The full bot (real entry point, webhook mode, PostgreSQL) gets a ~49 MB coverage file (every
// region of Indonesia, five months: about 460 thousand rows) as a dry run, while one person
// keeps sending /start. Reported: that person's latency before and during the import (the
// baseline is measured in the same run), and the bot's resident memory before, at its peak and
// 5 s after. Needs the PostgreSQL server (BENCH_PG_URL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { LocalBotApi } from '../src/bot-api-double/local-bot-api.ts';
import { startBuiltBot } from './support/npm-start.ts';
import { dropDatabase, freshDatabase } from './support/databases.ts';
import { statusMb } from './support/proc.ts';

const DATABASE = 'paritrana_bench_import';
const TOKEN = '123456789:bench-token_abcdefghijklmnopqrstuv';
const SECRET = 'bench-webhook-secret-0123456789';
const ADMIN = 'bench-admin-token-0123456789abcdef';
const MONTHS = ['Januari 2026', 'Februari 2026', 'Maret 2026', 'April 2026', 'Mei 2026'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;

const databaseUrl = await freshDatabase(DATABASE);
const double = new LocalBotApi({ token: TOKEN });
await double.start();
process.stderr.write('starting the bot (it seeds its database first)…\n');
// As npm start runs it (package.json): compiled, with its node flags and environment.
const bot = await startBuiltBot(
  {
    BOT_TOKEN: TOKEN,
    BOT_MODE: 'webhook',
    WEBHOOK_URL: 'https://bench.example.test/telegram/webhook',
    WEBHOOK_SECRET: SECRET,
    ADMIN_API_TOKEN: ADMIN,
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: databaseUrl,
    TELEGRAM_API_ROOT: double.apiRoot,
  },
  180_000,
);
const pid = bot.child.pid!;

// The file: every region with a code, five months each.
const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
const { rows: regions } = await pool.query<{ code: string }>('SELECT code FROM "Region" ORDER BY code');
await pool.end();
const header =
  'region_code,as_of,active_participants,wage_earners,informal,working_population,coverage_percent,source_name,source_url,source_date,uncertain,note';
const lines = [header];
let seed = 1;
const next = () => (seed = (seed * 48_271) % 2_147_483_647);
for (const month of MONTHS) {
  for (const { code } of regions) {
    const active = 1_000 + (next() % 900_000);
    lines.push(
      `${code},${month},${active},${Math.floor(active * 0.7)},${Math.floor(active * 0.3)},${active * 3},"${((next() % 9_000) / 100).toFixed(2).replace('.', ',')}",Uji beban impor (bukan data nyata),,,tidak,`,
    );
  }
}
const file = path.join(os.tmpdir(), 'paritrana-bench-import.csv');
fs.writeFileSync(file, lines.join('\n'));
const bytes = fs.statSync(file).size;

let nextId = 1;
async function ping(): Promise<number> {
  const id = nextId++;
  const body = JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: 50_001, type: 'private', first_name: 'Bench' },
      from: { id: 50_001, is_bot: false, first_name: 'Bench', language_code: 'id' },
      text: '/start',
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    },
  });
  const started = performance.now();
  const res = await fetch(`${bot.url}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body,
  });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  return performance.now() - started;
}

let failedPings = 0;
/** One person sending /start back to back (at most 10 a second) until `until` settles. */
async function probe(until: Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  let done = false;
  until.then(
    () => (done = true),
    () => (done = true),
  );
  while (!done) {
    try {
      latencies.push(await ping());
    } catch {
      failedPings++;
    }
    await sleep(100);
  }
  return latencies;
}
let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
void bot.exited.then((e) => (exit = e));

for (let i = 0; i < 20; i++) await ping(); // warm-up
const quiet = probe(sleep(5_000));
const baseline = await quiet;
const rssBefore = statusMb(pid, 'VmRSS');

let peak = rssBefore;
const sampler = setInterval(() => {
  if (!exit) peak = Math.max(peak, statusMb(pid, 'VmRSS'));
}, 100);
process.stderr.write(`importing ${(bytes / 1e6).toFixed(1)} MB (${lines.length - 1} rows, dry run)…\n`);
const importStarted = performance.now();
const importing = fetch(`${bot.url}/api/admin/import/coverage?dry_run=1`, {
  method: 'POST',
  headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'text/csv' },
  body: fs.readFileSync(file),
}).then(
  async (res) => ({ status: res.status, body: (await res.json()) as Record<string, unknown> }),
  (e: Error) => ({ status: 0, body: { error: `no answer (${e.message})` } as Record<string, unknown> }),
);
const during = await probe(importing);
const imported = await importing;
const importS = (performance.now() - importStarted) / 1000;
await sleep(5_000);
clearInterval(sampler);
const rssAfter = exit ? NaN : statusMb(pid, 'VmRSS');
const died = exit ? `the bot died (exit ${exit.code ?? exit.signal}): ${String(bot.lines.at(-1)?.msg ?? '')}` : 'the bot stayed up';

if (!exit) bot.child.kill('SIGTERM');
await bot.exited;
await double.stop();
await dropDatabase(DATABASE);
fs.rmSync(file, { force: true });

const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p99: pct(s, 99), max: s[s.length - 1] ?? NaN };
};
const q = summary(baseline);
const d = summary(during);
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`import: HTTP ${imported.status}, ${String(imported.body.error ?? `${imported.body.rows} rows`)}, ${importS.toFixed(1)} s`);
console.log('| /start from one person | requests | p50 | p99 | max |');
console.log('|---|---|---|---|---|');
console.log(`| before the import | ${q.n} | ${ms(q.p50)} | ${ms(q.p99)} | ${ms(q.max)} |`);
console.log(`| during the import | ${d.n} | ${ms(d.p50)} | ${ms(d.p99)} | ${ms(d.max)} |`);
console.log(`p99 during / before: ${(d.p99 / q.p99).toFixed(2)}; failed /start during the import: ${failedPings}; ${died}`);
console.log(`bot RSS: ${rssBefore.toFixed(0)} MB before, ${peak.toFixed(0)} MB at the peak, ${rssAfter.toFixed(0)} MB 5 s after`);
