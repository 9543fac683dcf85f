import { LocalBotApi, type LocalBotApiOptions, type UserLike } from '../../src/bot-api-double/local-bot-api.ts';

export { LocalBotApi, DEFAULT_BOT_INFO } from '../../src/bot-api-double/local-bot-api.ts';
export type * from '../../src/bot-api-double/local-bot-api-types.ts';

/** A started double on a random local port; call `stop()` in afterEach/afterAll. */
export async function startBotApiDouble(opts: LocalBotApiOptions = {}): Promise<LocalBotApi> {
  const api = new LocalBotApi(opts);
  await api.start();
  return api;
}

/** A realistic Indonesian Telegram user for `from`. */
export function testUser(id: number, overrides: Partial<UserLike> = {}): UserLike {
  return {
    id,
    first_name: 'Siti',
    last_name: 'Rahayu',
    username: `siti_${id}`,
    language_code: 'id',
    ...overrides,
  };
}
