// The one way to hand-written SQL (where docs/adr/0001-database-access.md allows it): what a
// statement runs on, a transaction, and a session-level advisory lock.
import type pg from 'pg';

/** A pool, a client or a transaction's client: anything that runs a statement. */
export type Queryable = Pick<pg.Pool, 'query'>;

const preparing = new WeakSet<object>();

/**
 * Statements on this pool may be prepared: each of its connections is a session of its own on
 * a PostgreSQL server. Not so on the embedded database, whose connections share one session
 * (a second connection preparing the same name would fail).
 */
export function allowPreparedStatements(pool: pg.Pool): void {
  preparing.add(pool);
}

/**
 * A statement every update runs: where the pool allows, prepared once per connection under
 * `name`, so PostgreSQL does not parse and plan it each time (most of its cost per update).
 */
export function hotQuery<R extends pg.QueryResultRow>(
  db: Queryable,
  name: string,
  text: string,
  values: unknown[],
): Promise<pg.QueryResult<R>> {
  return db.query<R>(preparing.has(db) ? { name, text, values } : { text, values });
}

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
