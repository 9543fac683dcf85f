// npm run bench:webhook: the full bot (real entry point, PostgreSQL, webhook mode) against a bare
// grammY bot answering one sendMessage, both posting to the same local Bot API double, measured
// in the same run with autocannon. Needs the PostgreSQL server (BENCH_PG_URL).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { LocalBotApi } from '../src/bot-api-double/local-bot-api.ts';
import { spawnUntilReady, type ChildBot } from '../test/support/child-bot.ts';
import { freshDatabase } from './support/databases.ts';
import { cpuMs, statusMb } from './support/proc.ts';
import { buttonSigner } from '../src/bot/callback-data.ts';
import { parseTelegramHtml } from '../src/i18n/telegram-html.ts';
import { npmStartCommand } from './support/npm-start.ts';

const DATABASE = 'paritrana_bench';
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = 3;
const USERS = 1_000;
const TOKEN = '123456789:bench-token_abcdefghijklmnopqrstuv';
const SECRET = 'bench-webhook-secret-0123456789';

interface Case {
  name: string;
  text: string;
  start(): Promise<Started>;
  /** What every reply must be, as the conversation tests hold it (the peer and bare grammY: none checked). */
  reply?: Expected;
}

/** A case's bot as started, with when its process was spawned. */
interface Started extends ChildBot {
  spawnedAt: number;
}

/** A reply's method, what its text begins with and holds, and its buttons' data (the 👍/👎 row's by prefix). */
interface Expected {
  method: string;
  starts: string;
  contains: string[];
  buttons: (string | RegExp)[];
}

interface Result {
  name: string;
  /** CPU time of the bot process per request answered, and its share of the measured time. */
  cpuMsPerRequest: number;
  cpuShare: number;
  /** The same for the PostgreSQL server's processes, and for this process (load and Bot API double). */
  pgCpuMsPerRequest: number;
  benchCpuMsPerRequest: number;
  /** Resident memory when ready, and after the warm-up and the measured run (over 10,000 updates at these rates). */
  idleRss: number;
  afterRss: number;
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** From spawning the process to the reply to its first update, sent as soon as it is ready. */
  firstAnswerMs: number;
  /** Sampled replies that were not what the conversation tests expect. */
  wrongReplies: string[];
  sampled: number;
}

// As in the architecture notes' measurements: one core for the bot under test, the other for
// the load generator and the double (this process), the same for every case. PostgreSQL floats.
const PIN = process.env.BENCH_PIN !== '0' && os.availableParallelism() >= 2 && spawnSync('taskset', ['-c', '1', 'true']).status === 0;
if (PIN) spawnSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });

/** The full bot as npm start runs it (package.json): compiled, with its node flags and environment. */
const NPM_START = npmStartCommand();
const BOT = 'npm start';

async function startChild(args: string[], env: Record<string, string>, readyMsg: string): Promise<Started> {
  const bot = args[0] === BOT;
  // BENCH_PROFILE=<dir>: a V8 CPU profile of the bot under test, written there when it stops.
  const profile = process.env.BENCH_PROFILE && bot ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  // BENCH_NODE_FLAGS='--max-semi-space-size=32' measures other node flags than npm start's.
  const flags = process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean);
  const entry = NPM_START.args.filter((arg) => !arg.startsWith('-'));
  const startArgs = flags ? [...flags, ...entry] : NPM_START.args;
  const node = bot ? [process.execPath, ...profile, ...startArgs] : [process.execPath, '--import', 'tsx', ...args];
  const spawnedAt = performance.now();
  return {
    ...(await spawnUntilReady(PIN ? ['taskset', '-c', '0', ...node] : node, bot ? { ...NPM_START.env, ...env } : env, readyMsg, 60_000)),
    spawnedAt,
  };
}

let nextUpdateId = 1;
const signer = buttonSigner(TOKEN);
/** A press of a coverage card's award button (signed data, as the bot made it). */
const AWARD_BUTTON = signer.sign('aw', '16');

function update(text: string): string {
  const id = nextUpdateId++;
  const user = 10_000 + (id % USERS);
  if (text === AWARD_BUTTON) {
    const queryId = `bench-${id}`;
    double.acceptCallbackQuery(queryId);
    return JSON.stringify({
      update_id: id,
      callback_query: {
        id: queryId,
        from: { id: user, is_bot: false, first_name: 'Bench', language_code: 'id' },
        chat_instance: String(user),
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: user, type: 'private', first_name: 'Bench' },
          text: 'kartu',
        },
        data: text,
      },
    });
  }
  const from = { id: user, is_bot: false, first_name: 'Bench', language_code: 'id' };
  const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] : undefined;
  return JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: user, type: 'private', first_name: 'Bench' },
      from,
      text,
      entities,
    },
  });
}

async function drive(url: string, text: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/telegram/webhook`,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    requests: [{ setupRequest: (req) => ({ ...req, body: update(text) }) }],
  });
}

/** CPU time of every PostgreSQL server process, in ms (Linux; 0 where none can be read). */
function postgresCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuMs(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

const SAMPLE = 50;

function buttonData(markup: unknown): string[] {
  const rows = (markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard ?? [];
  return rows.flat().map((b) => b.callback_data ?? '');
}

/** Up to SAMPLE of the replies sent during the measured run, spread over it, each checked; what was wrong. */
function checkReplies(expected: Expected, since: number): { sampled: number; wrong: string[] } {
  const replies = double.calls.slice(since).filter((call) => call.method === expected.method);
  const step = Math.max(1, Math.floor(replies.length / SAMPLE));
  const wrong: string[] = [];
  let sampled = 0;
  for (let i = 0; i < replies.length && sampled < SAMPLE; i += step, sampled++) {
    const { payload, status } = replies[i]!;
    // As the person reads it (and the conversation tests check it): the text Telegram shows.
    const parsed = parseTelegramHtml(String(payload.text ?? ''));
    const text = parsed.ok ? parsed.text : '';
    const data = buttonData(payload.reply_markup);
    const problems = [
      status === 200 ? '' : `status ${status}`,
      parsed.ok ? '' : parsed.description,
      text.startsWith(expected.starts) ? '' : `does not begin with ${JSON.stringify(expected.starts)}`,
      ...expected.contains.map((c) => (text.includes(c) ? '' : `lacks ${JSON.stringify(c)}`)),
      data.length === expected.buttons.length &&
      expected.buttons.every((b, j) => (typeof b === 'string' ? data[j] === b : b.test(data[j]!)))
        ? ''
        : `buttons ${JSON.stringify(data)}`,
    ].filter(Boolean);
    if (problems.length) wrong.push(`${problems.join('; ')}: ${JSON.stringify(text.slice(0, 120))}`);
  }
  if (!sampled) wrong.push(`no ${expected.method} during the run`);
  return { sampled, wrong };
}

/** Posts one update of the case as soon as the bot is ready; ms from its spawn to the reply. */
async function firstAnswer(url: string, c: Case, spawnedAt: number): Promise<number> {
  const before = double.calls.length;
  const res = await fetch(`${url}/telegram/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: update(c.text),
  });
  if (!res.ok) throw new Error(`${c.name}: the first update got ${res.status}`);
  await double.waitFor(() => double.calls.slice(before).some((call) => call.method === 'sendMessage'), 30_000);
  return performance.now() - spawnedAt;
}

async function measure(c: Case): Promise<Result> {
  const { url, child, exited, spawnedAt } = await c.start();
  // What the bot says on stderr (a failed request's cause), shown when a request failed.
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2_000)));
  try {
    const firstAnswerMs = await firstAnswer(url, c, spawnedAt);
    // Idle: started and ready, before any update.
    await new Promise((r) => setTimeout(r, 1_000));
    const idleRss = statusMb(child.pid!, 'VmRSS');
    await drive(url, c.text, WARMUP_S);
    const callsBefore = double.calls.length;
    const cpuBefore = cpuMs(child.pid!);
    const pgBefore = postgresCpuMs();
    const benchBefore = process.cpuUsage();
    const started = performance.now();
    const r = await drive(url, c.text, DURATION_S);
    const elapsedMs = performance.now() - started;
    const cpu = cpuMs(child.pid!) - cpuBefore;
    const benchCpu = process.cpuUsage(benchBefore);
    const pgCpu = postgresCpuMs() - pgBefore;
    const replies = c.reply ? checkReplies(c.reply, callsBefore) : { sampled: 0, wrong: [] };
    if (r.non2xx || r.errors) process.stderr.write(`${c.name}: ${r.non2xx} non-2xx, ${r.errors} errors; its stderr:\n${stderr}\n`);
    // The next case's bot starts with an empty record.
    double.calls.length = 0;
    return {
      name: c.name,
      rps: r.requests.average,
      p50: r.latency.p50,
      p99: r.latency.p99,
      requests: r.requests.total,
      non2xx: r.non2xx,
      errors: r.errors,
      cpuMsPerRequest: cpu / r.requests.total,
      cpuShare: cpu / elapsedMs,
      pgCpuMsPerRequest: pgCpu / r.requests.total,
      benchCpuMsPerRequest: (benchCpu.user + benchCpu.system) / 1000 / r.requests.total,
      idleRss,
      afterRss: statusMb(child.pid!, 'VmRSS'),
      firstAnswerMs,
      wrongReplies: replies.wrong,
      sampled: replies.sampled,
    };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const double = new LocalBotApi({ token: TOKEN });
await double.start();
for (let i = 0; i < USERS; i++) double.addChat(10_000 + i);
const databaseUrl = await freshDatabase(DATABASE);
const peerDatabaseUrl = await freshDatabase(`${DATABASE}_peer`);

const baseline: Case = {
  name: 'baseline: bare grammY, one sendMessage',
  text: '/start',
  start: () =>
    startChild(
      ['bench/baseline-bot.ts'],
      { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: double.apiRoot, BOT_INFO: JSON.stringify(double.botInfo) },
      'ready',
    ),
};
const peer: Case = {
  name: 'peer: grammY + session on PostgreSQL + i18next + keyboard',
  text: '/start',
  start: () =>
    startChild(
      ['bench/peer-bot.ts'],
      { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: double.apiRoot, BOT_INFO: JSON.stringify(double.botInfo), PEER_DATABASE_URL: peerDatabaseUrl },
      'ready',
    ),
};
const FULL_BOT_ENV = {
  BOT_TOKEN: TOKEN,
  BOT_MODE: 'webhook',
  WEBHOOK_URL: 'https://bench.example.test/telegram/webhook',
  WEBHOOK_SECRET: SECRET,
  HOST: '127.0.0.1',
  PORT: '0',
  TELEGRAM_API_ROOT: double.apiRoot,
  // Request lines are debug: info is quiet under load and still shows the start line.
  LOG_LEVEL: 'info',
};
/** The full bot as npm start runs it, on the database `database()` names for each start. */
const botCase = (name: string, text: string, reply: Expected, database: () => Record<string, string>): Case => ({
  name,
  text,
  reply,
  start: () => startChild([BOT], { ...FULL_BOT_ENV, ...database() }, 'Paritrana Bot is running'),
});
const fullBot = (name: string, text: string, reply: Expected) => botCase(name, text, reply, () => ({ DATABASE_URL: databaseUrl }));
/** The embedded default (no DATABASE_URL), each time on a fresh data directory: the first start of `npm start`. */
const embeddedBot = (name: string, text: string, reply: Expected) =>
  botCase(name, text, reply, () => ({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'paritrana-bench-data-')) }));

/** The 👍/👎 row under every answer to free text, signed for its answer. */
const FEEDBACK = [/^fb:u:/, /^fb:d:/];

const START: Expected = {
  method: 'sendMessage',
  starts: 'Halo, Bench! 👋',
  contains: ['Paritrana Bot'],
  buttons: ['m:cov', 'm:aw', 'm:en', 'm:iu', 'm:sub', 'm:co', 'help', 'lang'],
};
const COVERAGE_QUESTION = 'brp cakupan bpjs di sumsel';
const COVERAGE_CARD: Expected = {
  method: 'sendMessage',
  starts: '📊 Cakupan Jamsostek — ',
  contains: ['Sumatera Selatan', '2.789.917', '31,33%'],
  buttons: [/^aw:16:/, /^gr:16:/, /^cmp:16:/, /^sub:16:/, 'menu', ...FEEDBACK],
};

const ALL_CASES = [
  baseline,
  peer,
  fullBot('full bot: /start', '/start', START),
  // Intent, the region inside the sentence, its figures, rank and source: the common question.
  fullBot('full bot: coverage question in free text', COVERAGE_QUESTION, COVERAGE_CARD),
  fullBot('full bot: award question in free text', 'siapa pemenang paritrana jawa tengah 2025', {
    method: 'sendMessage',
    starts: '🏆 Riwayat Paritrana Award — ',
    contains: ['Jawa Tengah · tahun 2025', 'Paritrana Award 2025 · Jawa Tengah', '30 Juli 2025'],
    buttons: [/^cov:33:/, 'menu', ...FEEDBACK],
  }),
  fullBot('full bot: knowledge answer', 'telat bayar kena denda ga', {
    method: 'sendMessage',
    starts: 'Tidak ada denda untuk peserta BPU yang terlambat membayar iuran.',
    contains: ['Sumber: '],
    buttons: ['kb:arrears-limit', 'kb:reactivate', 'kb:pay-several-months', 'menu', ...FEEDBACK],
  }),
  fullBot('full bot: award button of a coverage card', AWARD_BUTTON, {
    method: 'sendMessage',
    starts: '🏆 Riwayat Paritrana Award — ',
    contains: ['Paritrana Award 2025 · Sumatera Selatan', '27 Agustus 2025', '3 Juli 2019'],
    buttons: [/^cov:16:/, 'menu'],
  }),
  embeddedBot('embedded default: /start', '/start', START),
  embeddedBot('embedded default: coverage question in free text', COVERAGE_QUESTION, COVERAGE_CARD),
];
// BENCH_CASES=1,2: only those (by position), with the peer always, for a quicker look.
const picked = process.env.BENCH_CASES?.split(',').map(Number);
const cases = picked ? ALL_CASES.filter((c, i) => i <= 1 || picked.includes(i)) : ALL_CASES;
const results: Result[] = [];
for (const c of cases) {
  process.stderr.write(`measuring ${c.name} (${WARMUP_S} s warm-up, ${DURATION_S} s, ${CONNECTIONS} connections)…\n`);
  results.push(await measure(c));
}
await double.stop();

const base = results[0]!;
const peerResult = results[1]!;
const rows = results.map((r) => ({
  case: r.name,
  'req/s': Math.round(r.rps),
  'p50 ms': r.p50,
  'p99 ms': r.p99,
  requests: r.requests,
  'non-2xx': r.non2xx,
  errors: r.errors,
  'bot CPU µs/req': Math.round(r.cpuMsPerRequest * 1000),
  'bot CPU %': Math.round(r.cpuShare * 100),
  'PostgreSQL CPU µs/req': Math.round(r.pgCpuMsPerRequest * 1000),
  'load + double CPU µs/req': Math.round(r.benchCpuMsPerRequest * 1000),
  'first answer s': r.firstAnswerMs ? (r.firstAnswerMs / 1000).toFixed(1) : '',
  'RSS idle MB': Math.round(r.idleRss),
  'RSS after MB': Math.round(r.afterRss),
  'replies checked': r.sampled ? `${r.sampled - r.wrongReplies.length}/${r.sampled}` : '',
  'ratio to peer': (r.rps / peerResult.rps).toFixed(2),
  'ratio to bare grammY': (r.rps / base.rps).toFixed(2),
}));
console.table(rows);
for (const r of results) for (const w of r.wrongReplies.slice(0, 3)) console.error(`${r.name}: ${w}`);
const failed = results.filter((r) => r.non2xx > 0 || r.errors > 0 || r.wrongReplies.length > 0);
if (failed.length) {
  console.error(`non-2xx answers, errors or unexpected replies in: ${failed.map((r) => r.name).join(', ')}`);
  process.exit(1);
}
process.exit(0);
