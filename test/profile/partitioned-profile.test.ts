import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { predict } from '../../src/predict/predict.js';
import { PREDICT_DEFAULTS } from '../../src/predict/predict-defaults.js';
import { profileColumnGroups } from '../../src/profile/profile-columns.js';
import { profileSql } from '../../src/profile/profile-sql.js';
import { STORED_PROFILE_TABLE } from '../../src/profile/stored-profile.js';
import { writeProfile } from '../../src/profile/write-profile.js';
import { recommendAll } from '../../src/recommend/recommend.js';
import { demoWorkspace } from '../campaigns/demo-workspace.js';
import { writeOneC } from '../helpers/fixtures.js';
import { DATA, tempDir } from '../helpers/workspace.js';

// The profile computed in customer partitions must equal, row for row and column for column, the profile
// computed in one partition and the one-statement profile SQL: the partitions split the customers, and the
// population's medians are taken over all of them afterwards.

const NONE = { segments: false, predictions: false, recommendations: false };
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

/** Closes the workspace after the tests, unless it is closed already. */
function closeLater(ws: Workspace): void {
  cleanups.unshift(() => {
    try {
      ws.close();
    } catch {
      // closed by the test
    }
  });
}

/** Rows of table `a` not in table `b` and the reverse (0 when they hold the same rows). */
async function difference(ws: Workspace, a: string, b: string): Promise<number> {
  return Number(
    await ws.scalar(`SELECT (SELECT count(*) FROM (FROM ${a} EXCEPT ALL FROM ${b}))
                          + (SELECT count(*) FROM (FROM ${b} EXCEPT ALL FROM ${a}))`),
  );
}

async function columns(ws: Workspace, table: string): Promise<string[]> {
  const rows = await ws.all<{ column_name: string; column_type: string }>(`DESCRIBE ${table}`);
  return rows.map((r) => `${r.column_name} ${r.column_type}`);
}

/**
 * Writes the profile at `asOf` with one partition into a table of the workspace at `path`, then reopens it
 * with `partitions` partitions and writes it again; returns the reopened workspace with both tables and the
 * one-statement SQL's rows (`one`, `many`, `direct`).
 */
async function onePartitionAndMany(path: string, asOf: string, partitions: number): Promise<Workspace> {
  const one = await Workspace.open(path, { partitions: 1 });
  const groups = await profileColumnGroups(one, asOf);
  expect(await writeProfile(one, asOf, groups, { table: 'one', temp: false })).toEqual({
    reused: false,
    partitions: 1,
  });
  one.close();
  const ws = await Workspace.open(path, { partitions });
  closeLater(ws);
  expect(await writeProfile(ws, asOf, groups, { table: 'many', temp: true })).toEqual({
    reused: false,
    partitions,
  });
  await ws.run(`CREATE TEMP TABLE direct AS ${profileSql(groups)}`, [asOf]);
  return ws;
}

describe('the profile in customer partitions', () => {
  it('Online Retail: three partitions give the rows of one partition and of the profile SQL', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, 'or.duckdb');
    const load = await Workspace.open(path);
    await ingestFile(load, `${DATA}online_retail/online_retail.csv`);
    load.close();
    const ws = await onePartitionAndMany(path, '2011-12-09', 3);
    // 4,338 customers with a purchase (README: 4,339 in the clean subset, one of whom bought only at price 0,
    // see test/ingest/online-retail.test.ts); every partition holds some.
    expect(Number(await ws.scalar(`SELECT count(*) FROM many`))).toBe(4338);
    const sizes = await ws.all<{ n: number }>(
      `SELECT count(*) AS n FROM many GROUP BY hash(customer_id) % 3 ORDER BY 1`,
    );
    expect(sizes).toHaveLength(3);
    expect(Math.min(...sizes.map((s) => s.n))).toBeGreaterThan(1000);
    expect(await columns(ws, 'many')).toEqual(await columns(ws, 'one'));
    expect(await columns(ws, 'many')).toEqual(await columns(ws, 'direct'));
    expect(await difference(ws, 'many', 'one')).toBe(0);
    expect(await difference(ws, 'many', 'direct')).toBe(0);
    ws.close();
    // With a 100 MB budget the engine holds 60 MB, a partition 40 % of it (partitions.ts); the working set
    // (profile-working-set.ts) is ~4,372 customers × 300 B + ~406,829 identified lines (README: 541,909 less
    // 135,080 without CustomerID) × 80 B ≈ 33.9 MB, 1.4 times 24 MB: two partitions.
    const small = await Workspace.open(path, { memoryLimit: '100MB' });
    closeLater(small);
    const source = await writeProfile(small, '2011-12-09', NONE, { table: 'small', temp: false });
    expect(source).toEqual({ reused: false, partitions: 2 });
    expect(await difference(small, 'small', 'one')).toBe(0);
  }, 120_000);

  it('the 1C fixture: four partitions (one of them possibly empty) give the rows of one', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const path = join(dir, '1c.duckdb');
    const load = await Workspace.open(path);
    await ingestFile(load, writeOneC(dir));
    load.close();
    const ws = await onePartitionAndMany(path, '2024-03-31', 4);
    // 100234 (Ч-001, with a later return), 100235 (В;3) and 100236 (the two-line name) bought.
    expect(await ws.all(`SELECT customer_id, orders FROM many ORDER BY 1`)).toEqual([
      { customer_id: '100234', orders: 1 },
      { customer_id: '100235', orders: 1 },
      { customer_id: '100236', orders: 1 },
    ]);
    expect(await columns(ws, 'many')).toEqual(await columns(ws, 'one'));
    expect(await difference(ws, 'many', 'one')).toBe(0);
    expect(await difference(ws, 'many', 'direct')).toBe(0);
  });

  it('with the analysis, predictions and recommendations joined, and equal to the stored profile', async () => {
    const demo = await demoWorkspace(400, 5);
    cleanups.push(demo.cleanup);
    const asOf = '2025-12-31';
    await predict(demo.ws, { ...PREDICT_DEFAULTS, asOf });
    await recommendAll(demo.ws, { asOf, top: 3 });
    demo.ws.close();
    // Drop the stored line-level columns' note so that the profile is computed, not joined to them.
    const drop = await Workspace.open(demo.path);
    await drop.run(`CREATE TABLE kept AS FROM ${STORED_PROFILE_TABLE}`);
    await drop.run(`DELETE FROM precomputed WHERE name = 'profile_lines'`);
    drop.close();
    const ws = await onePartitionAndMany(demo.path, asOf, 5);
    expect(await profileColumnGroups(ws, asOf)).toEqual({
      segments: true,
      predictions: true,
      recommendations: true,
    });
    expect(await columns(ws, 'many')).toContain('recommended_skus VARCHAR');
    expect(await difference(ws, 'many', 'one')).toBe(0);
    expect(await difference(ws, 'many', 'direct')).toBe(0);
    expect(await difference(ws, 'many', 'kept')).toBe(0);
  }, 120_000);
});
