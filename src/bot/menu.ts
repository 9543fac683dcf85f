import { InlineKeyboard } from 'grammy';
import type { TFunction } from '../i18n/i18n.ts';

/** Callback data of the screens every feature can lead back to. */
export const MENU = 'menu';

/** The main menu's buttons, in order; each feature adds its entry here. */
const entries: { label: string; data: string }[] = [
  { label: 'common:menu.coverage', data: 'm:cov' },
  { label: 'common:menu.awards', data: 'm:aw' },
  { label: 'common:menu.enroll', data: 'm:en' },
  { label: 'common:menu.contribution', data: 'm:iu' },
  { label: 'common:menu.subscriptions', data: 'm:sub' },
  { label: 'common:menu.company', data: 'm:co' },
  { label: 'common:menu.help', data: 'help' },
  { label: 'common:menu.language', data: 'lang' },
];

export function mainMenuKeyboard(t: TFunction): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  entries.forEach((entry, i) => {
    keyboard.text(t(entry.label), entry.data);
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

export function backToMenuKeyboard(t: TFunction): InlineKeyboard {
  return new InlineKeyboard().text(t('common:menu.back'), MENU);
}
