import { InlineKeyboard } from 'grammy';
import type { TFunction } from '../i18n/i18n.ts';
import { BUTTONS } from './buttons.ts';

/** Callback data of the screens every feature can lead back to. */
export const MENU = BUTTONS.menu.data;

/** The main menu's buttons, in order; each feature adds its entry here. */
const entries: { label: string; data: string }[] = [
  { label: 'common:menu.coverage', data: BUTTONS.menuCoverage.data },
  { label: 'common:menu.awards', data: BUTTONS.menuAwards.data },
  { label: 'common:menu.enroll', data: BUTTONS.menuEnrol.data },
  { label: 'common:menu.contribution', data: BUTTONS.menuContribution.data },
  { label: 'common:menu.subscriptions', data: BUTTONS.menuSubscriptions.data },
  { label: 'common:menu.company', data: BUTTONS.menuCompany.data },
  { label: 'common:menu.help', data: BUTTONS.help.data },
  { label: 'common:menu.language', data: BUTTONS.languages.data },
];

/** The entries' labels per translator (one per language): translated once, not per update. */
const labels = new WeakMap<TFunction, string[]>();

/** A new keyboard each time: callers may add a row of their own. */
export function mainMenuKeyboard(t: TFunction): InlineKeyboard {
  let translated = labels.get(t);
  if (!translated) labels.set(t, (translated = entries.map((entry) => t(entry.label))));
  const keyboard = new InlineKeyboard();
  entries.forEach((entry, i) => {
    keyboard.text(translated[i]!, entry.data);
    if (i % 2 === 1) keyboard.row();
  });
  return keyboard;
}

/** The least an answer offers: the way back to the menu. */
export function menuKeyboard(t: TFunction): InlineKeyboard {
  return new InlineKeyboard().text(t('coverage:menuButton'), MENU);
}

export function backToMenuKeyboard(t: TFunction): InlineKeyboard {
  return new InlineKeyboard().text(t('common:menu.back'), MENU);
}
