// A file an official sends the bot: a CSV, a JSON list or an Excel workbook, read into what the
// import takes, its kind told from its header, and its rows checked against the official's regions.
import type ExcelJS from 'exceljs';
import { todayInJakarta } from '../calendar.ts';
import { mayActOn, type Roles } from '../roles/role-scope.ts';
import { IMPORT_KINDS, importKinds, type ImportKindName } from './import-kinds.ts';
import type { FileFormat } from './import-records.ts';
import { normalizeColumnName, readImportRecords, type SourceRecord } from './import-records.ts';

/** What officials may load; aliases, contribution rules and knowledge are the admin's. */
export const OFFICIAL_KINDS: readonly ImportKindName[] = ['coverage', 'ceremonies', 'awards', 'companies'];

export interface UploadedTable {
  format: FileFormat;
  /** The text the import reads: CSV as sent, or JSON made from a workbook's first sheet. */
  data: string;
  /** The header's column names, as written. */
  columns: string[];
}

export type UploadProblem = 'unsupported' | 'unreadable' | 'empty';

/** A cell as the import reads it: numbers stay numbers, dates are calendar dates, text is text. */
function cellValue(value: ExcelJS.CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return null;
  }
  return String(value);
}

async function workbookRows(bytes: Buffer): Promise<Record<string, unknown>[] | UploadProblem> {
  // Loaded on the first workbook an official sends: importing exceljs took 0.4 s of every start
  // and some 20 MB of resident memory, for a file few instances ever receive.
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return 'unreadable';
  }
  const sheet = book.worksheets[0];
  if (!sheet || sheet.rowCount < 2) return 'empty';
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map((v) => String(cellValue(v) ?? '').trim());
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const record: Record<string, unknown> = {};
    header.forEach((name, i) => {
      const value = cellValue(row.getCell(i + 1).value);
      if (name && value !== null && value !== '') record[name] = value;
    });
    if (Object.keys(record).length) rows.push(record);
  });
  return rows.length ? rows : 'empty';
}

/** Each kind's columns, made once when first needed: they do not depend on the day (only the checks do). */
let columnsOfKinds: Record<ImportKindName, { columns: readonly string[]; requiredColumns: readonly string[] }> | undefined;
const kindColumns = () => (columnsOfKinds ??= importKinds(todayInJakarta()));

/** The file as the import reads it, or what is wrong with it. */
export async function readUploadedFile(fileName: string, bytes: Buffer): Promise<UploadedTable | UploadProblem> {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'xlsx') {
    const rows = await workbookRows(bytes);
    if (typeof rows === 'string') return rows;
    return { format: 'json', data: JSON.stringify(rows), columns: [...new Set(rows.flatMap((r) => Object.keys(r)))] };
  }
  if (extension !== 'csv' && extension !== 'json') return 'unsupported';
  const data = bytes.toString('utf8');
  if (!data.trim()) return 'empty';
  if (extension === 'json') {
    try {
      const parsed: unknown = JSON.parse(data);
      const columns = Array.isArray(parsed) ? [...new Set(parsed.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r) : [])))] : [];
      return { format: 'json', data, columns };
    } catch {
      return 'unreadable';
    }
  }
  const firstLine = data.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const columns = firstLine.split(firstLine.includes(';') ? ';' : ',').map((c) => c.trim().replace(/^"|"$/g, ''));
  return { format: 'csv', data, columns };
}

/**
 * The kinds whose columns the header fits: every required column there and none unknown. The
 * file's name decides between several ("cakupan-oktober.csv" is not needed: "coverage.csv" is).
 */
export function kindsOf(fileName: string, columns: string[], allowed: readonly ImportKindName[] = IMPORT_KINDS): ImportKindName[] {
  const kinds = kindColumns();
  const names = columns.map(normalizeColumnName).filter(Boolean);
  const fits = allowed.filter((k) => {
    const kind = kinds[k];
    return kind.requiredColumns.every((c) => names.includes(c)) && names.every((c) => kind.columns.includes(c));
  });
  const named = fits.filter((k) => fileName.toLowerCase().startsWith(k));
  return named.length === 1 ? named : fits;
}

/** The line numbers (2 = the first row) of rows outside the official's regions. */
export async function rowsOutsideScope(
  table: UploadedTable,
  kind: ImportKindName,
  roles: Roles,
  ceremonyProvince: (id: string) => Promise<string | null | undefined>,
): Promise<number[]> {
  if (roles.admin) return [];
  const kinds = kindColumns()[kind];
  const records: SourceRecord[] = [];
  await readImportRecords(table.format, table.data, kinds.columns, [], (record) => void records.push(record));
  const outside: number[] = [];
  for (const { line, values } of records) {
    const text = (name: string) => (values[name] === undefined || values[name] === null ? '' : String(values[name]).trim());
    const region =
      kind === 'ceremonies'
        ? text('province_code')
        : kind === 'awards'
          ? ((await ceremonyProvince(text('ceremony_id'))) ?? '')
          : text('region_code');
    // A national ceremony, or one of an unknown ceremony, is nobody's province: the admin's.
    if (!region || !mayActOn(roles, region)) outside.push(line);
  }
  return outside;
}
