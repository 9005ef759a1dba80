import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileExpression, ExpressionError, type SqlParam } from '../../src/expr/index.js';
import { FIELDS } from './fields.js';

// Five customers whose expected matches are worked out by hand in each case below.
const TABLE = `
  CREATE TABLE t (customer_id VARCHAR, stage VARCHAR, revenue DOUBLE, orders BIGINT, recency_days INTEGER,
    rfm_segment VARCHAR, region VARCHAR, "Регион" VARCHAR, last_purchase DATE, churn_risk DOUBLE, clv DOUBLE,
    email VARCHAR, is_vip BOOLEAN, "we""ird" INTEGER);
  INSERT INTO t VALUES
    ('c1', 'asleep', 6000, 4, 120, 'Champions', 'Москва', 'Москва', DATE '2023-12-15', 0.6, 12000, 'a@x.ru', true, 1),
    ('c2', 'active', 1000, 1, 10, 'Loyal', 'Санкт-Петербург', 'Петербург', DATE '2024-03-01', 0.1, 500, NULL, false, 2),
    ('c3', 'asleep', 4000, 3, 200, 'Lost', 'МОСКВА', 'Москва', DATE '2023-06-01', 0.95, 20000, 'c@x.ru', NULL, 3),
    ('c4', 'lost', 9000, 7, 30, 'Champions', 'x'' OR 1=1 --', 'Казань', DATE '2023-12-31', 0.5, 8000, 'd@x.ru', true, 4),
    ('c5', 'asleep', 5000, 2, 95, 'Loyal', 'московская обл.', NULL, NULL, NULL, NULL, 'e@x.ru', false, 5);
  CREATE TABLE sales (customer_id VARCHAR, amount DOUBLE);
  INSERT INTO sales VALUES ('c1', 10);
`;

let instance: DuckDBInstance;
let db: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
  await db.run(TABLE);
});

afterAll(() => {
  db.closeSync();
  instance.closeSync();
});

async function select(where: string, params: SqlParam[]): Promise<string[]> {
  const reader = await db.runAndReadAll(
    `SELECT customer_id FROM t WHERE ${where} ORDER BY customer_id`,
    params,
  );
  return reader.getRowsJS().map((row) => String(row[0]));
}

async function matching(text: string): Promise<string[]> {
  const { sql, params } = compileExpression(text, FIELDS);
  return select(sql, params);
}

describe('compiled expressions in DuckDB', () => {
  it.each([
    // c3 and c5 are asleep but their revenue (4000, 5000) is not above 5000.
    [`stage = 'asleep' and revenue > 5000`, ['c1']],
    // Champions or Loyal: c1 (recency 120), c2 (10), c4 (30), c5 (95).
    [`rfm_segment in ('Champions', 'Loyal') and not (recency_days > 90)`, ['c2', 'c4']],
    // orders ≥ 3: c1, c3, c4; exactly 'Москва' (case matters for =): c1; bought 2023-12-15.
    [`orders >= 3 and region = "Москва" and last_purchase < 2024-01-01`, ['c1']],
    // churn in [0.5, 0.9]: c1 (0.6), c4 (0.5, bounds included); clv above 10000: c1, c3.
    [`churn_risk between 0.5 and 0.9 or clv > 10000`, ['c1', 'c3', 'c4']],
    [`email is not null`, ['c1', 'c3', 'c4', 'c5']],
    [`email is null`, ['c2']],
    // contains ignores case, Cyrillic included: Москва, МОСКВА, московская.
    [`region contains 'мОСК'`, ['c1', 'c3', 'c5']],
    [`region not contains 'моск'`, ['c2', 'c4']],
    [`Регион = 'Москва'`, ['c1', 'c3']],
    [`регион != 'Москва'`, ['c2', 'c4']],
    [`is_vip`, ['c1', 'c4']],
    // c3's flag is unknown (NULL), so it is neither VIP nor not VIP.
    [`!is_vip`, ['c2', 'c5']],
    [`is_vip = false or is_vip is null`, ['c2', 'c3', 'c5']],
    [`last_purchase between '2023-12-01' and 2023-12-31`, ['c1', 'c4']],
    [`last_purchase in (2023-06-01, '2024-03-01')`, ['c2', 'c3']],
    [`stage <> 'asleep'`, ['c2', 'c4']],
    [`rfm_segment not in ('Champions')`, ['c2', 'c3', 'c5']],
    [`revenue >= 5000 and revenue <= 6000.0 || orders == 7`, ['c1', 'c4', 'c5']],
    [`not (stage = 'asleep' or stage = 'lost')`, ['c2']],
  ])('%s', async (text, expected) => {
    expect(await matching(text)).toEqual(expected);
  });

  it('appends to the caller’s own parameters with firstParam', async () => {
    const { sql, params } = compileExpression(`stage = 'asleep'`, FIELDS, { firstParam: 2 });
    expect(await select(`customer_id <> $1 AND ${sql}`, ['c1', ...params])).toEqual(['c3', 'c5']);
  });
});

describe('injection attempts', () => {
  it('binds quotes, comments and statements inside a string as data', async () => {
    // The string is x' OR 1=1 -- and only c4 has that region.
    expect(await matching(`region = 'x'' OR 1=1 --'`)).toEqual(['c4']);
    expect(await matching(`region = "x' OR 1=1 --"`)).toEqual(['c4']);
    expect(await matching(`region = 'Москва'' ; DROP TABLE sales; --'`)).toEqual([]);
    expect(await matching(`stage in ('lost''); DELETE FROM t; --', 'active')`)).toEqual(['c2']);
    expect(await matching(`region contains ''' OR 1=1 --'`)).toEqual(['c4']);
    const sales = await db.runAndReadAll('SELECT count(*) FROM sales');
    expect(sales.getRowsJS()[0]?.[0]).toBe(1n);
    expect(await matching(`orders > 0`)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it.each([
    [`revenue > 0; DROP TABLE sales`, 'Unexpected character ";" at column 12'],
    [`revenue > 0 -- comment`, 'Unexpected character "-" at column 13'],
    [`revenue > 0 /* x */`, 'Unexpected character "/" at column 13'],
    [`revenue > 0 OR 1=1`, 'Expected a field name after "OR" at column 16, got 1'],
    [
      `region = 'x' OR '1'='1'`,
      `Expected a field name after "OR" at column 17, got '1' — field names are written without quotes`,
    ],
    [`we"ird = 1`, 'Unterminated text starting at column 3 — expected a closing "'],
    [
      `"we""ird" = 1`,
      `Expected a field name at column 1, got "we""ird" — field names are written without quotes`,
    ],
    [
      `revenue" OR "1" = "1`,
      'Expected an operator such as =, >, in, between, contains or is null after "revenue" at column 8, got " OR "',
    ],
    [`customer_id = customer_id`, 'Expected a value after "=" at column 15, got "customer_id"'],
    [
      `lower(region) = 'x'`,
      'Expected an operator such as =, >, in, between, contains or is null after "lower" at column 6, got "("',
    ],
  ])('rejects %s', (text, message) => {
    let error: unknown;
    try {
      compileExpression(text, FIELDS);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExpressionError);
    expect((error as ExpressionError).message).toBe(message);
  });

  it('quotes a declared field name that contains quotes and SQL', async () => {
    const fields = [{ name: 'revenue" > 0 OR "x', type: 'number' }] as const;
    expect(() => compileExpression('revenue > 0', fields)).toThrow('Unknown field "revenue" at column 1');
    const weird = [{ name: 'we"ird', type: 'number' }] as const;
    // Not reachable from the language (no identifier contains a quote), yet quoted by ident() if declared.
    expect(() => compileExpression('weird > 0', weird)).toThrow('did you mean "we"ird"?');
  });
});
