// The one way to hand-written SQL (where docs/adr/0001-database-access.md allows it): what a
// statement runs on, a transaction, and a session-level advisory lock.
import type pg from 'pg';

/** A pool, a client or a transaction's client: anything that runs a statement. */
export type Queryable = Pick<pg.Pool, 'query'>;

/** Runs `run` in one transaction on one connection: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await run(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Takes the session-level advisory lock `key` on this connection if nobody holds it. */
export async function tryAdvisoryLock(client: pg.ClientBase, key: number): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key]);
  return !!rows[0]?.locked;
}

export async function advisoryUnlock(client: pg.ClientBase, key: number): Promise<void> {
  await client.query('SELECT pg_advisory_unlock($1)', [key]);
}
