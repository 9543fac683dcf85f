// npm run bench:broadcast: one announcement to 100,000 subscribers at 1,000 messages/s (paid
// broadcast) from the real entry point, against the Bot API double enforcing Telegram's paid
// limit. Reports achieved rate / configured rate, 429 answers, the bot's peak RSS and the time.
// Needs the PostgreSQL server (BENCH_PG_URL).
import pg from 'pg';
import { createAnnouncement, deliveryCounts, queueAnnouncement } from '../src/domain/announcements/announcements.ts';
import { applyMigrations } from '../src/db/migrations.ts';
import { seedDatabase } from '../src/db/seed.ts';
import { LocalBotApi } from '../src/bot-api-double/local-bot-api.ts';
import { dropDatabase, freshDatabase } from './support/databases.ts';
import { statusMb } from './support/proc.ts';
import { startBuiltBot } from './support/npm-start.ts';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
const RATE = Number(process.env.BENCH_RATE ?? 1_000);
const DATABASE = 'paritrana_bench_broadcast';
const TOKEN = '123456789:bench-token_abcdefghijklmnopqrstuv';
const TEXT = '📣 <b>Undangan</b> Paritrana Award 2026 Sumatera Barat';

const url = await freshDatabase(DATABASE);
await applyMigrations({ connectionString: url });
const pool = new pg.Pool({ connectionString: url, max: 2 });
await seedDatabase(pool);
const FIRST = 10_000_000;
await pool.query(`INSERT INTO "Subscription" ("chatId", "regionCode") SELECT g, '13' FROM generate_series($1::bigint, $2::bigint) g`, [
  FIRST,
  FIRST + SUBSCRIBERS - 1,
]);

// Telegram's limit for paid broadcasts is 1000/s: the double enforces it over a rolling second.
const double = new LocalBotApi({ token: TOKEN, rateLimit: { perSecond: 1_000 } });
await double.start();
for (let i = 0; i < SUBSCRIBERS; i++) double.addChat(FIRST + i);

// As npm start runs it (package.json): compiled, with its node flags and environment.
const bot = await startBuiltBot({
  BOT_TOKEN: TOKEN,
  BOT_MODE: 'polling',
  DATABASE_URL: url,
  TELEGRAM_API_ROOT: double.apiRoot,
  BROADCAST_PAID_RATE: String(RATE),
});
const id = await createAnnouncement(pool, { regionCode: '13', text: TEXT, createdBy: 'bench', paidBroadcast: true });
const started = performance.now();
await queueAnnouncement(pool, id);
process.stderr.write(`sending to ${SUBSCRIBERS.toLocaleString('en')} subscribers at ${RATE}/s…\n`);

// Counted as they arrive: scanning the double's records while it serves would stall it, and
// the requests it then serves in a bunch would look like a burst from the bot.
let firstSend: number | undefined;
let lastSend = 0;
double.on('call', (call: { method: string; at: number }) => {
  if (call.method !== 'sendMessage') return;
  firstSend ??= call.at;
  lastSend = call.at;
});
let peakMb = 0;
for (;;) {
  await new Promise((r) => setTimeout(r, 500));
  peakMb = Math.max(peakMb, statusMb(bot.child.pid!, 'VmHWM'));
  const { rows } = await pool.query(`SELECT status::text FROM "Announcement" WHERE id = $1`, [id]);
  if (rows[0].status === 'done') break;
}
const totalS = (performance.now() - started) / 1000;
const sendingS = (lastSend - firstSend!) / 1000;
const counts = await deliveryCounts(pool, id);
const copies = new Map<number, number>();
for (const m of double.sent()) copies.set(m.chat_id, (copies.get(m.chat_id) ?? 0) + 1);

bot.child.kill('SIGTERM');
await bot.exited;
await double.stop();
await pool.end();
await dropDatabase(DATABASE);

const achieved = counts.sent / sendingS;
console.table([
  {
    subscribers: SUBSCRIBERS,
    'configured /s': RATE,
    'achieved /s': Math.round(achieved),
    'achieved / configured': (achieved / RATE).toFixed(3),
    '429 answers': double.rateLimited,
    'peak RSS MB': Math.round(peakMb),
    'sending s': sendingS.toFixed(1),
    'total s': totalS.toFixed(1),
    sent: counts.sent,
    'chats with 2 copies': [...copies.values()].filter((n) => n > 1).length,
  },
]);
console.log(
  `targets: ratio >= 0.97 ${achieved / RATE >= 0.97 ? 'met' : 'NOT met'}; 429 = 0 ${double.rateLimited === 0 ? 'met' : 'NOT met'}; peak RSS < 300 MB ${peakMb < 300 ? 'met' : 'NOT met'}`,
);
process.exit(0);
