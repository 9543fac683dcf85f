// Import by sending a file: an official sends a CSV, JSON or Excel file in a private chat; the
// bot downloads it through the Bot API, checks it as a dry run with the same import as the CLI
// and the admin API, and shows the report with "Impor" and "Batal". Only rows inside the
// official's regions are taken (an admin's: all), and the import is audited with the file name.
import { Composer, InlineKeyboard } from 'grammy';
import { describeResult } from '../../admin/import-report.ts';
import { ceremonyHeading } from '../../domain/awards/ceremonies.ts';
import { IMPORT_KINDS, type ImportKindName } from '../../domain/import/import-kinds.ts';
import { changesUnderstanding, importFile } from '../../domain/import/import-runner.ts';
import { kindsOf, OFFICIAL_KINDS, readUploadedFile, rowsOutsideScope, type UploadedTable } from '../../domain/import/uploaded-file.ts';
import { audit } from '../../domain/roles/audit.ts';
import { isOfficial, rolesOf, type Roles } from '../../domain/roles/roles.ts';
import { forgetUnderstanding } from '../../domain/understanding/sources.ts';
import { escapeHtml } from '../../i18n/html.ts';
import { BUTTONS } from '../buttons.ts';
import type { BotContext } from '../context.ts';
import { guidedFlow } from '../guided-flow.ts';
import { menuKeyboard } from '../menu.ts';

export const fileImportFeature = new Composer<BotContext>();

/** Telegram lets a bot download files of up to 20 MB. */
const MAX_BYTES = 20 * 1024 * 1024;
/** At most this many line numbers are listed for rows outside the official's regions. */
const MAX_LISTED = 10;

/** The file as read, waiting for the official's word. */
interface Pending extends UploadedTable {
  fileName: string;
  kind?: ImportKindName;
}
const flow = guidedFlow<'kind' | 'confirm', Pending>('importFile');

const allowedKinds = (roles: Roles): readonly ImportKindName[] => (roles.admin ? IMPORT_KINDS : OFFICIAL_KINDS);

async function download(ctx: BotContext, fileId: string): Promise<Buffer> {
  const file = await ctx.api.getFile(fileId);
  const root = ctx.deps.apiRoot ?? 'https://api.telegram.org';
  const res = await fetch(`${root}/file/bot${ctx.api.token}/${file.file_path}`);
  if (!res.ok) throw new Error(`file download failed: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/** The lines of the file outside the official's regions (an award's region is its ceremony's province). */
const outsideRows = (ctx: BotContext, table: UploadedTable, kind: ImportKindName, roles: Roles) =>
  rowsOutsideScope(table, kind, roles, async (id) => (await ceremonyHeading(ctx.deps.prisma, id))?.provinceCode);

/** The dry run's report, and the buttons to import or cancel. */
async function checkAndAsk(ctx: BotContext, roles: Roles, pending: Pending & { kind: ImportKindName }): Promise<void> {
  const outside = await outsideRows(ctx, pending, pending.kind, roles);
  if (outside.length) {
    await flow.end(ctx);
    const lines = outside.slice(0, MAX_LISTED).join(', ') + (outside.length > MAX_LISTED ? ', …' : '');
    return void (await ctx.reply(ctx.t('fileImport:outsideScope', { count: outside.length, lines }), {
      reply_markup: menuKeyboard(ctx.t),
    }));
  }
  await ctx.replyWithChatAction('typing');
  const result = await importFile(ctx.deps.pool, pending.kind, pending.data, { format: pending.format, dryRun: true });
  const report = escapeHtml(describeResult(ctx.deps.i18n, ctx.locale, result).join('\n'));
  if (!result.ok) {
    await flow.end(ctx);
    return void (await ctx.reply(`${ctx.t('fileImport:rejected', { file: pending.fileName })}\n\n${report}`, {
      reply_markup: menuKeyboard(ctx.t),
    }));
  }
  await flow.save(ctx, 'confirm', pending);
  await ctx.reply(`${ctx.t('fileImport:checked', { file: pending.fileName })}\n\n${report}`, {
    reply_markup: new InlineKeyboard()
      .text(ctx.t('fileImport:import'), BUTTONS.fileImportConfirm.data)
      .text(ctx.t('fileImport:cancel'), BUTTONS.fileImportCancel.data),
  });
}

fileImportFeature.chatType('private').on('message:document', async (ctx) => {
  const roles = await rolesOf(ctx.deps.pool, ctx.from.id);
  if (!isOfficial(roles))
    return void (await ctx.reply(ctx.t('fileImport:notAllowed', { id: ctx.from.id }), { reply_markup: menuKeyboard(ctx.t) }));
  const { document } = ctx.message;
  const fileName = document.file_name ?? 'berkas';
  if ((document.file_size ?? 0) > MAX_BYTES)
    return void (await ctx.reply(ctx.t('fileImport:tooBig'), { reply_markup: menuKeyboard(ctx.t) }));
  await ctx.replyWithChatAction('typing');
  const table = await readUploadedFile(fileName, await download(ctx, document.file_id));
  if (typeof table === 'string')
    return void (await ctx.reply(ctx.t(`fileImport:${table}`, { file: fileName }), { reply_markup: menuKeyboard(ctx.t) }));
  const pending: Pending = { ...table, fileName };
  const kinds = kindsOf(fileName, table.columns, allowedKinds(roles));
  if (kinds.length === 1) return checkAndAsk(ctx, roles, { ...pending, kind: kinds[0]! });
  if (!kinds.length)
    return void (await ctx.reply(ctx.t('fileImport:unknownKind', { file: fileName, kinds: allowedKinds(roles).join(', ') }), {
      reply_markup: menuKeyboard(ctx.t),
    }));
  // Several kinds fit the header: the official says which.
  await flow.save(ctx, 'kind', pending);
  const keyboard = new InlineKeyboard();
  for (const kind of kinds) keyboard.text(kind, BUTTONS.fileImportKind.data(kind)).row();
  await ctx.reply(ctx.t('fileImport:whichKind', { file: fileName }), { reply_markup: keyboard });
});

BUTTONS.fileImportKind.on(fileImportFeature, async (ctx, kind) => {
  const pending = await flow.atButton(ctx, 'kind');
  if (!pending) return;
  await ctx.answerCallbackQuery();
  const roles = await rolesOf(ctx.deps.pool, ctx.from.id);
  if (!allowedKinds(roles).includes(kind)) return void (await ctx.reply(ctx.t('fileImport:notAllowed', { id: ctx.from.id })));
  await checkAndAsk(ctx, roles, { ...pending, kind });
});

BUTTONS.fileImportConfirm.on(fileImportFeature, async (ctx) => {
  const pending = await flow.atButton(ctx, 'confirm');
  if (!pending?.kind) return;
  await ctx.answerCallbackQuery();
  // Checked again: roles may have changed since the dry run.
  const roles = await rolesOf(ctx.deps.pool, ctx.from.id);
  const stillMine = allowedKinds(roles).includes(pending.kind) && !(await outsideRows(ctx, pending, pending.kind, roles)).length;
  await flow.end(ctx);
  if (!stillMine) return void (await ctx.reply(ctx.t('fileImport:notAllowed', { id: ctx.from.id })));
  await ctx.replyWithChatAction('typing');
  const result = await importFile(ctx.deps.pool, pending.kind, pending.data, { format: pending.format, dryRun: false });
  if (changesUnderstanding(pending.kind, result)) forgetUnderstanding(ctx.deps.pool);
  await audit(ctx.deps.pool, {
    actor: `telegram:${ctx.from.id}`,
    action: 'import.file',
    target: pending.kind,
    details: {
      file: pending.fileName,
      ok: result.ok,
      ...(result.ok ? { inserted: result.inserted, updated: result.updated, unchanged: result.unchanged } : { issues: result.issueCount }),
    },
  });
  const report = escapeHtml(describeResult(ctx.deps.i18n, ctx.locale, result).join('\n'));
  await ctx.reply(`${ctx.t(result.ok ? 'fileImport:done' : 'fileImport:rejected', { file: pending.fileName })}\n\n${report}`, {
    reply_markup: menuKeyboard(ctx.t),
  });
});

BUTTONS.fileImportCancel.on(fileImportFeature, async (ctx) => {
  if (!(await flow.atButton(ctx, 'confirm'))) return;
  await ctx.answerCallbackQuery();
  await flow.end(ctx);
  await ctx.reply(ctx.t('fileImport:cancelled'), { reply_markup: menuKeyboard(ctx.t) });
});
