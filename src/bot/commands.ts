// Every command the bot answers, in one table: its Indonesian and English names (both work in
// either language), and whether Telegram's "/" menu lists it. The features register their
// handlers by key, and the menu is made from the same rows.
import type { Api } from 'grammy';
import type { I18n } from '../i18n/i18n.ts';
import type { Locale } from '../i18n/locales.ts';

interface CommandRow {
  id: string;
  en: string;
  /** Listed in the "/" menu, with the description `start:commands.<key>`. */
  menu: boolean;
}

/** In the order of the "/" menu. */
export const COMMANDS = {
  start: { id: 'start', en: 'start', menu: true },
  menu: { id: 'menu', en: 'menu', menu: true },
  coverage: { id: 'cakupan', en: 'coverage', menu: true },
  awards: { id: 'penghargaan', en: 'awards', menu: true },
  chart: { id: 'grafik', en: 'chart', menu: true },
  enroll: { id: 'daftar', en: 'enroll', menu: true },
  contribution: { id: 'iuran', en: 'contribution', menu: true },
  paymentReminder: { id: 'pengingat_iuran', en: 'payment_reminder', menu: true },
  subscribe: { id: 'langganan', en: 'subscribe', menu: true },
  unsubscribe: { id: 'berhenti', en: 'unsubscribe', menu: true },
  help: { id: 'bantuan', en: 'help', menu: true },
  language: { id: 'bahasa', en: 'language', menu: true },
  myData: { id: 'dataku', en: 'mydata', menu: true },
  deleteMyData: { id: 'hapusdataku', en: 'deletemydata', menu: false },
  compare: { id: 'bandingkan', en: 'compare', menu: false },
  company: { id: 'perusahaan', en: 'company', menu: false },
  companyCode: { id: 'kodeperusahaan', en: 'companycode', menu: false },
  ceremony: { id: 'acara', en: 'ceremony', menu: false },
  winner: { id: 'pemenang', en: 'winner', menu: false },
  announce: { id: 'umumkan', en: 'announce', menu: false },
  reminder: { id: 'pengingat', en: 'reminder', menu: false },
  cancel: { id: 'batal', en: 'cancel', menu: false },
  id: { id: 'id', en: 'id', menu: false },
} as const satisfies Record<string, CommandRow>;

export type CommandKey = keyof typeof COMMANDS;

/** Both names of a command, for `composer.command(...)`. */
export function commandNames(key: CommandKey): string[] {
  const { id, en } = COMMANDS[key];
  return id === en ? [id] : [id, en];
}

/** The command list Telegram shows in the "/" menu, in each language, Indonesian as default. */
export function commandList(i18n: I18n, locale: Locale) {
  const t = i18n.getFixedT(locale);
  return (Object.entries(COMMANDS) as [CommandKey, CommandRow][])
    .filter(([, row]) => row.menu)
    .map(([key, row]) => ({ command: row[locale], description: t(`start:commands.${key}`) }));
}

export async function registerCommands(api: Api, i18n: I18n, defaultLocale: Locale): Promise<void> {
  await api.setMyCommands(commandList(i18n, defaultLocale));
  await api.setMyCommands(commandList(i18n, 'id'), { language_code: 'id' });
  await api.setMyCommands(commandList(i18n, 'en'), { language_code: 'en' });
}
