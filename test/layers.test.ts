// Where code of each kind lives (docs/adr/0001-database-access.md): statements only in the
// domain and the database layer, and one definition of what runs them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.join(import.meta.dirname, '..', 'src');
const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(path.join(src, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
const read = (file: string) => fs.readFileSync(path.join(src, file), 'utf8');

const SQL = /\b(SELECT\s+[\w"*(]|INSERT\s+INTO|UPDATE\s+"|DELETE\s+FROM|ON\s+CONFLICT|pg_\w+\()/;

describe('the layers', () => {
  it('write no SQL in the bot, the HTTP server or the jobs', () => {
    const found = ['bot', 'server', 'jobs']
      .flatMap(filesUnder)
      .flatMap((file) =>
        read(file)
          .split('\n')
          .map((line, i) => ({ file, line: i + 1, text: line })),
      )
      .filter(({ text }) => !text.trim().startsWith('//') && !text.trim().startsWith('*') && SQL.test(text))
      .map(({ file, line, text }) => `${file}:${line}: ${text.trim()}`);
    expect(found).toEqual([]);
  });

  it('define what runs a statement, and a transaction, once', () => {
    const all = ['bot', 'server', 'jobs', 'domain', 'db', 'admin', 'console'].flatMap(filesUnder);
    expect(all.filter((f) => /\b(type Queryable\s*=|interface Queryable\b)/.test(read(f)))).toEqual([path.join('db', 'sql.ts')]);
    expect(all.filter((f) => /function inTransaction\b/.test(read(f)))).toEqual([path.join('db', 'sql.ts')]);
  });
});
