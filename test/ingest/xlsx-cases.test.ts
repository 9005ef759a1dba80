import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/db/workspace.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

// Workbooks as Excel writes them, built here with exceljs: formulas (their cached results are the values),
// shared strings, dates stored as day numbers with a date format, a merged header cell, several sheets. Each
// loads with every row accounted for and the values a person sees in Excel.

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup?.());

let n = 0;
async function load(
  book: ExcelJS.Workbook,
  ...args: string[]
): Promise<{
  code: number;
  err: string;
  report: {
    rows_read: number;
    rows_accepted: number;
    rows_rejected: number;
    mapping: Record<string, string>;
  };
  lines: Record<string, unknown>[];
}> {
  const path = join(dir, `book-${n}.xlsx`);
  const workspace = join(dir, `ws-${n++}.duckdb`);
  await book.xlsx.writeFile(path);
  const r = await cli('ingest', path, '--workspace', workspace, '--json', ...args);
  if (r.code !== 0) return { code: r.code, err: r.err, report: undefined as never, lines: [] };
  const ws = await Workspace.open(workspace, { readOnly: true });
  try {
    const lines = await ws.all(
      `SELECT customer_id, strftime(ts, '%Y-%m-%d %H:%M') AS ts, CAST(amount AS VARCHAR) AS amount FROM sales ORDER BY customer_id, ts`,
    );
    return { code: 0, err: '', report: JSON.parse(r.out), lines };
  } finally {
    ws.close();
  }
}

describe('Excel workbooks', () => {
  it('formulas: the cached result is the value', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sales');
    sheet.addRow(['customer', 'date', 'price', 'qty', 'amount']);
    sheet.addRow(['A', '2024-01-05', 10, 3, { formula: 'C2*D2', result: 30 }]);
    sheet.addRow(['B', '2024-01-06', 2.5, 2, { formula: 'C3*D3', result: 5 }]);
    const r = await load(book);
    expect(r.code, r.err).toBe(0);
    expect(r.report.rows_read).toBe(r.report.rows_accepted + r.report.rows_rejected);
    expect(r.lines.map((l) => l['amount'])).toEqual(['30.00', '5.00']);
  });

  it('dates stored as day numbers with a date format, and shared strings', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sales');
    sheet.addRow(['customer', 'date', 'amount']);
    // 45296 is 2024-01-05 in Excel's 1900 date system; 45296.5 is noon that day.
    for (const [c, d] of [
      ['Иванов', 45296],
      ['Петров', 45296.5],
      ['Иванов', 45297],
    ] as const) {
      const row = sheet.addRow([c, d, 100]);
      row.getCell(2).numFmt = 'dd.mm.yyyy hh:mm';
    }
    const r = await load(book);
    expect(r.code, r.err).toBe(0);
    expect(r.lines).toEqual([
      { customer_id: 'Иванов', ts: '2024-01-05 00:00', amount: '100.00' },
      { customer_id: 'Иванов', ts: '2024-01-06 00:00', amount: '100.00' },
      { customer_id: 'Петров', ts: '2024-01-05 12:00', amount: '100.00' },
    ]);
  });

  it('a merged header cell above two columns: loads, every row accounted for', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sales');
    sheet.addRow(['customer', 'date', 'amount', '']);
    sheet.mergeCells('C1:D1');
    sheet.addRow(['A', '2024-01-05', 10, 'note']);
    sheet.addRow(['B', '2024-01-06', 20, 'note']);
    const r = await load(book);
    expect(r.code, r.err).toBe(0);
    expect(r.report.rows_read).toBe(2);
    expect(r.report.rows_read).toBe(r.report.rows_accepted + r.report.rows_rejected);
    expect(r.report.mapping['amount']).toBe('amount');
  });

  it('several sheets: the first by default, another with --sheet, an unknown one named with the list', async () => {
    const book = new ExcelJS.Workbook();
    const notes = book.addWorksheet('Read me');
    notes.addRow(['customer', 'date', 'amount']);
    notes.addRow(['X', '2023-01-01', 1]);
    const sales = book.addWorksheet('Продажи');
    sales.addRow(['customer', 'date', 'amount']);
    sales.addRow(['A', '2024-01-05', 10]);
    sales.addRow(['B', '2024-01-06', 20]);
    expect((await load(book)).lines.map((l) => l['customer_id'])).toEqual(['X']);
    expect((await load(book, '--sheet', 'Продажи')).lines.map((l) => l['customer_id'])).toEqual(['A', 'B']);
    const missing = await load(book, '--sheet', 'Nope');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/has no worksheet "Nope"\. Worksheets: Read me, Продажи\./);
  });
});
