// npm run examples:xlsx: writes data/examples/<kind>.xlsx from <kind>.csv, for the kinds officials
// may send the bot as a file, so that there is an Excel example beside each CSV one.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

const dir = path.join(import.meta.dirname, '..', 'data', 'examples');

/** The cells of one CSV line (`,` or `;`, double quotes as CSV writes them). */
function cells(line, separator) {
  const out = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === separator && !quoted) {
      out.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  return [...out, cell];
}

for (const kind of ['coverage', 'ceremonies', 'awards', 'companies']) {
  const lines = fs
    .readFileSync(path.join(dir, `${kind}.csv`), 'utf8')
    .split(/\r?\n/)
    .filter(Boolean);
  const separator = lines[0].includes(';') ? ';' : ',';
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(kind);
  for (const line of lines) sheet.addRow(cells(line, separator));
  sheet.getRow(1).font = { bold: true };
  await book.xlsx.writeFile(path.join(dir, `${kind}.xlsx`));
  console.log(`wrote data/examples/${kind}.xlsx`);
}
