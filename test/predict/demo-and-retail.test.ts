import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/index.js';
import { ingestFile } from '../../src/ingest/load.js';
import { fitModel } from '../../src/predict/fit.js';
import { predict } from '../../src/predict/predict.js';
import type { Workspace } from '../../src/db/workspace.js';
import { DATA, tempWorkspace } from '../helpers/workspace.js';

describe('demo data: the models recover the generating parameters', () => {
  let ws: Workspace;
  let dir: string;
  let cleanup: () => void;
  let truth: { bgnbd: Record<string, number>; gammaGamma: Record<string, number> };
  beforeAll(async () => {
    ({ ws, dir, cleanup } = await tempWorkspace());
    const demo = await generateDemo({
      customers: 20_000,
      seed: 11,
      outDir: join(dir, 'demo'),
      format: 'csv',
      threads: 1,
    });
    truth = demo.parameters as unknown as typeof truth;
    await ingestFile(ws, demo.files.sales);
  });
  afterAll(() => cleanup());

  it('BG/NBD within three standard errors of the truth (weeks)', async () => {
    const f = await fitModel(ws, { model: 'bgnbd', calibrationEnd: '2025-12-31', unit: 'week' });
    for (const k of ['r', 'alpha', 'a', 'b']) {
      expect(
        Math.abs(f.params[k]! - truth.bgnbd[k]!),
        `${k}: ${f.params[k]} vs ${truth.bgnbd[k]} ± ${f.std_errors[k]}`,
      ).toBeLessThan(3 * f.std_errors[k]!);
    }
  });

  it('Gamma-Gamma within three standard errors of the truth', async () => {
    const f = await fitModel(ws, { model: 'gg', calibrationEnd: '2025-12-31', unit: 'week' });
    for (const k of ['p', 'q', 'gamma']) {
      expect(
        Math.abs(f.params[k]! - truth.gammaGamma[k]!),
        `${k}: ${f.params[k]} vs ${truth.gammaGamma[k]}`,
      ).toBeLessThan(3 * f.std_errors[k]!);
    }
  });
});

describe('Online Retail', () => {
  it('fits and predicts every customer with probabilities in [0, 1]', async () => {
    const { ws, cleanup } = await tempWorkspace();
    try {
      await ingestFile(ws, `${DATA}online_retail/online_retail.csv`);
      const r = await predict(ws, {
        model: 'bgnbd',
        horizon: 6,
        unit: 'month',
        discountRate: 0.01,
        margin: 0.3,
      });
      // Model customers: identified customers with at least one non-return line (4,372 ids minus those with returns only).
      const ids = Number(
        await ws.scalar(
          `SELECT count(DISTINCT customer_id) FROM sales WHERE amount >= 0 AND customer_id IS NOT NULL`,
        ),
      );
      expect(r.customers).toBe(ids);
      const bad = await ws.scalar(
        `SELECT count(*) FROM predictions WHERE NOT (p_alive BETWEEN 0 AND 1) OR clv < 0 OR expected_purchases < 0 OR abs(churn_risk - (1 - p_alive)) > 1e-12`,
      );
      expect(bad).toBe(0);
      for (const v of Object.values(r.params)) expect(Number.isFinite(v) && v > 0).toBe(true);
    } finally {
      cleanup();
    }
  });
});
