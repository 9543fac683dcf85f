// Runs `prisma generate` offline, and only when the schema or the prisma version changed, so
// that `npm start` stays fast while a fresh clone still gets its client on first run.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'src/generated/prisma');
const stamp = path.join(out, '.schema-hash');
const require = createRequire(import.meta.url);
const prismaVersion = require('prisma/package.json').version;
const hash = createHash('sha256')
  .update(prismaVersion)
  .update(readFileSync(path.join(root, 'prisma/schema.prisma')))
  .digest('hex');

const force = process.argv.includes('--force');
if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) process.exit(0);

const result = spawnSync(process.execPath, [require.resolve('prisma/build/index.js'), 'generate', '--no-hints'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, 'scripts/no-schema-engine.sh'),
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  },
});
if (result.status !== 0) {
  console.error('prisma generate failed');
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, hash);
