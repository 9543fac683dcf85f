/**
 * Streaming RFC 4180 CSV reader for spreadsheet uploads.
 *
 * Deliberately lenient in a few places where Excel and hand-edited files
 * differ from the RFC, and strict where leniency would silently shift columns:
 *   - CRLF, LF and a lone CR (old Mac Excel) all end a line;
 *   - a `"` inside an unquoted field is kept literally;
 *   - spaces/tabs between a closing quote and the delimiter are ignored, but
 *     any other text there is a `text_after_quote` error;
 *   - a quote left open at the end of input is an `unterminated_quote` error.
 * Input that is not valid UTF-8 (e.g. an "ANSI" Excel export) is decoded with
 * U+FFFD replacement characters rather than rejected.
 */

export type CsvDelimiter = ',' | ';';

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
}

export type CsvSyntaxReason = 'unterminated_quote' | 'text_after_quote';

export class CsvSyntaxError extends Error {
  /**
   * @param line 1-based physical line where the offending field starts
   * @param column 1-based field index within the record
   */
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: CsvSyntaxReason,
  ) {
    super(`CSV syntax error at line ${line}, column ${column}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const SEMICOLON = 0x3b;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const BOM = 0xfeff;

const WINDOW = 64 * 1024;

export function detectDelimiter(headerLine: string): CsvDelimiter {
  let semicolons = 0;
  let commas = 0;
  let inQuotes = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === SEMICOLON) semicolons++;
    else if (c === COMMA) commas++;
  }
  return semicolons > commas ? ';' : ',';
}

// Parser states.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Just saw a `"` inside a quoted field: either `""` or the closing quote. */
const QUOTE_IN_QUOTED = 3;
/** Closed a quoted field and skipped whitespace after it. */
const AFTER_QUOTE = 4;

class RecordParser {
  private state = FIELD_START;
  private fields: string[] = [];
  /** Text of the current field carried over from earlier slices (complete value once the closing quote is seen). */
  private partial = '';
  private line = 1;
  private recordLine = 1;
  private fieldLine = 1;
  /** Whether the last character of the previous slice was CR, so a leading LF belongs to it. */
  private lastWasCR = false;

  constructor(private readonly delimiter: number) {}

  push(s: string, out: CsvRecord[]): void {
    const delim = this.delimiter;
    const n = s.length;
    let state = this.state;
    let i = 0;
    let segStart = 0;

    while (i < n) {
      let c = s.charCodeAt(i);
      switch (state) {
        case FIELD_START:
          if (c === QUOTE) {
            state = QUOTED;
            this.fieldLine = this.line;
            segStart = ++i;
          } else if (c === delim) {
            this.fields.push('');
            i++;
          } else if (c === CR || c === LF) {
            // LF of a CRLF whose CR already ended the record.
            if (!(c === LF && (i > 0 ? s.charCodeAt(i - 1) === CR : this.lastWasCR))) {
              this.endRecord(this.fields.length > 0 ? '' : null, out);
            }
            i++;
          } else {
            state = UNQUOTED;
            segStart = i;
          }
          break;

        case UNQUOTED: {
          // Hot path: scan to the end of the field and take it as one slice.
          while (c !== delim && c !== CR && c !== LF) {
            if (++i === n) break;
            c = s.charCodeAt(i);
          }
          if (i === n) break;
          const value = this.partial + s.slice(segStart, i);
          this.partial = '';
          if (c === delim) {
            this.fields.push(value);
            state = FIELD_START;
          } else {
            this.endRecord(this.fields.length === 0 && value.trim() === '' ? null : value, out);
            state = FIELD_START;
          }
          i++;
          break;
        }

        case QUOTED:
          while (c !== QUOTE) {
            // Count physical lines inside the field so later records get the right number.
            if (c === CR || (c === LF && !(i > 0 ? s.charCodeAt(i - 1) === CR : this.lastWasCR))) this.line++;
            if (++i === n) break;
            c = s.charCodeAt(i);
          }
          if (i === n) break;
          this.partial += s.slice(segStart, i);
          state = QUOTE_IN_QUOTED;
          i++;
          break;

        case QUOTE_IN_QUOTED:
        case AFTER_QUOTE:
          if (c === QUOTE && state === QUOTE_IN_QUOTED) {
            // `""`: the second quote starts the next literal segment.
            state = QUOTED;
            segStart = i++;
          } else if (c === delim) {
            this.fields.push(this.partial);
            this.partial = '';
            state = FIELD_START;
            i++;
          } else if (c === CR || c === LF) {
            const value = this.partial;
            this.partial = '';
            this.endRecord(value, out);
            state = FIELD_START;
            i++;
          } else if (c === SPACE || c === TAB) {
            state = AFTER_QUOTE;
            i++;
          } else {
            this.state = state;
            throw new CsvSyntaxError(this.fieldLine, this.fields.length + 1, 'text_after_quote');
          }
          break;
      }
    }

    if (state === UNQUOTED || state === QUOTED) this.partial += s.slice(segStart);
    if (n > 0) this.lastWasCR = s.charCodeAt(n - 1) === CR;
    this.state = state;
  }

  finish(out: CsvRecord[]): void {
    switch (this.state) {
      case QUOTED:
        throw new CsvSyntaxError(this.fieldLine, this.fields.length + 1, 'unterminated_quote');
      case FIELD_START:
        // A trailing delimiter without a line break still opens one last empty field.
        if (this.fields.length > 0) this.emit('', out);
        break;
      case UNQUOTED:
        if (this.fields.length > 0 || this.partial.trim() !== '') this.emit(this.partial, out);
        break;
      default:
        this.emit(this.partial, out);
    }
    this.partial = '';
    this.state = FIELD_START;
  }

  /** Ends the record at a line break; `null` means the line was blank and is skipped. */
  private endRecord(lastField: string | null, out: CsvRecord[]): void {
    if (lastField !== null) this.emit(lastField, out);
    this.line++;
    this.recordLine = this.line;
  }

  private emit(lastField: string, out: CsvRecord[]): void {
    this.fields.push(lastField);
    out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
  }
}

/**
 * Finds the first non-blank line (ending outside quotes) of a growing buffer,
 * resuming where the previous call stopped so buffering stays linear.
 */
class HeaderScanner {
  text = '';
  private pos = 0;
  private lineStart = 0;
  private inQuotes = false;

  /** Appends text; returns the header line once its end has been seen. */
  add(text: string): string | null {
    this.text += text;
    const s = this.text;
    for (; this.pos < s.length; this.pos++) {
      const c = s.charCodeAt(this.pos);
      if (c === QUOTE) this.inQuotes = !this.inQuotes;
      else if (!this.inQuotes && (c === CR || c === LF)) {
        const line = s.slice(this.lineStart, this.pos);
        if (line.trim() !== '') return line;
        this.lineStart = this.pos + 1;
      }
    }
    return null;
  }

  /** At end of input: whatever there is of the first non-blank line. */
  rest(): string {
    return this.text.slice(this.lineStart);
  }
}

function delimiterCode(delimiter: CsvDelimiter): number {
  return delimiter === ';' ? SEMICOLON : COMMA;
}

/**
 * Reads CSV records from text or (UTF-8) byte chunks. Chunks may split
 * anywhere, including inside a multi-byte character; memory is bounded by
 * the longest record, not the input. The header is simply the first record.
 * Lines holding only whitespace are skipped (but counted in `line`); a line
 * like `;;;` is a record of empty fields, left for the caller to judge.
 *
 * @throws CsvSyntaxError on an unterminated quote or text after a closing quote
 */
export async function* readCsvRecords(
  source: AsyncIterable<string | Uint8Array> | string,
  opts?: { delimiter?: CsvDelimiter },
): AsyncGenerator<CsvRecord> {
  // ignoreBOM keeps the BOM so it is stripped the same way for string and byte input.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let parser = opts?.delimiter ? new RecordParser(delimiterCode(opts.delimiter)) : null;
  const header = parser ? null : new HeaderScanner();
  let atStart = true;
  const out: CsvRecord[] = [];

  /** Drops the BOM and holds text back until the header line shows the delimiter; returns what the parser can take now. */
  function accept(text: string): string {
    if (atStart) {
      if (text.length === 0) return '';
      atStart = false;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    if (parser) return text;
    const line = header!.add(text);
    if (line === null) return '';
    parser = new RecordParser(delimiterCode(detectDelimiter(line)));
    const buffered = header!.text;
    header!.text = '';
    return buffered;
  }

  // Records are yielded straight from this generator (not via nested `yield*`),
  // which would cost extra promise turns per record.
  const chunks: AsyncIterable<string | Uint8Array> | string[] = typeof source === 'string' ? [source] : source;
  for await (const chunk of chunks) {
    // A string chunk after bytes first flushes any incomplete byte sequence.
    const text = accept(typeof chunk === 'string' ? decoder.decode() + chunk : decoder.decode(chunk, { stream: true }));
    for (const window of windows(text)) {
      parser!.push(window, out);
      for (const record of out) yield record;
      out.length = 0;
    }
  }

  let text = accept(decoder.decode());
  if (!parser) {
    parser = new RecordParser(delimiterCode(detectDelimiter(header!.rest())));
    text = header!.text;
  }
  for (const window of windows(text)) {
    parser.push(window, out);
    for (const record of out) yield record;
    out.length = 0;
  }
  parser.finish(out);
  for (const record of out) yield record;
}

/** Cuts decoded text so one huge chunk doesn't become one huge array of records. */
function windows(text: string): string[] {
  if (text.length <= WINDOW) return text.length === 0 ? [] : [text];
  const result: string[] = [];
  for (let k = 0; k < text.length; k += WINDOW) result.push(text.slice(k, k + WINDOW));
  return result;
}
