import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { ingestFile } from '../../src/ingest/load.js';
import { parseDateFormat } from '../../src/ingest/date-decimal.js';
import type { Workspace } from '../../src/db/workspace.js';
import { ONE_C_REJECTS, writeOneC, writeText } from '../helpers/fixtures.js';
import { tempWorkspace } from '../helpers/workspace.js';

let ws: Workspace;
let dir: string;
let cleanup: () => void;
beforeEach(async () => ({ ws, dir, cleanup } = await tempWorkspace()));
afterEach(() => cleanup());

async function rejectLines(loadId: number): Promise<Record<string, number[]>> {
  const rows = await ws.all<{ reason: string; line: number }>(
    `SELECT reason, line FROM rejects WHERE load_id = $1 ORDER BY line`,
    [loadId],
  );
  const out: Record<string, number[]> = {};
  for (const r of rows) (out[r.reason] ??= []).push(r.line);
  return out;
}

async function expectInputError(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  expect((error as Error).message).toMatch(pattern);
  expect((error as Error).message).not.toMatch(/\n\s+at /);
}

describe('a Russian 1C export', () => {
  it('is read with its encoding, layout and number format, and every bad line is named', async () => {
    const r = await ingestFile(ws, writeOneC(dir));
    expect(r.detected).toMatchObject({
      encoding: 'windows-1251',
      delimiter: ';',
      header_line: 3,
      decimal: ',',
      date_format: 'dd.mm.yyyy',
    });
    expect(r.mapping).toEqual({
      customer_id: 'Код карты',
      order_id: 'Номер чека',
      ts: 'Дата',
      amount: 'Сумма',
      quantity: 'Количество',
      price: 'Цена',
      sku: 'Артикул',
    });
    expect(r.rows_read).toBe(10);
    expect(r.rows_accepted).toBe(6);
    expect(r.rows_rejected).toBe(4);
    expect(r.rows_anonymous).toBe(1);
    expect(r.rows_returns).toBe(1);
    expect(await rejectLines(r.load_id)).toEqual(ONE_C_REJECTS);
    const sales = await ws.all<{ amount: number; sku: string; ts: string }>(
      `SELECT amount, sku, ts FROM sales ORDER BY ts, amount`,
    );
    expect(sales.map((s) => s.amount)).toEqual([99.9, 2501, 1250.5, 10, 7, -1250.5]);
    expect(sales.map((s) => s.sku)).toContain('В;3');
    expect(sales.map((s) => s.sku)).toContain('Многострочное\r\nназвание');
    expect(sales[2]?.ts).toBe('2024-01-06 09:05:00');
    const raw = await ws.one<{ raw: string; message: string }>(
      `SELECT raw, message FROM rejects WHERE line = 14`,
    );
    expect(raw?.raw).toBe('11.01.2024 12:00:00;Ч-007;100237;А-17;1;abc;абв');
    expect(raw?.message).toContain('Сумма');
  });

  it('reads the same file converted to UTF-8 with a BOM and LF line ends identically', async () => {
    const text = iconv.decode(iconv.encode('', 'utf8'), 'utf8');
    expect(text).toBe('');
    const { ONE_C_LINES } = await import('../helpers/fixtures.js');
    const path = writeText(dir, 'utf8.csv', `\uFEFF${ONE_C_LINES.join('\n')}\n`);
    const r = await ingestFile(ws, path);
    expect(r.detected.encoding).toBe('utf-8');
    expect(r.rows_accepted).toBe(6);
    expect(await rejectLines(r.load_id)).toEqual(ONE_C_REJECTS);
  });

  it('reads UTF-16 tab-separated text (Excel "Unicode text")', async () => {
    const text = 'CustomerID\tInvoiceDate\tAmount\r\nA1\t2024-01-05\t10.5\r\nA2\t2024-01-06\t3\r\n';
    const path = join(dir, 'unicode.txt');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await ingestFile(ws, path);
    expect(r.detected).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(r.rows_accepted).toBe(2);
    expect(await ws.scalar(`SELECT sum(amount)::DOUBLE FROM sales`)).toBe(13.5);
  });
});

describe('dates, numbers and ids', () => {
  it('reads m/d/yyyy H:MM (the Kaggle copies of Online Retail) and float ids', async () => {
    const path = writeText(
      dir,
      'kaggle.csv',
      'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice\n536365,17850.0,12/1/2010 8:26,6,2.55\n536366,17850.0,12/13/2010 18:05,2,1.85\n',
    );
    const r = await ingestFile(ws, path);
    expect(r.detected.date_format).toBe('mm/dd/yyyy');
    expect(r.detected.date_format_ambiguous).toBe(false);
    const rows = await ws.all<{ customer_id: string; ts: string; amount: number }>(
      `SELECT customer_id, ts, amount FROM sales ORDER BY ts`,
    );
    expect(rows).toEqual([
      { customer_id: '17850', ts: '2010-12-01 08:26:00', amount: 15.3 },
      { customer_id: '17850', ts: '2010-12-13 18:05:00', amount: 3.7 },
    ]);
  });

  it('warns when day and month could be swapped, and obeys --date-format', async () => {
    const text = 'client,date,sum\nA,01/02/2024,5\nB,03/04/2024,6\n';
    const r = await ingestFile(ws, writeText(dir, 'amb.csv', text));
    expect(r.detected.date_format_ambiguous).toBe(true);
    expect(r.warnings.join(' ')).toMatch(/swapped/);
    expect(await ws.scalar(`SELECT strftime(min(ts), '%Y-%m-%d') FROM sales`)).toBe('2024-01-02');
    const { ws: w2, cleanup: c2 } = await tempWorkspace();
    try {
      const r2 = await ingestFile(w2, writeText(dir, 'amb2.csv', text), {
        dateFormat: parseDateFormat('dd/mm/yyyy'),
      });
      expect(r2.detected.date_format).toBe('dd/mm/yyyy');
      expect(await w2.scalar(`SELECT strftime(min(ts), '%Y-%m-%d') FROM sales`)).toBe('2024-02-01');
    } finally {
      c2();
    }
  });

  it('computes quantity × price rounded to cents when there is no amount column', async () => {
    const r = await ingestFile(
      ws,
      writeText(dir, 'qp.csv', 'customer;date;qty;price\nA;20240105;3;0,335\nA;20240106;1;1,005\n'),
    );
    expect(r.detected).toMatchObject({ date_format: 'yyyymmdd', decimal: ',' });
    expect(await ws.all(`SELECT amount FROM sales ORDER BY ts`)).toEqual([
      { amount: 1.01 },
      { amount: 1.01 },
    ]);
  });

  it('rejects dates outside 1900-2100 and unparseable quantities, naming the line', async () => {
    const text =
      'customer,date,quantity,price\nA,2024-01-05,1,2\nB,0024-01-05,1,2\nC,2024-01-06,x,2\nD,2024-01-06,,2\n';
    const r = await ingestFile(ws, writeText(dir, 'bad.csv', text));
    expect(await rejectLines(r.load_id)).toEqual({
      date_out_of_range: [3],
      bad_quantity: [4],
      missing_quantity: [5],
    });
    expect(r.rows_read).toBe(r.rows_accepted + r.rows_rejected);
  });

  it('draws the limits of dates and amounts exactly, and names the first rule a line breaks', async () => {
    const text = [
      'customer,date,quantity,amount',
      'A,1900-01-01 00:00:00,1,1',
      'B,1899-12-31 23:59:59,1,1',
      'C,2100-12-31 23:59:59,1,1',
      'D,2101-01-01,1,1',
      'E,2024-01-01,1,9999999999999',
      'F,2024-01-01,1,10000000000000',
      'G,2024-01-01,1,NaN',
      'H,2024-01-01,1,-inf',
      'I,2024-01-01,,2',
      'J,2024-01-01,inf,2',
      'K,,1,2',
      'L,2101-01-01,1,',
      'M, 2024-01-02 ,1, 3 ',
    ].join('\n');
    const r = await ingestFile(ws, writeText(dir, 'limits.csv', `${text}\n`));
    expect(await rejectLines(r.load_id)).toEqual({
      date_out_of_range: [3, 5, 13],
      bad_amount: [7, 8, 9],
      bad_quantity: [11],
      missing_date: [12],
    });
    expect(r.rows_accepted).toBe(5);
    expect(r.rows_read).toBe(r.rows_accepted + r.rows_rejected);
  });
});

describe('other formats', () => {
  it('reads an .xlsx sheet with a title, date cells, numbers and text numbers; rejects name the Excel row', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Продажи');
    sheet.addRow(['Продажи за январь']);
    sheet.addRow([]);
    sheet.addRow(['Дата', 'Клиент', 'Сумма', 'Товар']);
    sheet.addRow([new Date(Date.UTC(2024, 0, 5, 10, 15)), 100234, 2501.5, 'А-17']);
    sheet.addRow([new Date(Date.UTC(2024, 0, 6)), '100235', '1 250,50', 'Б-2']);
    sheet.addRow(['не дата', '100236', 5, 'В-3']);
    sheet.addRow([new Date(Date.UTC(2024, 0, 7)), '100236', 7.25, 'В-3']);
    const path = join(dir, 'sales.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await ingestFile(ws, path);
    expect(r.format).toBe('xlsx');
    expect(r.detected.header_line).toBe(3);
    expect(r.rows_read).toBe(4);
    expect(r.rows_accepted).toBe(3);
    expect(await rejectLines(r.load_id)).toEqual({ bad_date: [6] });
    const rows = await ws.all<{ customer_id: string; ts: string; amount: number }>(
      `SELECT customer_id, ts, amount FROM sales ORDER BY ts`,
    );
    expect(rows).toEqual([
      { customer_id: '100234', ts: '2024-01-05 10:15:00', amount: 2501.5 },
      { customer_id: '100235', ts: '2024-01-06', amount: 1250.5 },
      { customer_id: '100236', ts: '2024-01-07', amount: 7.25 },
    ]);
  });

  it('reads Parquet, JSON arrays and NDJSON; a malformed NDJSON line is rejected with its line', async () => {
    const csv = writeText(
      dir,
      'x.csv',
      'customer_id,ts,amount\nA,2024-01-05 10:00:00,10\nB,2024-01-06 11:00:00,-2.5\n',
    );
    const parquet = join(dir, 'x.parquet');
    await ws.run(
      `COPY (SELECT customer_id, CAST(ts AS TIMESTAMP) AS ts, CAST(amount AS DOUBLE) AS amount FROM read_csv('${csv}')) TO '${parquet}' (FORMAT parquet)`,
    );
    const p = await ingestFile(ws, parquet);
    expect(p).toMatchObject({ format: 'parquet', rows_read: 2, rows_accepted: 2, rows_returns: 1 });

    const { ws: w2, cleanup: c2 } = await tempWorkspace();
    try {
      const arr = writeText(
        dir,
        'x.json',
        JSON.stringify([
          { client: 'A', date: '2024-01-05', sum: 10 },
          { client: 'B', date: '2024-01-06', sum: 2 },
        ]),
      );
      expect(await ingestFile(w2, arr)).toMatchObject({ format: 'json', rows_accepted: 2 });
      const nd = writeText(
        dir,
        'x.ndjson',
        '{"client":"A","date":"2024-01-05","sum":10}\n\n{"client":"B","date":"2024-01-06","sum":2}\n{"client": broken\n{"client":"C","date":"2024-01-07","sum":"1,5"}\n',
      );
      const r = await ingestFile(w2, nd);
      expect(r).toMatchObject({ format: 'ndjson', rows_read: 4, rows_accepted: 3, rows_rejected: 1 });
      const rej = await w2.all(`SELECT line, reason FROM rejects WHERE load_id = $1`, [r.load_id]);
      expect(rej).toEqual([{ line: 4, reason: 'bad_json' }]);
    } finally {
      c2();
    }
  });
});

describe('loading a file again', () => {
  it('recognises the same content under another name, and loads other content of the same size', async () => {
    const first = writeText(dir, 'a.csv', 'customer,date,amount\nA,2024-01-01,5\n');
    const r1 = await ingestFile(ws, first);
    const r2 = await ingestFile(ws, writeText(dir, 'copy.csv', 'customer,date,amount\nA,2024-01-01,5\n'));
    expect(r2).toMatchObject({ already_loaded: true, load_id: r1.load_id });
    const r3 = await ingestFile(ws, writeText(dir, 'b.csv', 'customer,date,amount\nB,2024-01-01,6\n'));
    expect(r3).toMatchObject({ already_loaded: false, rows_accepted: 1 });
    expect(await ws.scalar(`SELECT count(*) FROM sales`)).toBe(2);
    // The hash is of the file's bytes, as earlier versions stored it.
    const sha = createHash('sha256').update(readFileSync(first)).digest('hex');
    expect(await ws.scalar(`SELECT content_hash FROM loads WHERE load_id = $1`, [r1.load_id])).toBe(sha);
  });
});

describe('bad input', () => {
  it('refuses an empty file, binary garbage, a folder and a missing path with one clear sentence', async () => {
    await expectInputError(ingestFile(ws, writeText(dir, 'empty.csv', '')), /empty/);
    const garbage = join(dir, 'garbage.csv');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    await expectInputError(ingestFile(ws, garbage), /binary/);
    mkdirSync(join(dir, 'folder.csv'));
    await expectInputError(ingestFile(ws, join(dir, 'folder.csv')), /folder/);
    await expectInputError(ingestFile(ws, join(dir, 'nope.csv')), /no such file/);
    await expectInputError(
      ingestFile(ws, writeText(dir, 'one.csv', 'just one column\nhello\n')),
      /could not find columns/,
    );
    expect(await ws.scalar(`SELECT count(*) FROM loads`)).toBe(0);
  });

  it('names a missing required column and lists the headers found', async () => {
    await expectInputError(
      ingestFile(ws, writeText(dir, 'nocust.csv', 'Дата;Сумма;Товар\n05.01.2024;10;А\n')),
      /required sales field customer_id.*Columns found: Дата, Сумма, Товар/,
    );
    await expectInputError(
      ingestFile(ws, writeText(dir, 'map.csv', 'a;b;c\n05.01.2024;10;А\n'), { map: { customer_id: 'x' } }),
      /no column "x". Columns found: a, b, c/,
    );
    await expectInputError(
      ingestFile(ws, writeText(dir, 'map2.csv', 'a;b;c\n05.01.2024;10;А\n'), { map: { shoe_size: 'a' } }),
      /not a sales field/,
    );
  });

  it('accepts an explicit mapping with Cyrillic names', async () => {
    const path = writeText(dir, 'cyr.csv', 'Покупатель ID;Когда;Деньги\nК-1;05.01.2024;10,5\n');
    const r = await ingestFile(ws, path, {
      map: { customer_id: 'Покупатель ID', ts: 'Когда', amount: 'Деньги' },
    });
    expect(r.rows_accepted).toBe(1);
    expect(await ws.scalar(`SELECT amount::DOUBLE FROM sales`)).toBe(10.5);
  });
});

describe('customers and products', () => {
  it('rejects repeated ids, keeps extra columns as attributes, and a changed file replaces rows by id', async () => {
    const v1 = writeText(
      dir,
      'c1.csv',
      'customer_id,name,email,region,segment\n1,Anna,a@example.com,Москва,gold\n2,Boris,,Казань,\n1,Anna again,,,\n,Nobody,,,\n',
    );
    const r1 = await ingestFile(ws, v1);
    expect(r1.kind).toBe('customers');
    expect(r1.rows_accepted).toBe(2);
    expect(await rejectLines(r1.load_id)).toEqual({ duplicate_key: [4], missing_key: [5] });
    const attrs = await ws.scalar(`SELECT attributes->>'segment' FROM customers WHERE customer_id = '1'`);
    expect(attrs).toBe('gold');
    const v2 = writeText(dir, 'c2.csv', 'customer_id,name,region\n2,Boris B.,Самара\n3,Vera,Омск\n');
    await ingestFile(ws, v2);
    expect(await ws.all(`SELECT customer_id, name, region FROM customers ORDER BY customer_id`)).toEqual([
      { customer_id: '1', name: 'Anna', region: 'Москва' },
      { customer_id: '2', name: 'Boris B.', region: 'Самара' },
      { customer_id: '3', name: 'Vera', region: 'Омск' },
    ]);
  });

  it('guesses a products file from its columns', async () => {
    const r = await ingestFile(
      ws,
      writeText(dir, 'p.csv', 'Артикул;Наименование;Категория;Бренд;Цена\nА-17;Чашка;Посуда;Луч;1 250,50\n'),
    );
    expect(r.kind).toBe('products');
    expect(await ws.all(`SELECT sku, name, category, brand, price FROM products`)).toEqual([
      { sku: 'А-17', name: 'Чашка', category: 'Посуда', brand: 'Луч', price: 1250.5 },
    ]);
  });
});
