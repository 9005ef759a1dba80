import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  abcCutsSql,
  abcFromCutsSql,
  abcSql,
  DEFAULT_ABC_XYZ,
  type AbcXyzOptions,
} from '../../src/segments/abc-xyz.js';
import { createRandomSource } from '../../src/stats/random-source.js';

// `analyze` classes ABC through cut points (the last A row and the last B row of each snapshot); the rule is
// the cumulative-share rule of abcSql. Both must give every row the same class,
// including ties at the cuts, zero and negative revenue, and several partitions.

let connection: DuckDBConnection;
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => connection.closeSync());

async function classes(rows: [number, number, number][], o: AbcXyzOptions): Promise<[string, string][]> {
  const values = rows.map(([p, k, v]) => `(${p}, ${k}, ${v})`).join(', ');
  await connection.run(`CREATE OR REPLACE TABLE t AS SELECT * FROM (VALUES ${values}) v(part, cid, revenue)`);
  await connection.run(`CREATE OR REPLACE TABLE cuts AS ${abcCutsSql('t', 'revenue', o, 'part', 'cid')}`);
  const reader = await connection.runAndReadAll(
    `SELECT ${abcSql('revenue', o, 'part', 'cid')} AS by_window,
            ${abcFromCutsSql('revenue', 'cid')} AS by_cuts
     FROM t LEFT JOIN cuts USING (part) ORDER BY part, cid`,
  );
  return reader.getRows().map((r) => [String(r[0]), String(r[1])]);
}

describe('ABC by cut points', () => {
  it('classes a hand-computed partition: revenue before 0, 50, 80, 90 of 100 → A, A, B, B', async () => {
    // Sorted 50, 30, 10 (id 3), 10 (id 4): revenue before each 0, 50, 80, 90; A while < 80, B while < 95.
    const got = await classes(
      [
        [1, 1, 50],
        [1, 2, 30],
        [1, 3, 10],
        [1, 4, 10],
        [1, 5, 0],
        [1, 6, -5],
      ],
      DEFAULT_ABC_XYZ,
    );
    expect(got.map(([, cuts]) => cuts)).toEqual(['A', 'A', 'B', 'B', 'C', 'C']);
    expect(got.map(([window]) => window)).toEqual(['A', 'A', 'B', 'B', 'C', 'C']);
  });

  it('agrees with the window rule on every row of random partitions full of ties (seeded)', async () => {
    const random = createRandomSource(20261206);
    const rows: [number, number, number][] = [];
    for (let part = 0; part < 6; part++) {
      for (let cid = 1; cid <= 400; cid++) rows.push([part, cid, Math.floor(random() * 25) - 3]);
    }
    for (const o of [DEFAULT_ABC_XYZ, { ...DEFAULT_ABC_XYZ, a: 0.5, b: 0.7 }]) {
      const got = await classes(rows, o);
      expect(got).toHaveLength(2400);
      expect(got.filter(([window, cuts]) => window !== cuts)).toEqual([]);
      expect(new Set(got.map(([, cuts]) => cuts))).toEqual(new Set(['A', 'B', 'C']));
    }
  });
});
