import { describe, expect, it } from 'vitest';
import { PROFILE_METRICS } from '../../src/metrics/index.js';
import { compileExpression, metricFields } from '../../src/expr/index.js';
import { FIELDS } from './fields.js';

describe('compileExpression', () => {
  it.each([
    [
      `stage = 'asleep' and revenue > 5000`,
      `("stage" = $1 AND "revenue" > $2)`,
      ['asleep', 5000],
      ['stage', 'revenue'],
    ],
    [
      `rfm_segment in ('Champions', 'Loyal') and not (recency_days > 90)`,
      `("rfm_segment" IN ($1, $2) AND NOT ("recency_days" > $3))`,
      ['Champions', 'Loyal', 90],
      ['rfm_segment', 'recency_days'],
    ],
    [
      `orders >= 3 and region = "Москва" and last_purchase < 2024-01-01`,
      `("orders" >= $1 AND "region" = $2 AND "last_purchase" < CAST($3 AS DATE))`,
      [3, 'Москва', '2024-01-01'],
      ['orders', 'region', 'last_purchase'],
    ],
    [
      `churn_risk between 0.5 and 0.9 or clv > 10000`,
      `("churn_risk" BETWEEN $1 AND $2 OR "clv" > $3)`,
      [0.5, 0.9, 10000],
      ['churn_risk', 'clv'],
    ],
    [`email is not null`, `("email" IS NOT NULL)`, [], ['email']],
    [`EMAIL IS NULL`, `("email" IS NULL)`, [], ['email']],
    [
      `region contains 'МОСК' or region not contains 'обл'`,
      `(contains(lower("region"), lower($1)) OR NOT contains(lower("region"), lower($2)))`,
      ['МОСК', 'обл'],
      ['region'],
    ],
    [
      `last_purchase not between '2023-01-01' and 2023-12-31 and stage <> 'lost'`,
      `("last_purchase" NOT BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) AND "stage" <> $3)`,
      ['2023-01-01', '2023-12-31', 'lost'],
      ['last_purchase', 'stage'],
    ],
    [
      `!(is_vip || is_vip = false) && revenue != -1.5`,
      `(NOT ("is_vip" OR "is_vip" = $1) AND "revenue" <> $2)`,
      [false, -1.5],
      ['is_vip', 'revenue'],
    ],
    [
      `last_purchase in (2024-01-01, '2024-02-01')`,
      `("last_purchase" IN (CAST($1 AS DATE), CAST($2 AS DATE)))`,
      ['2024-01-01', '2024-02-01'],
      ['last_purchase'],
    ],
    [`Регион = 'Москва'`, `("Регион" = $1)`, ['Москва'], ['Регион']],
  ])('%s', (text, sql, params, fields) => {
    expect(compileExpression(text, FIELDS)).toEqual({ sql, params, fields });
  });

  it('numbers placeholders from firstParam so the caller can append its own parameters', () => {
    const compiled = compileExpression(`stage = 'asleep' or revenue between 1 and 2`, FIELDS, {
      firstParam: 4,
    });
    expect(compiled.sql).toBe(`("stage" = $4 OR "revenue" BETWEEN $5 AND $6)`);
    expect(compiled.params).toEqual(['asleep', 1, 2]);
    expect(() => compileExpression('revenue > 1', FIELDS, { firstParam: 0 })).toThrow(RangeError);
  });

  it('uses the declared spelling of a field written in another case', () => {
    expect(compileExpression(`REGION = 'x' and регион = 'y' and Revenue > 1`, FIELDS)).toMatchObject({
      sql: `("region" = $1 AND "Регион" = $2 AND "revenue" > $3)`,
      fields: ['region', 'Регион', 'revenue'],
    });
  });

  it('puts no user text into the SQL: only quoted identifiers, placeholders and fixed keywords', () => {
    const texts = [
      `region = 'x'' OR 1=1 --' or stage in ('a); DROP TABLE t; --', "b""c")`,
      `region contains '%' and stage = '\\' and email = '/* */'`,
      `регион = 'Москва'' OR ''1''=''1' and last_purchase >= '2024-01-01'`,
    ];
    for (const text of texts) {
      const { sql } = compileExpression(text, FIELDS);
      const words = sql
        .replace(/"(?:[^"]|"")*"/g, ' ')
        .split(/[\s(),]+/)
        .filter(Boolean);
      for (const word of words) {
        expect(word).toMatch(
          /^(AND|OR|NOT|IN|BETWEEN|IS|NULL|CAST|AS|DATE|contains|lower|\$\d+|=|<>|<|<=|>|>=)$/,
        );
      }
    }
  });

  it('types profile metrics from their DuckDB types', () => {
    const fields = metricFields(PROFILE_METRICS);
    expect(fields).toContainEqual({ name: 'revenue', type: 'number' });
    expect(fields).toContainEqual({ name: 'last_purchase', type: 'date' });
    expect(fields).toContainEqual({ name: 'region', type: 'text' });
    expect(compileExpression('recency_days > 90 and last_purchase < 2024-01-01', fields).params).toEqual([
      90,
      '2024-01-01',
    ]);
  });
});
