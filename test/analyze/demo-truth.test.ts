import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { generateDemo } from '../../src/demo/index.js';
import { ingestFile } from '../../src/ingest/load.js';
import { literal } from '../../src/db/sql.js';
import type { Workspace } from '../../src/db/workspace.js';
import { tempWorkspace } from '../helpers/workspace.js';
import { checkInvariants } from './invariants.js';

// The demo generator knows who has really dropped out (truth.csv). The lifecycle stages only see purchases;
// they should still put most of the truly dead into asleep or lost and most of the frequent live buyers into
// active or restored.
let ws: Workspace;
let dir: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ ws, dir, cleanup } = await tempWorkspace());
  const demo = await generateDemo({
    customers: 4_000,
    seed: 7,
    outDir: join(dir, 'demo'),
    format: 'csv',
    threads: 1,
  });
  await ingestFile(ws, demo.files.sales);
  await analyze(ws, { months: 24 });
  await ws.run(
    `CREATE TABLE truth AS SELECT * FROM read_csv(${literal(demo.files.truth)}, types = {'customer_id': 'VARCHAR'})`,
  );
});
afterAll(() => cleanup());

describe('lifecycle stages against the demo truth', () => {
  it('pass the invariants', async () => {
    await checkInvariants(ws);
  });

  it('put most truly dead customers in asleep or lost, most frequent live buyers in active or restored', async () => {
    const rows = await ws.all<{ truth: string; stage: string; customers: number }>(
      `SELECT CASE WHEN NOT t.alive_at_end THEN 'dead'
                   WHEN t.lambda_per_week * 52 >= 6 THEN 'alive, ≥ 6 a year'
                   ELSE 'alive, fewer' END AS truth,
              c.stage, count(*) AS customers
       FROM customer_snapshots c JOIN truth t USING (customer_id)
       WHERE c.snapshot_id = (SELECT max(snapshot_id) FROM snapshots)
       GROUP BY ALL ORDER BY 1, 2`,
    );
    const table: Record<string, Record<string, number>> = {};
    for (const r of rows) (table[r.truth] ??= {})[r.stage] = r.customers;
    console.log('Stage by truth at the last snapshot (customers):');
    console.table(table);
    const share = (truth: string, stages: string[]): number => {
      const t = table[truth] ?? {};
      const total = Object.values(t).reduce((a, b) => a + b, 0);
      return stages.reduce((a, s) => a + (t[s] ?? 0), 0) / total;
    };
    const dead = share('dead', ['asleep', 'lost']);
    const alive = share('alive, ≥ 6 a year', ['active', 'restored', 'new']);
    console.log(
      `dead in asleep/lost: ${(dead * 100).toFixed(1)} %; frequent alive in active/restored/new: ${(alive * 100).toFixed(1)} %`,
    );
    expect(dead).toBeGreaterThan(0.5);
    expect(alive).toBeGreaterThan(0.5);
  });
});
