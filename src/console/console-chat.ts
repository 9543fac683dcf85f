// Chat with the real bot and database in a terminal: the bot polls a Bot API double inside this
// process, and what it sends is printed; inline buttons become numbered choices.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import pino from 'pino';
import type { InlineKeyboardButton } from 'grammy/types';
import type { Config } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createI18n } from '../i18n/i18n.ts';
import { startService, type Service } from '../service.ts';
import { LocalBotApi } from '../bot-api-double/local-bot-api.ts';
import type { BotMessage, UserLike } from '../bot-api-double/local-bot-api-types.ts';
import { renderEntities } from '../i18n/telegram-html.ts';

/** The double accepts any token; this one only has the shape Telegram's have. */
const CONSOLE_TOKEN = '1000000000:local-console-token-000000000';
const EXIT_WORDS = new Set(['keluar', 'exit', 'quit', '/keluar', '/exit']);
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

export interface ConsoleOptions {
  io?: ConsoleIO;
  user?: UserLike;
}

export async function runConsole(config: Config, opts: ConsoleOptions = {}): Promise<void> {
  const io = opts.io ?? { input: process.stdin, output: process.stdout };
  const t = createI18n(config.DEFAULT_LOCALE).getFixedT(config.DEFAULT_LOCALE, 'console');
  const print = (line = '') => io.output.write(`${line}\n`);
  const user: UserLike = opts.user ?? {
    id: 100_000_001,
    first_name: os.userInfo().username || 'Pengguna',
    language_code: config.DEFAULT_LOCALE,
  };

  print(`${BOLD}${t('banner')}${RESET}`);
  print(`${DIM}${t('starting')}${RESET}`);

  // Logs would drown the conversation: they go to a file beside the embedded database.
  const logFile = path.resolve(config.DATA_DIR, 'console.log');
  const logger = createLogger(config.LOG_LEVEL, pino.destination({ dest: logFile, mkdir: true, sync: false }));
  // The bot remembers update ids it handled, in the database: number this session's after them.
  const double = new LocalBotApi({ firstUpdateId: Date.now() });
  await double.start();
  let service: Service;
  try {
    service = await startService(
      { ...config, BOT_TOKEN: CONSOLE_TOKEN, BOT_MODE: 'polling', TELEGRAM_API_ROOT: double.apiRoot, HOST: '127.0.0.1', PORT: 0 },
      logger,
    );
  } catch (e) {
    await double.stop();
    print(t('failed', { reason: e instanceof Error ? e.message : String(e), interpolation: { escapeValue: false } }));
    throw e;
  }

  // The choices of the latest message that has buttons, numbered from 1.
  let choices: { message: BotMessage; button: InlineKeyboardButton }[] = [];
  // A terminal shows no pictures: each is saved beside the database and named.
  let pictures = 0;
  const savePicture = (bytes: Buffer) => {
    const dir = path.resolve(config.DATA_DIR, 'pictures');
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${++pictures}.png`);
    fs.writeFileSync(file, bytes);
    return file;
  };
  const show = (message: BotMessage, edited: boolean) => {
    if (message.chat_id !== user.id) return;
    const body = renderEntities(message.text, message.entities ?? []);
    print();
    print(`${BOLD}${double.botInfo.first_name}${RESET}${edited ? ` ${DIM}${t('edited')}${RESET}` : ''}:`);
    const picture = message.photo ? double.photoBytes(message) : undefined;
    if (picture) print(t('picture', { path: savePicture(picture), interpolation: { escapeValue: false } }));
    if (body) print(body);
    const markup = message.reply_markup;
    if (markup && 'inline_keyboard' in markup) {
      choices = markup.inline_keyboard.flat().map((button) => ({ message, button }));
      choices.forEach(({ button }, i) => print(`  ${BOLD}[${i + 1}]${RESET} ${button.text}`));
    }
    rl.prompt();
  };

  const rl = readline.createInterface({ input: io.input, output: io.output, prompt: `${t('you')}> ` });
  double.on('message', (m) => show(m, false));
  double.on('edit', (m) => show(m, true));
  double.on('callback-answer', (answer) => {
    if (!answer.text) return;
    print(`${DIM}${t('notice')}: ${answer.text}${RESET}`);
    rl.prompt();
  });

  print(t('ready'));
  print();
  const closed = new Promise<void>((resolve) => rl.once('close', resolve));
  rl.on('line', (line) => {
    const text = line.trim();
    if (!text) return rl.prompt();
    if (EXIT_WORDS.has(text.toLowerCase())) return rl.close();
    const number = /^\d{1,2}$/.test(text) ? Number(text) : undefined;
    if (number !== undefined && choices.length > 0) {
      const choice = choices[number - 1];
      if (!choice) {
        print(t('noSuchButton', { number }));
        return rl.prompt();
      }
      const { button, message } = choice;
      if ('callback_data' in button && button.callback_data) double.pressButton(user, message, button.callback_data);
      else if ('url' in button && button.url) print(t('link', { url: button.url, interpolation: { escapeValue: false } }));
      return;
    }
    double.sendUserMessage(user, text);
  });
  process.once('SIGINT', () => rl.close());

  // Opening the console is the same as opening the bot's chat: it starts with /start.
  double.sendUserMessage(user, '/start');
  await closed;

  print();
  print(`${DIM}${t('stopping')}${RESET}`);
  await service.stop();
  await double.stop();
  logger.flush();
}
