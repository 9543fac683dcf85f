// `npm start`: the bot with a token; without one, the local console in a terminal.
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { DataDirInUseError } from './db/embedded.ts';
import { startService } from './service.ts';

const NO_TOKEN = `BOT_TOKEN is not set.
To run the bot on Telegram, create a bot with @BotFather (send /newbot to https://t.me/BotFather),
then start it with the token it gives you:  BOT_TOKEN=123456789:AA... npm start
To try the bot without Telegram, run it in a terminal (npm start, or npm run chat).`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }

  if (!config.BOT_TOKEN) {
    if (!process.stdin.isTTY || !process.stdout.isTTY) fail(NO_TOKEN);
    const { runConsole } = await import('./console/console-chat.ts');
    await runConsole(config);
    process.exit(0);
  }

  const logger = createLogger(config.LOG_LEVEL);
  const service = await startService({ ...config, BOT_TOKEN: config.BOT_TOKEN }, logger);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // The last resort if something hangs: the orchestrator expects us gone within 10 s.
    setTimeout(() => fail('shutdown took too long'), 9_500).unref();
    service.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((e: unknown) => {
  if (e instanceof DataDirInUseError) fail(e.message);
  console.error(e instanceof Error ? `Paritrana Bot could not start: ${e.message}` : e);
  process.exit(1);
});
