import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, detectDelimiter, readCsvRecords, type CsvDelimiter, type CsvRecord } from '../src/domain/import/csv.ts';

type Source = Parameters<typeof readCsvRecords>[0];

async function collect(source: Source, delimiter?: CsvDelimiter): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(source, delimiter ? { delimiter } : undefined)) records.push(record);
  return records;
}

async function* chunksOf<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

/** Every way to cut `text` into two string chunks, plus 1-character chunks. */
function splits(text: string): string[][] {
  const result: string[][] = [];
  for (let i = 0; i <= text.length; i++) result.push([text.slice(0, i), text.slice(i)]);
  // UTF-16 code units, so surrogate pairs get split too.
  result.push(text.split(''));
  return result;
}

function byteSplits(text: string): Uint8Array[][] {
  const bytes = new TextEncoder().encode(text);
  const result: Uint8Array[][] = [];
  for (let i = 0; i <= bytes.length; i++) result.push([bytes.slice(0, i), bytes.slice(i)]);
  result.push(Array.from(bytes, (b) => Uint8Array.of(b)));
  return result;
}

async function syntaxError(source: Source, delimiter?: CsvDelimiter): Promise<CsvSyntaxError> {
  try {
    await collect(source, delimiter);
  } catch (error) {
    expect(error).toBeInstanceOf(CsvSyntaxError);
    return error as CsvSyntaxError;
  }
  throw new Error('expected a CsvSyntaxError');
}

const r = (line: number, ...fields: string[]): CsvRecord => ({ line, fields });

describe('detectDelimiter', () => {
  it.each<[string, CsvDelimiter]>([
    ['nama;nik;upah', ';'],
    ['nama,nik,upah', ','],
    ['nama', ','],
    ['', ','],
    ['a;b,c', ','], // tie → comma
    ['a;b;c,d', ';'],
    ['"a,b,c";d;e', ';'], // quoted commas don't count
    ['"a;b;c",d,e', ','],
    ['"Upah, Rp";"Iuran, Rp"', ';'],
  ])('%j → %s', (header, expected) => {
    expect(detectDelimiter(header)).toBe(expected);
  });
});

describe('readCsvRecords', () => {
  it.each<[string, string, CsvRecord[]]>([
    ['simple LF', 'a,b,c\n1,2,3\n', [r(1, 'a', 'b', 'c'), r(2, '1', '2', '3')]],
    ['no final newline', 'a,b\n1,2', [r(1, 'a', 'b'), r(2, '1', '2')]],
    ['CRLF', 'a,b\r\n1,2\r\n', [r(1, 'a', 'b'), r(2, '1', '2')]],
    ['lone CR', 'a,b\r1,2\r', [r(1, 'a', 'b'), r(2, '1', '2')]],
    ['semicolon detected', 'nama;upah\nBudi;2.500.000\n', [r(1, 'nama', 'upah'), r(2, 'Budi', '2.500.000')]],
    ['commas kept in ; files', 'nama;persen\nBudi;31,33\n', [r(1, 'nama', 'persen'), r(2, 'Budi', '31,33')]],
    ['quoted delimiter', 'a,b\n"x,y",z\n', [r(1, 'a', 'b'), r(2, 'x,y', 'z')]],
    ['escaped quotes', 'a\n"say ""hi"""\n""""\n', [r(1, 'a'), r(2, 'say "hi"'), r(3, '"')]],
    ['empty quoted field', 'a,b\n"",x\n', [r(1, 'a', 'b'), r(2, '', 'x')]],
    ['empty fields', 'a,b,c\n,,\n1,,3\n', [r(1, 'a', 'b', 'c'), r(2, '', '', ''), r(3, '1', '', '3')]],
    ['trailing delimiter at EOF', 'a,b\n1,', [r(1, 'a', 'b'), r(2, '1', '')]],
    [
      'newline inside quotes keeps later line numbers right',
      'a,b\n"line1\nline2\nline3",x\nnext,y\n',
      [r(1, 'a', 'b'), r(2, 'line1\nline2\nline3', 'x'), r(5, 'next', 'y')],
    ],
    [
      'CRLF inside quotes is kept and counted once',
      'a,b\r\n"1\r\n2",x\r\nnext,y\r\n',
      [r(1, 'a', 'b'), r(2, '1\r\n2', 'x'), r(4, 'next', 'y')],
    ],
    ['quoted field ending the file', 'a\n"x\ny"', [r(1, 'a'), r(2, 'x\ny')]],
    ['blank lines skipped but counted', '\n  \na,b\n\n\t\r\n1,2\n\n', [r(3, 'a', 'b'), r(6, '1', '2')]],
    ['whitespace-only last line skipped', 'a\n1\n   ', [r(1, 'a'), r(2, '1')]],
    ['whitespace kept in fields', 'a, b \n x ,"  y  "\n', [r(1, 'a', ' b '), r(2, ' x ', '  y  ')]],
    ['quote inside unquoted field is literal', 'a,b\n5" pipe,x\n', [r(1, 'a', 'b'), r(2, '5" pipe', 'x')]],
    ['spaces after closing quote ignored', 'a,b\n"x"  ,"y"\t\n', [r(1, 'a', 'b'), r(2, 'x', 'y')]],
    ['BOM dropped', '\uFEFFnama;nik\nA;1\n', [r(1, 'nama', 'nik'), r(2, 'A', '1')]],
    ['BOM only at start', '\uFEFFa\n\uFEFFb\n', [r(1, 'a'), r(2, '\uFEFFb')]],
    ['multi-byte text', 'kota;catatan\nBekasi;café ☕ 😀\n', [r(1, 'kota', 'catatan'), r(2, 'Bekasi', 'café ☕ 😀')]],
    ['empty input', '', []],
    ['only blank lines', '\n\r\n  \n', []],
    ['only BOM', '\uFEFF', []],
    ['delimiter detected after leading blank lines', '\n\nx;y\n1;2\n', [r(3, 'x', 'y'), r(4, '1', '2')]],
    ['header without newline', 'a;b', [r(1, 'a', 'b')]],
    ['quoted header with newline', '"a\nb";c;d\n1;2;3\n', [r(1, 'a\nb', 'c', 'd'), r(3, '1', '2', '3')]],
  ])('%s', async (_name, input, expected) => {
    expect(await collect(input)).toEqual(expected);
  });

  it('uses the given delimiter instead of detecting', async () => {
    expect(await collect('a;b,c;d\n1;2,3;4\n', ',')).toEqual([r(1, 'a;b', 'c;d'), r(2, '1;2', '3;4')]);
    expect(await collect('a,b\n1,2\n', ';')).toEqual([r(1, 'a,b'), r(2, '1,2')]);
  });

  const streamingInputs = [
    'nama;upah;catatan\r\n"Budi ""B"" S";2.500.000;"baris\r\nkedua"\r\n\r\nSiti;3jt;café 😀\n',
    '\uFEFFa,b\n"x,y",""""\n\n  \n"m\nn",z\rlast,1',
    'h1,h2\n1,\n,2\n"",""\n',
  ];

  it.each(streamingInputs)('gives the same records for every string chunking of %j', async (input) => {
    const expected = await collect(input);
    expect(expected.length).toBeGreaterThan(0);
    for (const parts of splits(input)) {
      expect(await collect(chunksOf(parts)), JSON.stringify(parts)).toEqual(expected);
    }
  });

  it.each(streamingInputs)('gives the same records for every byte chunking of %j', async (input) => {
    const expected = await collect(input);
    for (const parts of byteSplits(input)) {
      expect(await collect(chunksOf(parts))).toEqual(expected);
    }
  });

  it('decodes a multi-byte character split across byte chunks', async () => {
    const bytes = new TextEncoder().encode('kota\nSurabaya 😀\n');
    const emoji = bytes.indexOf(0xf0);
    const parts = [bytes.slice(0, emoji + 1), bytes.slice(emoji + 1, emoji + 3), bytes.slice(emoji + 3)];
    expect(await collect(chunksOf(parts))).toEqual([r(1, 'kota'), r(2, 'Surabaya 😀')]);
  });

  it('drops a BOM split across byte chunks', async () => {
    const bytes = new TextEncoder().encode('\uFEFFa;b\n1;2\n');
    const parts = [bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2)];
    expect(await collect(chunksOf(parts))).toEqual([r(1, 'a', 'b'), r(2, '1', '2')]);
  });

  it('accepts a mix of string and byte chunks', async () => {
    const parts = ['a;b\n', new TextEncoder().encode('1;é\n'), '2;3'];
    expect(await collect(chunksOf(parts))).toEqual([r(1, 'a', 'b'), r(2, '1', 'é'), r(3, '2', '3')]);
  });

  it('skips empty chunks', async () => {
    expect(await collect(chunksOf(['', 'a,b', '', '\n', new Uint8Array(0), '1,2', '']))).toEqual([r(1, 'a', 'b'), r(2, '1', '2')]);
  });

  it.each<[string, string, number, number, string]>([
    ['unterminated quote', 'a,b\n1,"open\n2,3\n', 2, 2, 'unterminated_quote'],
    ['unterminated quote in first field', '"a', 1, 1, 'unterminated_quote'],
    ['unterminated quote after multi-line record', 'a,b\n"x\ny",1\n3,"z', 4, 2, 'unterminated_quote'],
    ['text after closing quote', 'a,b,c\n1,"x"y,3\n', 2, 2, 'text_after_quote'],
    ['text after closing quote and spaces', 'a,b\n"x" y,1\n', 2, 1, 'text_after_quote'],
    ['quote after closing quote and spaces', 'a,b\n"x" "y",1\n', 2, 1, 'text_after_quote'],
    ['field starts on a later line', 'a,b\n"1\n2","x"y\n', 3, 2, 'text_after_quote'],
  ])('%s → CsvSyntaxError', async (_name, input, line, column, reason) => {
    for (const source of [input, chunksOf(input.split(''))]) {
      const error = await syntaxError(source);
      expect(error).toMatchObject({ line, column, reason, name: 'CsvSyntaxError' });
      expect(error.message).toContain(`line ${line}`);
    }
  });

  it('yields the records before a syntax error', async () => {
    const seen: CsvRecord[] = [];
    await expect(async () => {
      for await (const record of readCsvRecords('a,b\n1,2\n3,"x\n')) seen.push(record);
    }).rejects.toThrow(CsvSyntaxError);
    expect(seen).toEqual([r(1, 'a', 'b'), r(2, '1', '2')]);
  });

  it('streams: the first record arrives before the source ends', async () => {
    let finished = false;
    async function* source(): AsyncGenerator<string> {
      yield 'a;b\n1;2\n';
      yield '3;4\n';
      finished = true;
    }
    const iterator = readCsvRecords(source());
    expect((await iterator.next()).value).toEqual(r(1, 'a', 'b'));
    expect(finished).toBe(false);
    await iterator.return(undefined);
  });

  it('parses 100,000 generated rows', async () => {
    const header = 'nama;nik;kota;upah;persen;tanggal;aktif;catatan\r\n';
    const row = (i: number) => `Pekerja ${i};3201${String(i).padStart(12, '0')};Bandung;2.500.000;31,33;27/08/2025;ya;"ok; ""v"""\r\n`;
    async function* source(): AsyncGenerator<Uint8Array> {
      const encoder = new TextEncoder();
      yield encoder.encode(header);
      for (let i = 0; i < 100_000; i += 1000) {
        let block = '';
        for (let j = i; j < i + 1000; j++) block += row(j);
        yield encoder.encode(block);
      }
    }
    let count = 0;
    let last: CsvRecord | undefined;
    for await (const record of readCsvRecords(source())) {
      count++;
      last = record;
    }
    expect(count).toBe(100_001);
    expect(last).toEqual(r(100_001, 'Pekerja 99999', '3201000000099999', 'Bandung', '2.500.000', '31,33', '27/08/2025', 'ya', 'ok; "v"'));

    // The same as one big string.
    let text = header;
    for (let i = 0; i < 100_000; i++) text += row(i);
    count = 0;
    let wrongWidth = 0;
    for await (const record of readCsvRecords(text)) {
      count++;
      if (record.fields.length !== 8) wrongWidth++;
    }
    expect(count).toBe(100_001);
    expect(wrongWidth).toBe(0);
  });
});
