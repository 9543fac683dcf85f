import type { Api } from 'grammy';
import type { I18n } from '../i18n/i18n.ts';
import type { Locale } from '../i18n/locales.ts';

/** The command list Telegram shows in the "/" menu, in each language, Indonesian as default. */
export function commandList(i18n: I18n, locale: Locale) {
  const t = i18n.getFixedT(locale);
  const names =
    locale === 'id'
      ? {
          help: 'bantuan',
          language: 'bahasa',
          coverage: 'cakupan',
          awards: 'penghargaan',
          enroll: 'daftar',
          contribution: 'iuran',
          chart: 'grafik',
          subscribe: 'langganan',
          unsubscribe: 'berhenti',
        }
      : {
          help: 'help',
          language: 'language',
          coverage: 'coverage',
          awards: 'awards',
          enroll: 'enroll',
          contribution: 'contribution',
          chart: 'chart',
          subscribe: 'subscribe',
          unsubscribe: 'unsubscribe',
        };
  return [
    { command: 'start', description: t('start:commands.start') },
    { command: 'menu', description: t('start:commands.menu') },
    { command: names.coverage, description: t('start:commands.coverage') },
    { command: names.awards, description: t('start:commands.awards') },
    { command: names.chart, description: t('start:commands.chart') },
    { command: names.enroll, description: t('start:commands.enroll') },
    { command: names.contribution, description: t('start:commands.contribution') },
    { command: names.subscribe, description: t('start:commands.subscribe') },
    { command: names.unsubscribe, description: t('start:commands.unsubscribe') },
    { command: names.help, description: t('start:commands.help') },
    { command: names.language, description: t('start:commands.language') },
  ];
}

export async function registerCommands(api: Api, i18n: I18n, defaultLocale: Locale): Promise<void> {
  await api.setMyCommands(commandList(i18n, defaultLocale));
  await api.setMyCommands(commandList(i18n, 'id'), { language_code: 'id' });
  await api.setMyCommands(commandList(i18n, 'en'), { language_code: 'en' });
}
