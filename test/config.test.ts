import { describe, expect, expectTypeOf, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const token = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

describe('configuration from the environment', () => {
  it('has defaults that run the bot locally in polling mode on the embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      BOT_MODE: 'polling',
      HOST: '0.0.0.0',
      PORT: 3000,
      DATA_DIR: './data',
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      LOG_LEVEL: 'info',
      DEFAULT_LOCALE: 'id',
    });
    expect(config.BOT_TOKEN).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ BOT_TOKEN: '', DATABASE_URL: '  ', PORT: '' }).PORT).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, /^Invalid configuration: PORT must be a port number from 0 to 65535 \(got "abc"\)$/],
    [{ PORT: '70000' }, /PORT must be a port number/],
    [{ BOT_MODE: 'push' }, /^Invalid configuration: BOT_MODE must be polling or webhook \(got "push"\)$/],
    [{ BOT_TOKEN: 'nonsense' }, /BOT_TOKEN must be a token from @BotFather.*\(got "\*\*\*"\)$/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgresql:\/\/ URL/],
    [{ TELEGRAM_API_ROOT: 'not a url' }, /TELEGRAM_API_ROOT must be an http\(s\) URL/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of fatal, error/],
    [{ DEFAULT_LOCALE: 'fr' }, /DEFAULT_LOCALE must be id or en/],
    [{ ADMIN_API_TOKEN: 'short' }, /ADMIN_API_TOKEN must be at least 24 characters \(got "\*\*\*"\)/],
    [{ BOT_MODE: 'webhook', BOT_TOKEN: token }, /WEBHOOK_URL must be required when BOT_MODE=webhook/],
    [
      { BOT_MODE: 'webhook', BOT_TOKEN: token, WEBHOOK_URL: 'https://bot.example.id/telegram/webhook', WEBHOOK_SECRET: 'x y' },
      /WEBHOOK_SECRET must be 16 to 256 characters/,
    ],
  ])('refuses %j with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as Error).message).toMatch(message);
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('accepts a complete webhook configuration', () => {
    const config = loadConfig({
      BOT_TOKEN: token,
      BOT_MODE: 'webhook',
      WEBHOOK_URL: 'https://bot.example.id/telegram/webhook',
      WEBHOOK_SECRET: 'a-long-random-secret_123',
      PORT: '8080',
      DATABASE_URL: 'postgresql://bot@db:5432/paritrana',
    });
    expect(config.PORT).toBe(8080);
    expect(config.BOT_MODE).toBe('webhook');
    // Typed by the mode: in webhook mode the URL, the secret and the token are strings (checked by tsc).
    if (config.BOT_MODE !== 'webhook') throw new Error('not webhook');
    expectTypeOf(config.WEBHOOK_URL).toEqualTypeOf<string>();
    expectTypeOf(config.WEBHOOK_SECRET).toEqualTypeOf<string>();
    expectTypeOf(config.BOT_TOKEN).toEqualTypeOf<string>();
    expect(config).toMatchObject({
      WEBHOOK_URL: 'https://bot.example.id/telegram/webhook',
      WEBHOOK_SECRET: 'a-long-random-secret_123',
      BOT_TOKEN: token,
    });
  });

  it('types polling mode without webhook settings', () => {
    const config = loadConfig({});
    if (config.BOT_MODE !== 'polling') throw new Error('not polling');
    expectTypeOf(config).not.toHaveProperty('WEBHOOK_URL');
    expectTypeOf(config.BOT_TOKEN).toEqualTypeOf<string | undefined>();
  });
});
