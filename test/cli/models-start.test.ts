import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/db/workspace.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

describe('clientele start', () => {
  it('loads the demo, analyzes, and predicts so that the CLV page has data', async () => {
    const path = join(dir, 'start.duckdb');
    const r = await cli('start', '--customers', '300', '--no-serve', '--workspace', path);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/is empty: writing a demo retailer with 300 customers/);
    const printed =
      /Predictions as of (\S+) \(bgnbd, next 12 months\): CLV ([\d,]+) in total.*CLV history at (\d+) snapshots/.exec(
        r.out,
      );
    expect(printed, r.out).not.toBeNull();
    const ws = await Workspace.open(path);
    try {
      const analysis = await ws.one<{ as_of: string }>(
        `SELECT strftime(as_of, '%Y-%m-%d') AS as_of FROM analyses`,
      );
      expect(printed?.[1]).toBe(analysis?.as_of);
      const stored = await ws.one<{ n: number; clv: number; as_of: string }>(
        `SELECT count(*) AS n, sum(clv) AS clv, strftime(max(as_of), '%Y-%m-%d') AS as_of FROM predictions`,
      );
      const buyers = Number(
        await ws.scalar(
          `SELECT count(DISTINCT customer_id) FROM sales WHERE customer_id IS NOT NULL AND amount >= 0`,
        ),
      );
      expect(stored?.n).toBe(buyers);
      expect(stored?.as_of).toBe(analysis?.as_of);
      expect(Number(printed?.[2]?.replaceAll(',', ''))).toBe(Math.round(stored?.clv ?? -1));
      const snapshots = Number(
        await ws.scalar(`SELECT count(DISTINCT snapshot_id) FROM snapshot_predictions`),
      );
      expect(snapshots).toBe(Number(printed?.[3]));
      expect(snapshots).toBeGreaterThan(0);
      // …and recommends: every customer with a purchase gets a list (the demo has SKUs).
      const recommended = Number(await ws.scalar(`SELECT count(DISTINCT customer_id) FROM recommendations`));
      const purchasers = Number(
        await ws.scalar(
          `SELECT count(DISTINCT customer_id) FROM sales WHERE customer_id IS NOT NULL AND amount > 0`,
        ),
      );
      expect(r.out).toContain(`the next 5 products for ${purchasers.toLocaleString('en')} customers`);
      expect(recommended).toBe(purchasers);
    } finally {
      ws.close();
    }
  });
});
