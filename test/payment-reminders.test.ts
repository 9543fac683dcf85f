// Payment reminders through the whole bot with a clock moved through two months: set up in the
// chat, sent at the chosen day and time in the person's zone, once; "Ingatkan besok" sends one
// the next day; "Sudah bayar" stops the month's. And the notice 14 days before a contribution
// rule the person is under ends, from the real PP 50/2025 rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasDueSends } from '../src/domain/reminders/payment-reminders.ts';
import { queuePaymentReminders } from '../src/jobs/payment-reminders.ts';
import { buttonsOf, conversation } from './support/conversation.ts';
import { startTestBot, type TestBot } from './support/service.ts';
import type { BotMessage } from '../src/bot-api-double/local-bot-api.ts';

let bot: TestBot;
let clock = new Date('2026-11-21T10:00:00+07:00');
const { say, press } = conversation(() => bot);
const WORKER = 97_001;

beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook', clock: () => clock });
  // The worker follows Sulawesi Selatan: their reminder keeps WITA.
  await bot.service.db.pool.query(`INSERT INTO "Subscription" ("chatId", "regionCode") VALUES ($1, '73')`, [WORKER]);
});
afterAll(async () => {
  await bot?.stop();
});

const reminders = (chat: number) => bot.double.sent(chat).filter((m) => m.text?.includes('Pengingat iuran BPJS Ketenagakerjaan'));

async function settled(): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const { rows } = await bot.service.db.pool.query(
      `SELECT count(*)::int AS n FROM "ReminderSend" WHERE status IN ('pending', 'claimed', 'sending') AND "dueAt" <= $1::timestamptz AT TIME ZONE 'UTC'`,
      [clock.toISOString()],
    );
    if (rows[0].n === 0) return;
    bot.service.kick();
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('reminders not sent');
}

/** Moves the clock hour by hour to `until`; the moments at which a reminder arrived. */
async function runUntil(until: string, chat: number): Promise<string[]> {
  const arrived: string[] = [];
  const end = new Date(until).getTime();
  while (clock.getTime() < end) {
    clock = new Date(clock.getTime() + 3_600_000);
    await queuePaymentReminders(bot.service.db, clock);
    if (!(await hasDueSends(bot.service.db.pool, clock))) continue;
    const before = reminders(chat).length;
    await settled();
    for (let i = before; i < reminders(chat).length; i++) arrived.push(clock.toISOString());
  }
  return arrived;
}

const pressButton = (chat: number, message: BotMessage, label: string) => {
  const button = buttonsOf(message).find((b) => b.text.includes(label));
  if (!button) throw new Error(`no button ${label}: ${buttonsOf(message).map((b) => b.text)}`);
  return press(chat, message, button.data);
};

describe('a monthly payment reminder', () => {
  it('is set up in words, in the zone of the region the person follows, and says what it will send', async () => {
    clock = new Date('2026-11-21T00:00:00Z');
    const [reply] = await say(WORKER, 'tolong ingetin sy bayar iuran bpjs tiap tgl 10 ya');
    expect(reply!.text).toContain('setiap tanggal 10 pukul 09.00 WITA');
    expect(reply!.text).toContain('Jamnya mengikuti waktu Sulawesi Selatan (WITA).');
    expect(reply!.text).toContain('Sudah bayar ✅');
  });

  it('arrives on the 10th at 09.00 WITA, once; "Ingatkan besok" sends one on the 11th; "Sudah bayar" stops the month', async () => {
    // 09.00 WITA is 01.00 UTC.
    expect(await runUntil('2026-12-10T06:00:00Z', WORKER)).toEqual(['2026-12-10T01:00:00.000Z']);
    const december = reminders(WORKER).at(-1)!;
    expect(december.text).toContain('Sudah waktunya membayar iuran bulan Desember 2026.');
    expect(december.text).toContain('GoPay, LinkAja, DANA');
    expect(december.text).toContain('lebih dari 3 bulan berturut-turut');
    const [again] = await pressButton(WORKER, december, 'Ingatkan besok');
    expect(again!.text).toBe('Baik, saya ingatkan lagi besok, 11 Desember 2026 pukul 09.00 WITA.');
    expect(await runUntil('2027-01-10T06:00:00Z', WORKER)).toEqual(['2026-12-11T01:00:00.000Z', '2027-01-10T01:00:00.000Z']);

    // January: "tomorrow", then paid: no message on the 11th.
    const january = reminders(WORKER).at(-1)!;
    expect(january.text).toContain('bulan Januari 2027');
    await pressButton(WORKER, january, 'Ingatkan besok');
    const [paid] = await pressButton(WORKER, january, 'Sudah bayar');
    expect(paid!.text).toContain('Iuran bulan Januari 2027 sudah Anda tandai lunas');
    expect(await runUntil('2027-02-05T00:00:00Z', WORKER)).toEqual([]);

    // February: marked paid before the 10th, from /pengingat_iuran: no reminder that month.
    const [shown] = await say(WORKER, '/pengingat_iuran');
    expect(shown!.text).toBe('⏰ Pengingat iuran Anda: setiap tanggal 10 pukul 09.00 WITA.');
    await pressButton(WORKER, shown!, 'Bulan ini sudah bayar');
    expect(await runUntil('2027-03-10T06:00:00Z', WORKER)).toEqual(['2027-03-10T01:00:00.000Z']);
    expect(reminders(WORKER)).toHaveLength(4);
  });

  it('a time moved earlier, past on the day, still reminds that month: at once', async () => {
    const chat = 97_003;
    // Set up at 06.00 WIB on the 10th for 09.00.
    clock = new Date('2027-03-09T23:00:00Z');
    const [set] = await say(chat, '/pengingat_iuran tanggal 10 jam 9');
    expect(set!.text).toContain('setiap tanggal 10 pukul 09.00 WIB');
    // 08.00 WIB on the 10th: moved to 07.00, which has passed; the month's reminder is not lost.
    clock = new Date('2027-03-10T01:00:00Z');
    await pressButton(chat, set!, 'Jam 07.00');
    expect(await runUntil('2027-03-10T03:00:00Z', chat)).toEqual(['2027-03-10T02:00:00.000Z']);
  });

  it('starts next month when set up after this month’s day, and "Berhenti" ends it', async () => {
    const chat = 97_002;
    clock = new Date('2027-03-20T02:00:00Z');
    const [reply] = await say(chat, '/pengingat_iuran tanggal 15 jam 7 malam');
    expect(reply!.text).toContain('setiap tanggal 15 pukul 19.00 WIB');
    expect(await runUntil('2027-04-16T00:00:00Z', chat)).toEqual(['2027-04-15T12:00:00.000Z']);
    const [stopped] = await pressButton(chat, reminders(chat).at(-1)!, 'Berhenti');
    expect(stopped!.text).toContain('Pengingat iuran Anda sudah saya hentikan');
    expect(await runUntil('2027-05-16T00:00:00Z', chat)).toEqual([]);
  });
});

describe('the notice before a contribution rule ends', () => {
  it('tells a non-transport worker on 17 December 2026 what they pay until 31 December and from 1 January, and no transport worker', async () => {
    const [other, driver] = [97_011, 97_012];
    clock = new Date('2026-12-01T03:00:00Z');
    // Each works out their contribution at Rp1 juta, says their sector, and sets the reminder from that answer.
    for (const [chat, sector] of [
      [other, 'Bukan transportasi'],
      [driver, 'ojol/kurir'],
    ] as const) {
      const [calculator] = await say(chat, '/iuran 1 juta');
      const current = () => bot.double.sent(chat).find((m) => m.message_id === calculator!.message_id)!;
      // The sector refines the same message.
      await pressButton(chat, current(), sector);
      const [askDay] = await pressButton(chat, current(), 'Ingatkan saya tiap bulan');
      const [saved] = await pressButton(chat, askDay!, 'Tgl 25');
      expect(saved!.text).toContain('setiap tanggal 25 pukul 09.00 WIB');
    }
    const notices = (chat: number) => bot.double.sent(chat).filter((m) => m.text?.includes('Iuran Anda akan berubah'));
    await runUntil('2026-12-17T01:00:00Z', other);
    expect(notices(other)).toHaveLength(0);
    await runUntil('2026-12-17T03:00:00Z', other);
    expect(notices(other)).toHaveLength(1);
    const text = notices(other)[0]!.text!;
    // PP 50/2025: 50% of JKK (Rp10.000) and JKM (Rp6.800) until 31 December 2026 for workers outside transport.
    expect(text).toContain('Aturan iuran menurut PP 50/2025 yang berlaku untuk Anda berakhir pada 31 Desember 2026.');
    expect(text).toContain('• Sampai 31 Desember 2026: Rp8.400 sebulan');
    expect(text).toContain('• Mulai 1 Januari 2027: Rp16.800 sebulan');
    expect(text).toContain('di luar sektor transportasi');
    await runUntil('2026-12-31T00:00:00Z', other);
    expect(notices(other)).toHaveLength(1);
    // The transport discount runs to 31 March 2027: nothing changes for the driver in December.
    expect(notices(driver)).toHaveLength(0);
  });
});
