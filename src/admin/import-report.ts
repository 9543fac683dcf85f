// Words an import's outcome for people: the CLI prints it, the admin API returns it, both
// in Indonesian and English. Plain text, not Telegram HTML: nothing is escaped.
import type { ImportIssue } from '../domain/import/import-issues.ts';
import type { ImportResult, ImportSuccess } from '../domain/import/import-runner.ts';
import { formatsFor } from '../i18n/format.ts';
import type { I18n } from '../i18n/i18n.ts';
import type { Locale } from '../i18n/locales.ts';

export type Bilingual = Record<Locale, string>;

const MAX_LISTED_CHANGES = 20;

function plain(i18n: I18n, locale: Locale) {
  const t = i18n.getFixedT(locale, 'import');
  return (key: string, params: Record<string, unknown> = {}) => t(key, { ...params, interpolation: { escapeValue: false } }) as string;
}

export function describeIssue(i18n: I18n, locale: Locale, issue: ImportIssue): string {
  const t = plain(i18n, locale);
  const at = { ...issue };
  const where = issue.column
    ? issue.columnNumber
      ? t('at.lineColumn', at)
      : t('at.lineNamedColumn', at)
    : issue.columnNumber
      ? t('at.lineColumnNumber', at)
      : t('at.line', at);
  return `${where}: ${t(`errors.${issue.code}`, issue.params ?? {})}`;
}

export function bilingual(describe: (locale: Locale) => string): Bilingual {
  return { id: describe('id'), en: describe('en') };
}

function describeChanges(i18n: I18n, locale: Locale, result: ImportSuccess): string[] {
  const t = plain(i18n, locale);
  return result.changes.slice(0, MAX_LISTED_CHANGES).map((change) =>
    t('change', {
      line: change.line,
      key: change.key,
      changes: change.changes
        .map((c) => t('changeItem', { column: c.column, from: c.from ?? t('empty'), to: c.to ?? t('empty') }))
        .join('; '),
    }),
  );
}

/** A summary line, then each problem or each change. */
export function describeResult(i18n: I18n, locale: Locale, result: ImportResult): string[] {
  const t = plain(i18n, locale);
  const count = (n: number) => formatsFor(locale).integer(n);
  if (!result.ok) {
    const lines = [
      t('rejected', { kind: result.kind, count: count(result.issueCount), rows: count(result.rows) }),
      ...result.issues.map((issue) => describeIssue(i18n, locale, issue)),
    ];
    if (result.issueCount > result.issues.length) lines.push(t('moreIssues', { count: count(result.issueCount - result.issues.length) }));
    return lines;
  }
  const summary = t(result.dryRun ? 'dryRun' : 'done', {
    kind: result.kind,
    rows: count(result.rows),
    inserted: count(result.inserted),
    updated: count(result.updated),
    unchanged: count(result.unchanged),
  });
  return [summary, ...describeChanges(i18n, locale, result)];
}
