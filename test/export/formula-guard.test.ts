import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.js';
import { writeQuery } from '../../src/export/write.js';
import { parseCsv } from '../helpers/csv.js';
import { tempWorkspace } from '../helpers/workspace.js';

// OWASP "CSV injection": a cell whose text starts with = + - @, a tab or a carriage return is run as a formula
// by spreadsheets (https://owasp.org/www-community/attacks/CSV_Injection). Exports prefix such text with an
// apostrophe, in CSV and in XLSX; other text and numbers (negative ones too) are written as they are.

const DANGEROUS = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tcmd', '\rcmd'];
const SAFE = ['plain', 'a=b', 'x+1', ' =1', ''];

let ws: Workspace;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ ws, dir, cleanup } = await tempWorkspace());
  const values = [...DANGEROUS, ...SAFE];
  await ws.run(`CREATE TABLE cells (i INTEGER, text VARCHAR, number DOUBLE)`);
  for (const [i, v] of values.entries()) {
    await ws.run(`INSERT INTO cells VALUES ($1, $2, $3)`, [i, v, i % 2 === 0 ? -(1.5 * i + 1) : 2 * i]);
  }
});

afterAll(() => cleanup?.());

const expected = (v: string): string => (DANGEROUS.includes(v) ? `'${v}` : v);

describe('the spreadsheet-formula guard of exports', () => {
  it('prefixes every dangerous first character in CSV, and leaves other text and numbers alone', async () => {
    const path = join(dir, 'cells.csv');
    await writeQuery(ws, `SELECT * FROM cells ORDER BY i`, [], path);
    const rows = parseCsv(readFileSync(path, 'utf8'));
    expect(rows[0]).toEqual(['i', 'text', 'number']);
    const values = [...DANGEROUS, ...SAFE];
    for (const [i, v] of values.entries()) {
      expect(rows[i + 1]?.[1], JSON.stringify(v)).toBe(expected(v));
      expect(Number(rows[i + 1]?.[2])).toBe(i % 2 === 0 ? -(1.5 * i + 1) : 2 * i);
    }
  });

  it('does the same in XLSX, where numbers stay numbers', async () => {
    const path = join(dir, 'cells.xlsx');
    await writeQuery(ws, `SELECT * FROM cells ORDER BY i`, [], path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.worksheets[0]!;
    const values = [...DANGEROUS, ...SAFE];
    for (const [i, v] of values.entries()) {
      const row = sheet.getRow(i + 2);
      const text = row.getCell(2).value;
      // XML reads a bare carriage return back as a line feed; the apostrophe before it is what matters.
      const lf = (t: string): string => t.replaceAll('\r', '\n');
      expect(lf(String(text ?? '')), JSON.stringify(v)).toBe(lf(expected(v)));
      expect(row.getCell(3).value).toBe(i % 2 === 0 ? -(1.5 * i + 1) : 2 * i);
    }
  });
});
