import { DuckDBInstance } from '@duckdb/node-api';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { generateDemo } from '../../src/demo/index.js';

const dir = mkdtempSync(join(tmpdir(), 'clientele-demo-parquet-'));
const again = mkdtempSync(join(tmpdir(), 'clientele-demo-parquet-'));
afterAll(() => [dir, again].forEach((d) => rmSync(d, { recursive: true, force: true })));

test('parquet files are deterministic too', async () => {
  const first = await generateDemo({ customers: 300, seed: 8, outDir: dir, format: 'parquet', threads: 1 });
  const second = await generateDemo({
    customers: 300,
    seed: 8,
    outDir: again,
    format: 'parquet',
    threads: 1,
  });
  for (const table of ['sales', 'customers', 'products', 'truth'] as const) {
    expect(readFileSync(first.files[table]).equals(readFileSync(second.files[table])), table).toBe(true);
  }
});

test('parquet output replaces the CSV files with typed tables of the same rows', async () => {
  const result = await generateDemo({ customers: 400, seed: 2, outDir: dir, format: 'parquet', threads: 1 });
  for (const table of ['sales', 'customers', 'products', 'truth'] as const) {
    expect(result.files[table]).toBe(join(dir, `${table}.parquet`));
    expect(existsSync(result.files[table])).toBe(true);
    expect(existsSync(join(dir, `${table}.csv`))).toBe(false);
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER, count(*) FILTER (customer_id IS NULL)::INTEGER,
              count(*) FILTER (amount < 0)::INTEGER, typeof(any_value(date)), typeof(any_value(amount))
       FROM read_parquet('${result.files.sales}')`,
    );
    expect(reader.getRows()[0]).toEqual([
      result.counts.salesLines,
      result.counts.anonymousLines,
      result.counts.returnLines,
      'TIMESTAMP',
      'DECIMAL(14,2)',
    ]);
    const customers = await connection.runAndReadAll(
      `SELECT count(*)::INTEGER FROM read_parquet('${result.files.customers}')`,
    );
    expect(customers.getRows()[0]).toEqual([400]);
    const truth = await connection.runAndReadAll(
      `SELECT typeof(any_value(alive_at_end)), typeof(any_value(dropout_date)) FROM read_parquet('${result.files.truth}')`,
    );
    expect(truth.getRows()[0]).toEqual(['BOOLEAN', 'DATE']);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
});
