// npm run import -- <kind> <file.csv|file.json> [--dry-run]
// Prints what happened in Indonesian and English; exits 1 when the file was rejected.
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { IMPORT_KINDS, isImportKind } from '../domain/import/import-kinds.ts';
import { importFile, type ImportProgress } from '../domain/import/import-runner.ts';
import { createI18n } from '../i18n/i18n.ts';
import { runCli, withCliDatabase } from './cli-support.ts';
import { describeResult } from './import-report.ts';

const USAGE = `usage: npm run import -- <${IMPORT_KINDS.join('|')}> <file.csv|file.json> [--dry-run]`;

async function main(argv: string[]): Promise<number> {
  const dryRun = argv.includes('--dry-run');
  const [kind, file, ...rest] = argv.filter((a) => a !== '--dry-run');
  if (!kind || !file || rest.length || !isImportKind(kind)) {
    console.error(USAGE);
    return 2;
  }
  const format = file.toLowerCase().endsWith('.json') ? 'json' : 'csv';
  try {
    await access(file);
  } catch {
    console.error(`Berkas tidak ditemukan / file not found: ${file}`);
    return 2;
  }
  return withCliDatabase(async (db, config) => {
    const i18n = createI18n(config.DEFAULT_LOCALE);
    let lastShown = 0;
    const progress = ({ phase, done, total }: ImportProgress) => {
      // A line every few seconds on a large file, so that a long import shows it is alive.
      if (phase === 'writing' && Date.now() - lastShown < 2_000 && done < total) return;
      lastShown = Date.now();
      console.error(i18n.t(`import:progress.${phase}`, { done, total, interpolation: { escapeValue: false } }));
    };
    const result = await importFile(db.bulkPool, kind, createReadStream(file), { format, dryRun, onProgress: progress });
    for (const locale of ['id', 'en'] as const) {
      console.log(describeResult(i18n, locale, result).join('\n'));
      if (locale === 'id') console.log('');
    }
    return result.ok ? 0 : 1;
  });
}

runCli(main);
