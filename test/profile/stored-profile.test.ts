import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../src/analyze/analyze.js';
import type { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { predict } from '../../src/predict/predict.js';
import { PREDICT_DEFAULTS } from '../../src/predict/predict-defaults.js';
import { MONTHLY_OVERVIEW_SQL, monthlyOverviewQuery } from '../../src/profile/monthly-overview.js';
import { runProfile } from '../../src/profile/profile.js';
import { profileSql } from '../../src/profile/profile-sql.js';
import { STORED_PROFILE_TABLE, storedLinesAt, storedProfileAt } from '../../src/profile/stored-profile.js';
import { writeProfile } from '../../src/profile/write-profile.js';
import { recommendAll } from '../../src/recommend/recommend.js';
import { demoWorkspace } from '../campaigns/demo-workspace.js';
import { writeText } from '../helpers/fixtures.js';

// The stored profile and monthly overview are shortcuts for the readers: they must equal, row for row, what
// the profile SQL and the overview SQL compute from the sales directly, and be ignored once they are stale.

let ws: Workspace;
let dir: string;
let cleanup: () => void;
const AS_OF = '2025-12-31';

beforeAll(async () => {
  ({ ws, dir, cleanup } = await demoWorkspace(600, 11));
}, 120_000);
afterAll(() => cleanup());

/** Rows in one query's result and not in the other's, both ways (0 when they hold the same rows). */
async function difference(a: string, b: string, params: unknown[]): Promise<number> {
  const [aParams, bParams] = [a.includes('$1') ? params : [], b.includes('$1') ? params : []];
  await ws.run(`CREATE OR REPLACE TEMP TABLE t_a AS ${a}`, aParams as never);
  await ws.run(`CREATE OR REPLACE TEMP TABLE t_b AS ${b}`, bParams as never);
  return Number(
    await ws.scalar(
      `SELECT (SELECT count(*) FROM (SELECT * FROM t_a EXCEPT ALL SELECT * FROM t_b))
            + (SELECT count(*) FROM (SELECT * FROM t_b EXCEPT ALL SELECT * FROM t_a))`,
    ),
  );
}

describe('the profile stored by analyze, predict and recommend', () => {
  it('after analyze: holds every customer with the segment columns, equal to the profile computed directly', async () => {
    const groups = await storedProfileAt(ws, AS_OF);
    expect(groups).toEqual({ segments: true, predictions: false, recommendations: false });
    const stored = `SELECT * FROM ${STORED_PROFILE_TABLE}`;
    expect(Number(await ws.scalar(`SELECT count(*) FROM ${STORED_PROFILE_TABLE}`))).toBeGreaterThan(500);
    expect(await difference(stored, profileSql({ segments: true }), [AS_OF])).toBe(0);
    // Not at another date.
    expect(await storedProfileAt(ws, '2025-11-30')).toBeUndefined();
  });

  it('after predict and recommend: gains their columns, still equal to the direct computation', async () => {
    // A mark in a line-level column survives predict: predict joins its columns to the stored line-level
    // columns instead of aggregating the sales lines again.
    const id = String(await ws.scalar(`SELECT min(customer_id) FROM ${STORED_PROFILE_TABLE}`));
    const mark = `UPDATE ${STORED_PROFILE_TABLE} SET orders = orders + $2 WHERE customer_id = $1`;
    const orders = `SELECT orders FROM ${STORED_PROFILE_TABLE} WHERE customer_id = $1`;
    const before = Number(await ws.scalar(orders, [id]));
    await ws.run(mark, [id, 1000]);
    await predict(ws, { ...PREDICT_DEFAULTS, asOf: AS_OF });
    expect(await storedProfileAt(ws, AS_OF)).toMatchObject({ predictions: true, recommendations: false });
    expect(Number(await ws.scalar(orders, [id]))).toBe(before + 1000);
    await ws.run(mark, [id, -1000]);
    expect(
      await difference(
        `SELECT * FROM ${STORED_PROFILE_TABLE}`,
        profileSql({ segments: true, predictions: true }),
        [AS_OF],
      ),
    ).toBe(0);
    await recommendAll(ws, { asOf: AS_OF, top: 3 });
    const groups = { segments: true, predictions: true, recommendations: true };
    expect(await storedProfileAt(ws, AS_OF)).toEqual(groups);
    expect(await difference(`SELECT * FROM ${STORED_PROFILE_TABLE}`, profileSql(groups), [AS_OF])).toBe(0);
    const summary = await runProfile(ws, { asOf: AS_OF });
    expect(summary.columns).toContain('clv');
    expect(summary.columns).toContain('recommended_skus');
  }, 60_000);

  it('stores the monthly overview, equal to the overview computed from the sales', async () => {
    const query = await monthlyOverviewQuery(ws, AS_OF);
    expect(query.sql).not.toBe(MONTHLY_OVERVIEW_SQL);
    expect(await difference(query.sql, MONTHLY_OVERVIEW_SQL, [AS_OF])).toBe(0);
    // 2023-01 … 2025-12: every month of the demo's three years.
    expect(await ws.all(query.sql, query.params)).toHaveLength(36);
  });

  it('is ignored once a load changes the sales, and the profile then reflects the new lines', async () => {
    const id = String(await ws.scalar(`SELECT min(customer_id) FROM sales WHERE customer_id IS NOT NULL`));
    const before = Number(
      await ws.scalar(`SELECT orders FROM ${STORED_PROFILE_TABLE} WHERE customer_id = $1`, [id]),
    );
    const file = join(dir, 'extra.csv');
    writeFileSync(
      file,
      `order_id,customer_id,date,sku,quantity,amount\nEXTRA-1,${id},${AS_OF} 12:00:00,X1,1,10.00\n`,
    );
    await ingestFile(ws, file);
    expect(await storedProfileAt(ws, AS_OF)).toBeUndefined();
    expect(await storedLinesAt(ws, AS_OF)).toBe(false);
    expect((await monthlyOverviewQuery(ws, AS_OF)).sql).toBe(MONTHLY_OVERVIEW_SQL);
    const summary = await runProfile(ws, { asOf: AS_OF });
    expect(summary.customers).toBeGreaterThan(500);
    const after = await ws.all<{ orders: number }>(
      `SELECT orders FROM (${profileSql()}) WHERE customer_id = $2`,
      [AS_OF, id],
    );
    expect(after[0]?.orders).toBe(before + 1);
    // A new analysis stores it again, with the new line.
    await analyze(ws, { months: 24 });
    expect(await storedProfileAt(ws, AS_OF)).toMatchObject({ segments: true });
    expect(
      Number(await ws.scalar(`SELECT orders FROM ${STORED_PROFILE_TABLE} WHERE customer_id = $1`, [id])),
    ).toBe(before + 1);
  }, 60_000);

  it('a load of later lines: the stored profile is stale, its line-level columns are not and serve the date', async () => {
    const id = String(await ws.scalar(`SELECT max(customer_id) FROM sales WHERE customer_id IS NOT NULL`));
    const file = join(dir, 'later.csv');
    writeFileSync(
      file,
      `order_id,customer_id,date,sku,quantity,amount\nLATER-1,${id},2026-01-05 12:00:00,X1,1,10.00\n`,
    );
    await ingestFile(ws, file);
    expect(await storedProfileAt(ws, AS_OF)).toBeUndefined();
    expect(await storedLinesAt(ws, AS_OF)).toBe(true);
    const groups = { segments: true, predictions: true, recommendations: true };
    expect(await writeProfile(ws, AS_OF, groups, { table: 't_joined', temp: true })).toEqual({
      reused: true,
    });
    expect(await difference(`SELECT * FROM t_joined`, profileSql(groups), [AS_OF])).toBe(0);
    // The new line is after the date: the customer's orders there are those of the stored profile.
    const orders = `SELECT orders FROM t_joined WHERE customer_id = $1`;
    expect(await ws.scalar(orders, [id])).toBe(
      await ws.scalar(`SELECT orders FROM ${STORED_PROFILE_TABLE} WHERE customer_id = $1`, [id]),
    );
    // A customers file changes the region column: the line-level columns are then computed again.
    await ingestFile(ws, writeText(dir, 'customers.csv', `customer_id,region\n${id},Новая область\n`));
    expect(await storedLinesAt(ws, AS_OF)).toBe(false);
    expect(await writeProfile(ws, AS_OF, groups, { table: 't_joined', temp: true })).toEqual({
      reused: false,
      partitions: 1,
    });
    expect(await ws.scalar(`SELECT region FROM t_joined WHERE customer_id = $1`, [id])).toBe('Новая область');
    expect(await difference(`SELECT * FROM t_joined`, profileSql(groups), [AS_OF])).toBe(0);
  }, 60_000);
});
