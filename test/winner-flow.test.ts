// /pemenang: officials record winners of ceremonies within their scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recentAudit } from '../src/domain/roles/audit.ts';
import { grantRole } from '../src/domain/roles/roles.ts';
import type { BotMessage } from '../src/bot-api-double/local-bot-api-types.ts';
import { buttonsOf, conversation } from './support/conversation.ts';
import { startTestBot, type TestBot } from './support/service.ts';

let bot: TestBot;
const { say, press, forge } = conversation(() => bot);
const pressText = (userId: number, message: BotMessage, text: string) =>
  press(userId, message, buttonsOf(message).find((b) => b.text.startsWith(text))!.data);

beforeAll(async () => {
  bot = await startTestBot({ mode: 'webhook' });
  await grantRole(bot.service.db.pool, { telegramId: 7401, regionCode: '13', actor: 'test' });
});
afterAll(async () => {
  await bot?.stop();
});

describe('/pemenang', () => {
  it('records a region, a company and an organisation as winners, and audits each', async () => {
    const awardsOf = async (recipientKey: string) =>
      (
        await bot.service.db.pool.query(
          `SELECT title, rank, category::text FROM "Award" WHERE "ceremonyId" = 'PA2025-P13' AND "recipientKey" = $1`,
          [recipientKey],
        )
      ).rows;

    const record = async (category: string, rank: string, title: string, recipient: string) => {
      const [choose] = await say(7401, '/pemenang');
      expect(buttonsOf(choose).map((b) => b.text)).not.toContain('Paritrana Award 2025 · Banten');
      // Newest first.
      const years = buttonsOf(choose).map((b) => Number(/Award (\d{4})/.exec(b.text)![1]));
      expect(years).toEqual([...years].sort((a, b) => b - a));
      const [askCategory] = await pressText(7401, choose!, 'Paritrana Award 2025 · Sumatera Barat');
      const [askRank] = await pressText(7401, askCategory!, category);
      await pressText(7401, askRank!, rank);
      await say(7401, title);
      const [summary] = await say(7401, recipient);
      const [saved] = await pressText(7401, summary!, '✅');
      return { summary: summary!.text, saved: saved!.text, savedMessage: saved! };
    };

    const city = await record('Pemerintah kabupaten/kota', '1', '-', 'Kota Sawahlunto');
    expect(city.summary).toContain('Penerima: Kota Sawahlunto (wilayah)');
    expect(city.saved).toContain('Pemenang tersimpan: Terbaik 1 — Kota Sawahlunto (wilayah)');
    expect(await awardsOf('region:13.73')).toEqual([{ title: 'Terbaik 1', rank: 1, category: 'pemerintah_kabupaten_kota' }]);
    // The next winner of the same ceremony starts from its category, not from the list of ceremonies.
    const [nextCategory] = await pressText(7401, city.savedMessage, '➕ Pemenang lain');
    expect(nextCategory!.text).toBe('Penghargaannya untuk kategori apa? Pilih di bawah.');
    const [nextRank] = await pressText(7401, nextCategory!, 'Pemerintah desa');
    await pressText(7401, nextRank!, '2');
    await say(7401, '-');
    const [nextSummary] = await say(7401, 'Desa Santur');
    expect(nextSummary!.text).toContain('Paritrana Award 2025 · Sumatera Barat');
    await pressText(7401, nextSummary!, '✅');
    expect(await awardsOf('region:13.73.02.2005')).toEqual([{ title: 'Terbaik 2', rank: 2, category: 'pemerintah_desa' }]);

    const company = await record('Penghargaan sektor', 'Tanpa peringkat', 'Zero Accident Award', 'SAMPEL-AIC');
    expect(company.summary).toContain('AIC (perusahaan)');
    const org = await record('Penghargaan khusus', 'Tanpa peringkat', 'Inovasi', 'Forum Ojek Padang');
    expect(org.summary).toContain('Forum Ojek Padang (organisasi)');
    expect((await recentAudit(bot.service.db.pool, 3)).map((e) => e.action)).toEqual(['award.save', 'award.save', 'award.save']);
    // Names are escaped once, in the summary and in the confirmation (was "PT Maju &amp;amp; Jaya").
    const named = await record('Penghargaan khusus', 'Tanpa peringkat', 'Inovasi & Kolaborasi', 'PT Maju & Jaya <script>');
    expect(named.summary).toContain('PT Maju & Jaya <script> (organisasi)');
    expect(named.saved).toBe(
      '✅ Pemenang tersimpan: Inovasi & Kolaborasi — PT Maju & Jaya <script> (organisasi). Ada pemenang lain di acara ini? Tekan tombol di bawah.',
    );
  });

  it('refuses a region outside the ceremony province, and forged ceremonies', async () => {
    const [choose] = await say(7401, '/pemenang');
    const [askCategory] = await pressText(7401, choose!, 'Paritrana Award 2025 · Sumatera Barat');
    const [askRank] = await pressText(7401, askCategory!, 'Pemerintah desa');
    await pressText(7401, askRank!, '2');
    await say(7401, '-');
    const [outside] = await say(7401, 'Kota Tangerang Selatan');
    expect(outside!.text).toBe('Kota Tangerang Selatan tidak berada di Sumatera Barat. Tulis penerima lain.');
    await say(7401, '/batal');
    const [again] = await say(7401, '/pemenang');
    await forge(7401, again!, 'pm:c:PA2025-P36');
    expect(bot.double.sent(7401).at(-1)!.text).toBe('Maaf, acara itu di luar wilayah kewenangan Anda. Wilayah Anda: Sumatera Barat.');
  });
});
