// An import problem, as data: the presentation layer words it in Indonesian and English.
import type { Params } from './import-fields.ts';

export interface ImportIssue {
  /** 1-based line of the file (of the element's start, in a JSON file). */
  line: number;
  /** Column name as the file has it. */
  column?: string;
  /** 1-based position of the column in a CSV header. */
  columnNumber?: number;
  /** A key of `import.errors` in locales/<lng>/import.json. */
  code: string;
  params?: Params;
}
