// `npm run chat`: the local console, whatever BOT_TOKEN says.
import { ConfigError, loadConfig } from '../config.ts';
import { runConsole } from './console-chat.ts';

try {
  await runConsole(loadConfig(process.env));
  process.exit(0);
} catch (e) {
  console.error(e instanceof ConfigError ? e.message : e instanceof Error ? e.message : e);
  process.exit(1);
}
