// Predictions at the snapshots: stored by date, kept when still valid, the same with any number of customer
// partitions, and an incremental run equal row for row to a full run on a fresh workspace. CDNOW, loaded in two
// parts: the transactions up to 1997-12-31, then those of 1998.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { predict } from '../../src/predict/predict.js';
import { predictSnapshots } from '../../src/predict/predict-snapshots.js';
import { PredictionWork } from '../../src/predict/prediction-work.js';
import { CLV_BY_STAGE_SQL, clvByStageSql } from '../../src/predict/clv-by-stage.js';
import { cli } from '../helpers/cli.js';
import { DATA, tempDir } from '../helpers/workspace.js';

const OPTIONS = { model: 'bgnbd', horizon: 12, unit: 'month', discountRate: 0, margin: 1 } as const;

let dir: string;
let cleanup: () => void;
let parts: [string, string];
const open: Workspace[] = [];

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  const [header, ...lines] = readFileSync(`${DATA}cdnow/cdnowElog.csv`, 'utf8').trim().split('\n');
  const date = (line: string) => line.split(',')[2]!;
  const write = (name: string, keep: (d: string) => boolean) => {
    const path = join(dir, name);
    writeFileSync(path, [header, ...lines.filter((l) => keep(date(l)))].join('\n') + '\n');
    return path;
  };
  parts = [write('1997.csv', (d) => d <= '19971231'), write('1998.csv', (d) => d > '19971231')];
});
afterAll(() => {
  for (const ws of open) ws.close();
  cleanup();
});

async function workspace(name: string, partitions?: number): Promise<Workspace> {
  const ws = await Workspace.open(join(dir, name), partitions === undefined ? {} : { partitions });
  open.push(ws);
  return ws;
}

/** Every stored prediction row, in one order. */
const rows = (ws: Workspace, table: string, order: string) =>
  ws.all(`SELECT * FROM ${table} ORDER BY ${order}`);

const snapshotDates = async (ws: Workspace) =>
  (await ws.all<{ d: string }>(`SELECT strftime(as_of, '%Y-%m-%d') AS d FROM snapshots ORDER BY 1`)).map(
    (r) => r.d,
  );

describe('predict --snapshots', () => {
  let incremental: Workspace;
  let first: string[];

  it('computes every snapshot the first time, and keeps them all when nothing changed', async () => {
    incremental = await workspace('incremental.duckdb');
    await ingestFile(incremental, parts[0]);
    await analyze(incremental);
    first = await snapshotDates(incremental);
    expect(first.at(-1)).toBe('1997-12-31');
    const run1 = await predictSnapshots(incremental, OPTIONS);
    expect(run1.computed).toEqual(first);
    expect(run1.kept).toEqual([]);
    const run2 = await predictSnapshots(incremental, OPTIONS);
    expect(run2).toEqual({ predicted: run1.predicted, computed: [], kept: first });
    // Other options, or --full: everything again.
    expect((await predictSnapshots(incremental, { ...OPTIONS, margin: 0.5 })).computed).toEqual(first);
    expect((await predictSnapshots(incremental, OPTIONS, undefined, { full: true })).computed).toEqual(first);
    // The view numbers the rows with the ids of the snapshots; the models cannot be fitted on the data up to
    // 1997-02-28 (as test/server/models.test.ts says), and the date records why.
    const ids = await incremental.all<{ snapshot_id: number; d: string }>(
      `SELECT DISTINCT p.snapshot_id, strftime(s.as_of, '%Y-%m-%d') AS d
       FROM snapshot_predictions p JOIN snapshots s USING (snapshot_id) ORDER BY 1`,
    );
    expect(ids.map((r) => r.d)).toEqual(first.filter((d) => d !== '1997-02-28'));
    expect(ids.length).toBe(run1.predicted);
    const failed = await incremental.all<{ error: string }>(
      `SELECT error FROM snapshot_prediction_dates WHERE as_of = DATE '1997-02-28'`,
    );
    expect(failed[0]?.error).toMatch(/BG\/NBD likelihood is flat/);
  });

  it('after one more load and analysis, computes only the dates whose sales changed, as a fresh run does', async () => {
    await ingestFile(incremental, parts[1]);
    await analyze(incremental);
    const second = await snapshotDates(incremental);
    const run = await predictSnapshots(incremental, OPTIONS);
    // The 1997 month ends are still snapshots and their sales did not change; the 1998 ones are new.
    expect(run.kept).toEqual(first.filter((d) => second.includes(d)));
    expect(run.kept.length).toBeGreaterThan(6);
    expect(run.computed).toEqual(second.filter((d) => d > '1997-12-31'));

    const fresh = await workspace('fresh.duckdb');
    await ingestFile(fresh, parts[0]);
    await ingestFile(fresh, parts[1]);
    await analyze(fresh);
    const once = await predictSnapshots(fresh, OPTIONS);
    expect(once.computed).toEqual(second);
    expect(once.predicted).toBe(run.predicted);
    const order = 'as_of, customer_id';
    const want = await rows(fresh, 'snapshot_prediction_rows', order);
    expect(want.length).toBeGreaterThan(10_000);
    expect(await rows(incremental, 'snapshot_prediction_rows', order)).toEqual(want);
    expect(await rows(incremental, 'snapshot_predictions', 'snapshot_id, customer_id')).toEqual(
      await rows(fresh, 'snapshot_predictions', 'snapshot_id, customer_id'),
    );
  });

  it('drops the predictions of dates that are no longer snapshots', async () => {
    await analyze(incremental, { months: 3 });
    const run = await predictSnapshots(incremental, OPTIONS);
    expect(run).toEqual({ predicted: 3, computed: [], kept: ['1998-04-30', '1998-05-31', '1998-06-30'] });
    const stored = await incremental.all<{ d: string }>(
      `SELECT DISTINCT strftime(as_of, '%Y-%m-%d') AS d FROM snapshot_prediction_rows ORDER BY 1`,
    );
    expect(stored.map((r) => r.d)).toEqual(run.kept);
  });

  it('recomputes the dates whose sales changed: a late load with a line of 1998-05-15', async () => {
    const late = join(dir, 'late.csv');
    writeFileSync(late, 'masterid,sampleid,date,cds,sales\n99999,1,19980515,1,10.00\n');
    await ingestFile(incremental, late);
    const run = await predictSnapshots(incremental, OPTIONS);
    expect(run.computed).toEqual(['1998-05-31', '1998-06-30']);
    expect(run.kept).toEqual(['1998-04-30']);
    const newcomer = await incremental.all<{ d: string }>(
      `SELECT strftime(as_of, '%Y-%m-%d') AS d FROM snapshot_prediction_rows WHERE customer_id = '99999' ORDER BY 1`,
    );
    expect(newcomer.map((r) => r.d)).toEqual(run.computed);
  });
});

describe('customer partitions', () => {
  it('give the same stored rows with 1 and with 3 partitions', async () => {
    const results: unknown[][] = [];
    for (const partitions of [1, 3]) {
      const ws = await workspace(`partitions-${partitions}.duckdb`, partitions);
      await ingestFile(ws, parts[0]);
      await ingestFile(ws, parts[1]);
      await analyze(ws, { months: 6 });
      const work = await PredictionWork.open(ws);
      expect(work.parts.count).toBe(partitions);
      await predict(ws, { ...OPTIONS, discountRate: 0.02, margin: 0.4 }, work);
      await predictSnapshots(ws, OPTIONS, undefined, { work });
      await work.close();
      results.push([
        await rows(ws, 'predictions', 'customer_id'),
        await rows(ws, 'snapshot_prediction_rows', 'as_of, customer_id'),
      ]);
    }
    expect(results[1]).toEqual(results[0]);
    expect((results[0]![0] as unknown[]).length).toBe(2_357);
  });
});

describe('CLV by stage at every snapshot', () => {
  it('reads the same figures from the stored prediction cells as from joining every customer at every snapshot', async () => {
    const ws = await workspace('stages.duckdb');
    await ingestFile(ws, parts[0]);
    await ingestFile(ws, parts[1]);
    await analyze(ws);
    await predictSnapshots(ws, OPTIONS);
    const sql = await clvByStageSql(ws);
    expect(sql).toMatch(/FROM snapshot_prediction_cells/);
    const fromCells = await ws.all<Record<string, number | string | null>>(sql);
    const direct = await ws.all<Record<string, number | string | null>>(
      `SELECT * EXCLUDE (position) FROM (${CLV_BY_STAGE_SQL}) ORDER BY position`,
    );
    expect(fromCells.length).toBeGreaterThan(20);
    expect(fromCells.map((r) => [r['snapshot_id'], r['as_of'], r['stage'], r['customers']])).toEqual(
      direct.map((r) => [r['snapshot_id'], r['as_of'], r['stage'], r['customers']]),
    );
    fromCells.forEach((r, i) => {
      for (const k of ['mean_clv', 'total_clv', 'mean_churn_risk', 'mean_p_alive', 'mean_expected_purchases'])
        expect(Number(r[k])).toBeCloseTo(Number(direct[i]![k]), 9);
    });
  });
});

describe('clientele predict --snapshots', () => {
  it('says in JSON and in text which snapshot dates were computed and which kept', async () => {
    const path = join(dir, 'cli.duckdb');
    for (const argv of [
      ['ingest', parts[0]],
      ['analyze', '--months', '4'],
    ]) {
      expect((await cli(...argv, '--workspace', path)).code).toBe(0);
    }
    const dates = ['1997-09-30', '1997-10-31', '1997-11-30', '1997-12-31'];
    const json = await cli('predict', '--snapshots', '--json', '--workspace', path);
    expect(json.code, json.err).toBe(0);
    const report = JSON.parse(json.out) as Record<string, unknown>;
    expect(report['snapshots_computed']).toEqual(dates);
    expect(report['snapshots_kept']).toEqual([]);
    expect(report['snapshots_predicted']).toBe(4);
    const text = await cli('predict', '--snapshots', '--workspace', path);
    expect(text.out).toMatch(/snapshots: 0 computed, 4 kept/);
    const full = await cli('predict', '--snapshots', '--full', '--json', '--workspace', path);
    expect((JSON.parse(full.out) as Record<string, unknown>)['snapshots_computed']).toEqual(dates);
    const bad = await cli('predict', '--full', '--workspace', path);
    expect(bad.code).toBe(2);
  });
});
