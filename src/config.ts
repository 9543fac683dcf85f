// Configuration comes only from the environment, checked once at start-up.
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const schema = z
  .object({
    BOT_TOKEN: optionalString.pipe(
      z
        .string()
        .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'a token from @BotFather, like 123456789:AAH...')
        .optional(),
    ),
    BOT_MODE: z.enum(['polling', 'webhook'], { error: 'polling or webhook' }).default('polling'),
    WEBHOOK_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional()),
    WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, '16 to 256 characters of A-Z, a-z, 0-9, _ and -')
        .optional(),
    ),
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    PORT: z.coerce
      .number({ error: 'a port number from 0 to 65535' })
      .int('a port number from 0 to 65535')
      .min(0, 'a port number from 0 to 65535')
      .max(65535, 'a port number from 0 to 65535')
      .default(3000),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'a postgresql:// URL, or empty for the embedded database')
        .optional(),
    ),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).default('https://api.telegram.org'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    DEFAULT_LOCALE: z.enum(['id', 'en'], { error: 'id or en' }).default('id'),
    ADMIN_API_TOKEN: optionalString.pipe(z.string().min(24, 'at least 24 characters').optional()),
    // The heap a whole-file import through the admin API may use (a worker thread); a file that
    // needs more is refused with "split it".
    IMPORT_MEMORY_MB: z.coerce
      .number({ error: 'megabytes, 64 to 8192' })
      .int('megabytes, 64 to 8192')
      .min(64, 'megabytes, 64 to 8192')
      .max(8192, 'megabytes, 64 to 8192')
      .default(512),
    // Telegram allows about 30 messages a second to different chats, 1000 with paid broadcasts.
    BROADCAST_RATE: z.coerce
      .number({ error: 'messages per second, 1 to 30' })
      .min(1, 'messages per second, 1 to 30')
      .max(30, 'messages per second, 1 to 30')
      .default(25),
    BROADCAST_PAID_RATE: z.coerce
      .number({ error: 'messages per second, 1 to 1000' })
      .min(1, 'messages per second, 1 to 1000')
      .max(1000, 'messages per second, 1 to 1000')
      .default(1000),
  })
  .superRefine((c, ctx) => {
    if (c.BOT_MODE !== 'webhook') return;
    if (!c.BOT_TOKEN) ctx.addIssue({ code: 'custom', path: ['BOT_TOKEN'], message: 'required when BOT_MODE=webhook' });
    if (!c.WEBHOOK_URL) ctx.addIssue({ code: 'custom', path: ['WEBHOOK_URL'], message: 'required when BOT_MODE=webhook' });
    if (!c.WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'required when BOT_MODE=webhook' });
  });

type Parsed = z.infer<typeof schema>;
type Common = Omit<Parsed, 'BOT_MODE' | 'WEBHOOK_URL' | 'WEBHOOK_SECRET'>;

/** Polling needs no public address; a webhook needs a token, its URL and its secret. */
export type Config = Common &
  ({ BOT_MODE: 'polling' } | { BOT_MODE: 'webhook'; BOT_TOKEN: string; WEBHOOK_URL: string; WEBHOOK_SECRET: string });

/** The mode's settings as types, as the schema's last check has made sure they are. */
function byMode(c: Parsed): Config {
  const { BOT_MODE, WEBHOOK_URL, WEBHOOK_SECRET, ...common } = c;
  if (BOT_MODE === 'polling') return { ...common, BOT_MODE };
  if (!common.BOT_TOKEN || !WEBHOOK_URL || !WEBHOOK_SECRET)
    throw new ConfigError('Invalid configuration: webhook mode without its settings');
  return { ...common, BOT_MODE, BOT_TOKEN: common.BOT_TOKEN, WEBHOOK_URL, WEBHOOK_SECRET };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Throws a ConfigError whose message is one line naming the variable and what it expects. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  // Empty values count as unset, the way .env files and shells leave them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(cleaned);
  if (parsed.success) return byMode(parsed.data);
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  const got = env[name];
  const shown = got === undefined ? '' : ` (got "${name.includes('TOKEN') || name.includes('SECRET') ? '***' : got}")`;
  throw new ConfigError(`Invalid configuration: ${name} must be ${issue.message}${shown}`);
}
