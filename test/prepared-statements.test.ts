// On a PostgreSQL server the statements every update runs are prepared once per connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../src/db/database.ts';
import { beginUpdate } from '../src/domain/updates.ts';
import { saveChatContext } from '../src/domain/understanding/chat-context.ts';
import { captureLogs } from './support/logs.ts';
import { createTestDatabase, type TestDatabase } from './support/postgres.ts';

const BOT = 7000000002;
let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  // One connection: the statements it prepared are the ones this session sees.
  db = await openDatabase({ databaseUrl: database.url, dataDir: '/nonexistent', logger: captureLogs().logger, poolSize: 1 });
});
afterAll(async () => {
  await db.close();
  await database.drop();
});

describe('statements of every update, on PostgreSQL', () => {
  it('are prepared once on the connection and give the same answers as before', async () => {
    const siti = { id: 77, first_name: 'Siti', language_code: 'id' };
    expect(await beginUpdate(db.pool, BOT, 1, siti, 77)).toMatchObject({
      fresh: true,
      locale: null,
      conversation: null,
      chatContext: null,
    });
    await saveChatContext(db.pool, 77, 77, { target: 'coverage', lang: 'id', question: 'cakupan sumsel', placeCode: '16' });
    expect(await beginUpdate(db.pool, BOT, 1, siti, 77)).toMatchObject({ fresh: false });
    expect(await beginUpdate(db.pool, BOT, 2, siti, 77)).toMatchObject({
      fresh: true,
      chatContext: { target: 'coverage', placeCode: '16' },
    });
    expect(await beginUpdate(db.pool, BOT, 3, siti)).toMatchObject({ fresh: true });
    expect(await beginUpdate(db.pool, BOT, 4, undefined)).toEqual({ fresh: true, locale: null });
    const { rows } = await db.pool.query<{ name: string }>('SELECT name FROM pg_prepared_statements ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(['begin-update', 'begin-update-in-chat', 'claim-update', 'save-chat-context']);
  });
});
