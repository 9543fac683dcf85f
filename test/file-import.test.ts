// Import by sending a file: an official sends a CSV or an Excel workbook in a private chat, the
// bot downloads it through the Bot API double (getFile and the file URL), shows the dry run,
// and imports on confirmation; bad rows and rows outside the official's regions change nothing.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotMessage } from '../src/bot-api-double/local-bot-api-types.ts';
import { recentAudit } from '../src/domain/roles/audit.ts';
import { grantRole } from '../src/domain/roles/roles.ts';
import { testUser } from './support/bot-api-double.ts';
import { buttonsOf, conversation } from './support/conversation.ts';
import { startTestBot, type TestBot } from './support/service.ts';

let bot: TestBot;
const { press } = conversation(() => bot);
const OFFICIAL = 9101; // Sumatera Barat
const WORKER = 9102;

beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
  await grantRole(bot.service.db.pool, { telegramId: OFFICIAL, regionCode: '13', actor: 'test' });
});
afterAll(async () => {
  await bot?.stop();
});

async function send(userId: number, fileName: string, bytes: Buffer): Promise<BotMessage[]> {
  const before = bot.double.sent(userId).length;
  expect((await bot.post(bot.double.sendUserDocument(testUser(userId), fileName, bytes))).status).toBe(200);
  return bot.double.sent(userId).slice(before);
}

const pressText = (userId: number, message: BotMessage, text: string) =>
  press(userId, message, buttonsOf(message).find((b) => b.text.startsWith(text))!.data);

async function coverageOf(code: string, asOf: string) {
  const { rows } = await bot.service.db.pool.query(
    `SELECT "activeParticipants" AS active, "coveragePercent"::float8 AS percent FROM "CoverageSnapshot" WHERE "regionCode" = $1 AND "asOf" = $2`,
    [code, asOf],
  );
  return rows;
}

const HEADER = 'region_code;as_of;active_participants;coverage_percent;source_name';

describe('importing a file sent in the chat', () => {
  it('checks a CSV as a dry run, shows what would change, and imports it when the official confirms, audited', async () => {
    const csv = `${HEADER}\n13.74;2026-10-31;12.450;40,82;Disnaker Padang Panjang\n`;
    const [report] = await send(OFFICIAL, 'cakupan-oktober.csv', Buffer.from(csv));
    expect(report!.text).toMatch(/^📄 Saya sudah memeriksa “cakupan-oktober.csv” tanpa menyimpan apa pun\. Ini hasilnya:/);
    expect(report!.text).toContain('Uji coba impor coverage (tidak ada yang disimpan): 1 baris, 1 akan ditambahkan');
    expect(await coverageOf('13.74', '2026-10-31')).toEqual([]);
    expect(bot.double.callsTo('getFile')).toHaveLength(1);
    const [done] = await pressText(OFFICIAL, report!, '✅ Impor');
    expect(done!.text).toMatch(/^✅ “cakupan-oktober.csv” sudah diimpor\./);
    expect(await coverageOf('13.74', '2026-10-31')).toEqual([{ active: 12_450, percent: 40.82 }]);
    expect((await recentAudit(bot.service.db.pool, 1))[0]).toMatchObject({
      actor: `telegram:${OFFICIAL}`,
      action: 'import.file',
      target: 'coverage',
      details: { file: 'cakupan-oktober.csv', ok: true, inserted: 1 },
    });
  });

  it('reads an Excel workbook: numbers as numbers, dates as dates', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Cakupan');
    sheet.addRow(['region_code', 'as_of', 'active_participants', 'coverage_percent', 'source_name']);
    sheet.addRow(['13.73', new Date(Date.UTC(2026, 9, 31)), 21000, 55.5, 'Disnaker Sawahlunto']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const [report] = await send(OFFICIAL, 'data.xlsx', bytes);
    expect(report!.text).toContain('Saya sudah memeriksa “data.xlsx”');
    await pressText(OFFICIAL, report!, '✅ Impor');
    expect(await coverageOf('13.73', '2026-10-31')).toEqual([{ active: 21_000, percent: 55.5 }]);
    expect((await recentAudit(bot.service.db.pool, 1))[0]).toMatchObject({
      actor: `telegram:${OFFICIAL}`,
      action: 'import.file',
      details: { file: 'data.xlsx', inserted: 1 },
    });
  });

  it('changes nothing for a file with a bad row, and names the row', async () => {
    const csv = `${HEADER}\n13.74;2026-09-30;12.000;40;Uji\n13.74;2026-08-31;banyak;40;Uji\n`;
    const [report] = await send(OFFICIAL, 'coverage.csv', Buffer.from(csv));
    expect(report!.text).toMatch(/^📄 “coverage.csv” belum bisa diimpor, jadi tidak ada yang berubah\./);
    expect(report!.text).toContain('Baris 3, kolom 3 (active_participants): "banyak" bukan angka');
    expect(buttonsOf(report).map((b) => b.text)).toEqual(['🏠 Menu']);
    expect(await coverageOf('13.74', '2026-09-30')).toEqual([]);
  });

  it('refuses a file with rows outside the official regions, and anyone without a role', async () => {
    const csv = `${HEADER}\n13.74;2026-07-31;12.000;40;Uji\n36.74;2026-07-31;99.000;50;Uji\n`;
    const [refused] = await send(OFFICIAL, 'coverage.csv', Buffer.from(csv));
    expect(refused!.text).toBe(
      'Berkas ini tidak saya impor: 1 baris di luar wilayah kewenangan Anda (baris 3). Hapus baris itu, atau minta admin mengimpornya.',
    );
    expect(await coverageOf('13.74', '2026-07-31')).toEqual([]);
    const [worker] = await send(WORKER, 'coverage.csv', Buffer.from(`${HEADER}\n13.74;2026-06-30;1;1;Uji\n`));
    expect(worker!.text).toContain(`Telegram id Anda, ${WORKER}`);
    expect(bot.double.callsTo('getFile').filter((c) => c.payload.file_id === undefined)).toEqual([]);
  });

  it('says what it cannot read, in words', async () => {
    const [pdf] = await send(OFFICIAL, 'laporan.pdf', Buffer.from('%PDF-1.4'));
    expect(pdf!.text).toBe('Saya hanya bisa membaca berkas CSV, JSON atau Excel (.xlsx). “laporan.pdf” bukan salah satunya.');
    const [odd] = await send(OFFICIAL, 'aneh.csv', Buffer.from('kolom_aneh;lain\n1;2\n'));
    expect(odd!.text).toMatch(
      /^Kolom di “aneh.csv” tidak cocok dengan jenis data yang bisa Anda impor \(coverage, ceremonies, awards, companies\)/,
    );
  });
});
