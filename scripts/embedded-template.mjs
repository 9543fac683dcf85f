// npm install (postinstall): prepares the embedded database's template, a data directory fresh
// from initdb that every new DATA_DIR is made from (src/db/embedded.ts says why). Never fails the
// install: without a template, a new data directory is made by initdb as before.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
let tsx;
try {
  tsx = require.resolve('tsx');
} catch {
  process.exit(0); // an install without dev dependencies runs the built code, and makes none
}
const result = spawnSync(process.execPath, ['--import', tsx, path.join(root, 'src/db/cli.ts'), 'template'], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
if (result.status !== 0) console.warn('the embedded database template was not prepared: a first start will take a few seconds longer');
