// /acara: an official or admin records a Paritrana Award ceremony in a guided conversation
// whose state is in the database, so a restart of the bot mid-way loses nothing. The result
// goes through the same validation as an imported ceremonies file, and is audited.
import { outOfScope } from '../official-scope.ts';
import { officialSource } from '../announce-draft.ts';
import { Composer, InlineKeyboard } from 'grammy';
import { BUTTONS } from '../buttons.ts';
import { importFile } from '../../domain/import/import-runner.ts';
import { parseCeremonyWhen } from '../../domain/awards/ceremony-when.ts';
import { todayInJakarta } from '../../domain/calendar.ts';
import { resolveRegion } from '../../domain/regions/region-resolver.ts';
import { audit } from '../../domain/roles/audit.ts';
import { ceremonyRegion, isOfficial, mayActOn, mayManage, rolesOf } from '../../domain/roles/roles.ts';
import { fmt, zoneOfName } from '../../i18n/format.ts';
import type { BotContext } from '../context.ts';
import { regionName } from '../../domain/regions/region-lookup.ts';
import { commandNames } from '../commands.ts';
import { endAnyFlow, guidedFlow } from '../guided-flow.ts';
import { ceremonyTitle } from './awards-message.ts';

export const ceremonyFlowFeature = new Composer<BotContext>();

interface CeremonyDraft {
  level?: 'provincial' | 'national';
  provinceCode?: string;
  provinceName?: string;
  /** The flow began at the edition (an official of one province): the first message names the province. */
  startedHere?: boolean;
  edition?: number;
  date?: string;
  time?: string;
  timeZone?: string;
  venue?: string;
  city?: string;
}

type Step = 'level' | 'province' | 'edition' | 'when' | 'where' | 'confirm';

const flow = guidedFlow<Step, CeremonyDraft>('acara');

const ceremonyId = (d: CeremonyDraft) => (d.level === 'national' ? `PA${d.edition}-N` : `PA${d.edition}-P${d.provinceCode}`);
const titleOf = (ctx: BotContext, d: CeremonyDraft) =>
  ceremonyTitle(ctx.t, d.edition!, d.level === 'national' ? null : (d.provinceName ?? null));

/** Asks the question of `step`, having saved where the person is. */
async function ask(ctx: BotContext, step: Step, data: CeremonyDraft): Promise<void> {
  await flow.save(ctx, step, data);
  switch (step) {
    case 'level':
      await ctx.reply(ctx.t('ceremonies:askLevel'), {
        reply_markup: new InlineKeyboard()
          .text(ctx.t('ceremonies:provincial'), BUTTONS.ceremonyLevel.data('p'))
          .text(ctx.t('ceremonies:national'), BUTTONS.ceremonyLevel.data('n')),
      });
      return;
    case 'province':
      await ctx.reply(ctx.t('ceremonies:askProvince'));
      return;
    case 'edition':
      // An official of one province starts here: say which province, and that /batal stops.
      await ctx.reply(
        data.startedHere
          ? `${ctx.t('ceremonies:newFor', { province: data.provinceName ?? '' })}\n${ctx.t('ceremonies:askEdition')}`
          : ctx.t('ceremonies:askEdition'),
      );
      return;
    case 'when':
      await ctx.reply(ctx.t('ceremonies:askWhen'));
      return;
    case 'where':
      await ctx.reply(ctx.t('ceremonies:askWhere'));
      return;
    case 'confirm':
      await ctx.reply(
        ctx.t('ceremonies:summary', {
          title: titleOf(ctx, data),
          date: fmt(ctx.t).calendarDate(data.date!),
          time: fmt(ctx.t).clockTime(data.time!, data.timeZone),
          venue: data.venue,
          city: data.city,
        }),
        {
          reply_markup: new InlineKeyboard()
            .text(ctx.t('ceremonies:save'), BUTTONS.ceremonySave.data)
            .text(ctx.t('ceremonies:cancel'), BUTTONS.ceremonyCancel.data),
        },
      );
  }
}

/** "14 Desember 2026 19.30 WITA", "15 des jam 7 malam" → date, time and zone. */
function parseWhen(ctx: BotContext, text: string): Pick<CeremonyDraft, 'date' | 'time' | 'timeZone'> | undefined {
  const when = parseCeremonyWhen(text, todayInJakarta(ctx.deps.clock?.() ?? new Date()));
  return when && { date: when.date, time: when.time, timeZone: zoneOfName(when.zone ?? 'wib')! };
}

ceremonyFlowFeature.command(commandNames('ceremony'), async (ctx) => {
  const roles = await rolesOf(ctx.deps.pool, ctx.from!.id);
  if (!isOfficial(roles)) return void (await ctx.reply(ctx.t('ceremonies:notAllowed', { id: ctx.from?.id ?? '' })));
  if (ctx.chat.type !== 'private') return void (await ctx.reply(ctx.t('ceremonies:privateOnly')));
  if (roles.admin) return ask(ctx, 'level', {});
  // An official with one province needs not name it.
  const provinces = roles.scopes.filter((s) => /^\d{2}$/.test(s));
  if (provinces.length === 1) {
    const provinceName = (await regionName(ctx.deps.prisma, provinces[0]!)) ?? provinces[0]!;
    return ask(ctx, 'edition', { level: 'provincial', provinceCode: provinces[0]!, provinceName, startedHere: true });
  }
  return ask(ctx, 'province', { level: 'provincial' });
});

ceremonyFlowFeature.command(commandNames('cancel'), async (ctx) => {
  const ended = await endAnyFlow(ctx);
  await ctx.reply(ctx.t(ended ? 'ceremonies:cancelled' : 'ceremonies:nothingToCancel'));
});

BUTTONS.ceremonyLevel.on(ceremonyFlowFeature, async (ctx, level) => {
  if (!(await flow.atButton(ctx, 'level'))) return;
  await ctx.answerCallbackQuery();
  // Only an admin reaches this step; a national ceremony is theirs alone.
  if (level === 'n') return ask(ctx, 'edition', { level: 'national' });
  return ask(ctx, 'province', { level: 'provincial' });
});

BUTTONS.ceremonyCancel.on(ceremonyFlowFeature, async (ctx) => {
  if (!(await flow.atButton(ctx, 'confirm'))) return;
  await ctx.answerCallbackQuery();
  await flow.end(ctx);
  await ctx.reply(ctx.t('ceremonies:cancelled'));
});

BUTTONS.ceremonySave.on(ceremonyFlowFeature, async (ctx) => {
  const d = await flow.atButton(ctx, 'confirm');
  if (!d) return;
  await ctx.answerCallbackQuery();
  // Still allowed? Roles may have changed since the conversation began.
  const roles = await rolesOf(ctx.deps.pool, ctx.from.id);
  if (!mayManage(roles, ceremonyRegion(d.provinceCode ?? null)))
    return void (await ctx.reply(isOfficial(roles) ? await outOfScope(ctx, roles) : ctx.t('ceremonies:notAllowed', { id: ctx.from.id })));
  const row = {
    id: ceremonyId(d),
    edition: d.edition,
    level: d.level === 'national' ? 'nasional' : 'provinsi',
    province_code: d.provinceCode ?? null,
    date: d.date,
    time: d.time,
    time_zone: d.timeZone,
    venue: d.venue,
    city: d.city,
    // The office, never the person: the source is shown to every subscriber; who did it is in the audit log.
    source_name: officialSource(ctx, d.level === 'national' ? null : (d.provinceName ?? null)),
  };
  const result = await importFile(ctx.deps.pool, 'ceremonies', JSON.stringify([row]), { format: 'json' });
  if (!result.ok) {
    await ctx.reply(ctx.t('ceremonies:rejected', { reason: result.issues.map((i) => `${i.column ?? ''} ${i.code}`).join('; ') }));
    return;
  }
  await audit(ctx.deps.pool, { actor: `telegram:${ctx.from.id}`, action: 'ceremony.save', target: row.id, details: row });
  await flow.end(ctx);
  await ctx.reply(ctx.t('ceremonies:saved', { title: titleOf(ctx, d), id: row.id }));
});

// Answers typed during the conversation. Commands pass through (/batal ends it).
flow.onText(ceremonyFlowFeature, async (ctx, { step, data: d }, next) => {
  const text = ctx.message.text.trim();
  switch (step) {
    case 'province': {
      const { candidates } = await resolveRegion(ctx.deps.pool, text, { levels: ['province'], limit: 1 });
      const province = candidates[0];
      if (!province) return void (await ctx.reply(ctx.t('ceremonies:notAProvince', { text })));
      const roles = await rolesOf(ctx.deps.pool, ctx.from.id);
      if (!mayActOn(roles, province.code)) return void (await ctx.reply(await outOfScope(ctx, roles, province.name)));
      return ask(ctx, 'edition', { ...d, provinceCode: province.code, provinceName: province.name });
    }
    case 'edition': {
      const year = /^(20\d\d)$/.exec(text)?.[1];
      if (!year) return void (await ctx.reply(ctx.t('ceremonies:badEdition')));
      return ask(ctx, 'when', { ...d, edition: Number(year) });
    }
    case 'when': {
      const when = parseWhen(ctx, text);
      if (!when) return void (await ctx.reply(ctx.t('ceremonies:badWhen')));
      return ask(ctx, 'where', { ...d, ...when });
    }
    case 'where': {
      const cut = text.lastIndexOf(',');
      const venue = (cut > 0 ? text.slice(0, cut) : text).trim();
      const city = cut > 0 ? text.slice(cut + 1).trim() : '';
      return ask(ctx, 'confirm', { ...d, venue, city });
    }
    default:
      return next();
  }
});
