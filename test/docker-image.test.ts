// There is no Docker engine here: what the image build needs from the context is checked from
// the files. Every COPY source of the Dockerfile must exist and reach the build context, which
// .dockerignore filters with Docker's own rules (@balena/dockerignore implements them).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import dockerignore from '@balena/dockerignore';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '..');
// A CommonJS module whose types declare a default export: NodeNext types it as the namespace.
const ignore = (dockerignore as unknown as { default: typeof dockerignore.default }).default;

/** The sources of every COPY that reads the build context (not --from another stage). */
function copySources(dockerfile: string): string[] {
  return dockerfile
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^COPY\s/i.test(l) && !/--from=/i.test(l))
    .flatMap((l) =>
      l
        .replace(/^COPY\s+/i, '')
        .replace(/--\S+\s+/g, '')
        .split(/\s+/)
        .slice(0, -1),
    );
}

/** The files of a fresh clone under a path (what CI and a deploy build from): git's tracked files. */
function filesUnder(relative: string): string[] {
  return execFileSync('git', ['ls-files', '--', relative], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
}

describe('the Docker image', () => {
  const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const rules = ignore().add(fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n'));

  it('copies only what exists and is not excluded by .dockerignore', () => {
    const sources = copySources(dockerfile);
    expect(sources).toContain('data/seed');
    expect(sources).toContain('locales');
    for (const source of sources) {
      const files = filesUnder(source);
      expect(files.length, `${source} is in the repository`).toBeGreaterThan(0);
      const sent = files.filter((f) => !rules.ignores(f));
      expect(sent.length, `${source}: files reaching the build context`).toBe(files.length);
    }
  });

  it('leaves the embedded database and local files out of the context', () => {
    for (const file of ['data/pglite/PG_VERSION', 'node_modules/x/index.js', '.env', '.git/HEAD', 'src/generated/prisma/client.ts']) {
      expect(rules.ignores(file), file).toBe(true);
    }
  });

  it('has a compose file whose bot reaches the PostgreSQL service it starts', () => {
    const compose = fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8');
    const services = [...compose.matchAll(/^ {2}([a-z-]+):\s*$/gm)].map((m) => m[1]);
    expect(services.slice(0, 2)).toEqual(['db', 'bot']);
    const host = /DATABASE_URL: postgresql:\/\/[^@]+@([a-z-]+):5432\//.exec(compose)?.[1];
    expect(host).toBe('db');
    expect(compose).toMatch(/^ {4}build: \.$/m);
  });
});
