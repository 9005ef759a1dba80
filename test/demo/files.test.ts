import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_DEMO_PARAMETERS, generateDemo, type DemoResult } from '../../src/demo/index.js';
import { dayNumber, field, readCsv } from './read.js';

const CUSTOMERS = 3000;
let dir: string;
let result: DemoResult;
const progress: [number, number][] = [];
let sales: ReturnType<typeof readCsv>;
let customers: ReturnType<typeof readCsv>;
let products: ReturnType<typeof readCsv>;
let truth: ReturnType<typeof readCsv>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clientele-demo-files-'));
  result = await generateDemo({
    customers: CUSTOMERS,
    seed: 11,
    outDir: dir,
    format: 'csv',
    threads: 1,
    onProgress: (done, total) => progress.push([done, total]),
  });
  sales = readCsv(result.files.sales);
  customers = readCsv(result.files.customers);
  products = readCsv(result.files.products);
  truth = readCsv(result.files.truth);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('demo files', () => {
  test('have the documented headers', () => {
    expect(sales.header).toBe('order_id,customer_id,date,sku,quantity,price,amount,store,channel');
    expect(customers.header).toBe('customer_id,created_at,name,email,phone,region,gender,birth_year');
    expect(products.header).toBe('sku,name,category,brand,price');
    expect(truth.header).toBe(
      'customer_id,first_purchase,lambda_per_week,p_dropout,dropout_date,nu,alive_at_end,orders',
    );
  });

  test('line counts match the result', () => {
    const { counts } = result;
    expect(sales.rows.length).toBe(counts.salesLines);
    expect(counts.salesLines).toBe(counts.purchaseLines + counts.returnLines);
    expect(sales.rows.filter((r) => field(r, 1) === '').length).toBe(counts.anonymousLines);
    expect(sales.rows.filter((r) => field(r, 4).startsWith('-')).length).toBe(counts.returnLines);
    expect(new Set(sales.rows.filter((r) => field(r, 0).startsWith('O')).map((r) => field(r, 0))).size).toBe(
      counts.orders,
    );
    expect(customers.rows.length).toBe(CUSTOMERS);
    expect(counts.customers).toBe(CUSTOMERS);
    expect(truth.rows.length).toBe(CUSTOMERS);
    expect(products.rows.length).toBe(counts.products);
    expect(counts.products).toBe(DEFAULT_DEMO_PARAMETERS.catalogue.products);
    // About 10 sales lines per customer with the default parameters.
    expect(counts.salesLines / CUSTOMERS).toBeGreaterThan(8);
    expect(counts.salesLines / CUSTOMERS).toBeLessThan(13);
  });

  test('sales fields are well formed', () => {
    const skus = new Set(products.rows.map((r) => field(r, 0)));
    const line =
      /^[OR]\d+-\d+,(C\d{7})?,20\d\d-[01]\d-[0-3]\d [0-2]\d:[0-5]\d:[0-5]\d,SKU\d{5},-?[1-9]\d*,\d+\.\d\d,-?\d+\.\d\d,([A-Z]{3}\d\d|WEB),(online|offline)$/;
    const bad = sales.rows.filter((row) => {
      const quantity = Number(field(row, 4));
      const price = Math.round(Number(field(row, 5)) * 100);
      const amount = Math.round(Number(field(row, 6)) * 100);
      return (
        !line.test(row.join(',')) ||
        !skus.has(field(row, 3)) ||
        field(row, 2) < '2023-01-01' ||
        field(row, 2) >= '2026-01-01' ||
        (field(row, 7) === 'WEB') !== (field(row, 8) === 'online') ||
        Math.sign(amount) !== Math.sign(quantity) ||
        // `price` is the net unit price to the cent, so amount ≈ quantity × price.
        Math.abs(amount - quantity * price) > Math.abs(quantity) / 2 + 1
      );
    });
    expect(bad.slice(0, 5)).toEqual([]);
  });

  test('returns are separate negative lines under their own R documents', () => {
    const returns = sales.rows.filter((r) => field(r, 0).startsWith('R'));
    expect(returns.length).toBe(result.counts.returnLines);
    expect(
      returns.filter((r) => !(Number(field(r, 4)) < 0 && Number(field(r, 6)) < 0 && Number(field(r, 5)) > 0)),
    ).toEqual([]);
    const share = result.counts.returnLines / result.counts.purchaseLines;
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.04);
    // A returned SKU was bought earlier by the same shopper.
    const bought = new Map<string, number>();
    for (const row of sales.rows) {
      if (!field(row, 0).startsWith('O') || field(row, 1) === '') continue;
      const key = `${field(row, 1)}|${field(row, 3)}`;
      bought.set(key, Math.min(bought.get(key) ?? Infinity, dayNumber(field(row, 2))));
    }
    const orphans = returns.filter(
      (r) =>
        field(r, 1) !== '' &&
        !(dayNumber(field(r, 2)) >= (bought.get(`${field(r, 1)}|${field(r, 3)}`) ?? Infinity)),
    );
    expect(orphans).toEqual([]);
  });

  test('anonymous receipts take about the configured share of lines', () => {
    const share = result.counts.anonymousLines / result.counts.salesLines;
    expect(Math.abs(share - DEFAULT_DEMO_PARAMETERS.anonymous.share)).toBeLessThan(0.01);
  });

  test('the customers file covers every customer in sales, created on or before the first purchase', () => {
    const created = new Map(customers.rows.map((r) => [field(r, 0), field(r, 1)]));
    const first = new Map<string, string>();
    for (const row of sales.rows) {
      const id = field(row, 1);
      if (id === '' || !field(row, 0).startsWith('O')) continue;
      if ((first.get(id) ?? '9999') > field(row, 2)) first.set(id, field(row, 2));
    }
    expect([...first.keys()].filter((id) => !created.has(id))).toEqual([]);
    expect(first.size).toBe(CUSTOMERS);
    expect([...first].filter(([id, date]) => !((created.get(id) ?? '9999') <= date))).toEqual([]);
    const person =
      /^C\d{7},20\d\d-\d\d-\d\d \d\d:\d\d:\d\d,\S+ \S+,[a-z]+\.[a-z]\d+@example\.com,\+7000\d{7},[^,]+,[FM],(19\d\d|20\d\d)?$/u;
    expect(customers.rows.filter((r) => !person.test(r.join(','))).slice(0, 5)).toEqual([]);
  });

  test('the truth file agrees with the sales lines', () => {
    const days = new Map<string, Set<number>>();
    const firstStamp = new Map<string, string>();
    for (const row of sales.rows) {
      const id = field(row, 1);
      if (id === '' || !field(row, 0).startsWith('O')) continue;
      const set = days.get(id) ?? new Set<number>();
      set.add(dayNumber(field(row, 2)));
      days.set(id, set);
      if ((firstStamp.get(id) ?? '9999') > field(row, 2)) firstStamp.set(id, field(row, 2));
    }
    const inconsistent = truth.rows.filter((row) => {
      const purchaseDays = [...(days.get(field(row, 0)) ?? [])];
      const alive = field(row, 6);
      return (
        Number(field(row, 7)) !== purchaseDays.length ||
        field(row, 1) !== firstStamp.get(field(row, 0)) ||
        (alive !== 'true' && alive !== 'false') ||
        (field(row, 4) === '') !== (alive === 'true') ||
        // Dropout happens right after a repeat purchase, so it is dated on the last purchase day.
        (alive === 'false' && dayNumber(field(row, 4)) !== Math.max(...purchaseDays)) ||
        ![2, 3, 5].every((index) => Number(field(row, index)) > 0)
      );
    });
    expect(inconsistent.slice(0, 5)).toEqual([]);
  });

  test('first purchases are seasonal: more in December than in February', () => {
    const month = (m: string): number => truth.rows.filter((r) => field(r, 1).slice(5, 7) === m).length;
    expect(month('12')).toBeGreaterThan(1.5 * month('02'));
    const anonymous = sales.rows.filter((r) => field(r, 1) === '' && field(r, 0).startsWith('O'));
    const december = anonymous.filter((r) => field(r, 2).slice(5, 7) === '12').length;
    expect(december / anonymous.length).toBeGreaterThan(1.3 / 12);
  });

  test('offline purchases happen in store hours', () => {
    const hours = sales.rows
      .filter((r) => field(r, 8) === 'offline')
      .map((r) => Number(field(r, 2).slice(11, 13)));
    expect(hours.filter((hour) => hour < 10 || hour >= 22)).toEqual([]);
  });

  test('params.json states the true parameters with units', () => {
    const params = JSON.parse(readFileSync(result.files.params, 'utf8')) as Record<string, unknown>;
    expect(params['seed']).toBe(11);
    expect(params['currency']).toBe('RUB');
    expect(params['time_unit']).toEqual({ name: 'week', days: 7 });
    expect(params['parameters']).toEqual(DEFAULT_DEMO_PARAMETERS);
    expect(result.parameters).toEqual(DEFAULT_DEMO_PARAMETERS);
  });

  test('progress runs from 0 to all customers', () => {
    expect(progress[0]).toEqual([0, CUSTOMERS]);
    expect(progress.at(-1)).toEqual([CUSTOMERS, CUSTOMERS]);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]?.[0]).toBeGreaterThanOrEqual(progress[i - 1]?.[0] ?? 0);
    }
  });
});
