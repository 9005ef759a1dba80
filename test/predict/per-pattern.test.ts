// The set-based predictions (once per distinct (x, t_x, T), joined back in DuckDB) against the model functions
// evaluated customer by customer, one customer at a time, on CDNOW; and the fit of `predict` against the
// published CDNOW figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/load.js';
import {
  customerLifetimeValue,
  customerSummary,
  gammaGamma,
  nextPurchaseTime,
  type GammaGammaParams,
} from '../../src/models/index.js';
import { checkSpendParams, expectedSpendSql } from '../../src/predict/expected-spend-sql.js';
import { PURCHASE_MODEL_ENTRIES, type PurchaseModelName } from '../../src/predict/models.js';
import { predict, type PredictOptions } from '../../src/predict/predict.js';
import { readSummary } from '../../src/predict/summary.js';
import { UNIT_DAYS } from '../../src/predict/time-unit.js';
import type { Workspace } from '../../src/db/workspace.js';
import { DATA, tempWorkspace } from '../helpers/workspace.js';

const sig = (value: number, digits: number): number => Number(value.toPrecision(digits));

interface Stored {
  customer_id: string;
  expected_purchases: number;
  p_alive: number;
  churn_risk: number;
  p_no_purchase: number;
  expected_spend: number;
  clv: number;
  next_purchase_date: string | null;
}

let ws: Workspace;
let cleanup: () => void;
beforeAll(async () => {
  ({ ws, cleanup } = await tempWorkspace());
  await ingestFile(ws, `${DATA}cdnow/cdnowElog.csv`);
});
afterAll(() => cleanup());

/** Relative difference, 0 when both are 0. */
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

describe('predict fits on the distinct patterns as the published figures say', () => {
  it('BG/NBD and Gamma-Gamma at the CDNOW calibration end (1997-09-30)', async () => {
    const r = await predict(ws, {
      asOf: '1997-09-30',
      model: 'bgnbd',
      horizon: 12,
      unit: 'month',
      discountRate: 0,
      margin: 1,
    });
    // Fader, Hardie & Lee (2005): r 0.2426, alpha 4.414, a 0.7929, b 2.426; Fader & Hardie (2013) Gamma-Gamma
    // on the 946 repeaters: p 6.2496, q 3.7442, gamma 15.4435 (as test/predict/cdnow.test.ts).
    expect(r.customers).toBe(2_357);
    expect(['r', 'alpha', 'a', 'b'].map((k) => sig(r.params[k]!, 4))).toEqual([0.2426, 4.414, 0.7929, 2.426]);
    expect(r.loglik).toBeCloseTo(-9582.429, 2);
    expect(['p', 'q', 'gamma'].map((k) => sig(r.spend_params[k]!, 4))).toEqual([6.25, 3.744, 15.44]);
  });
});

describe('the joined-back rows equal the model functions evaluated one customer at a time', () => {
  const cases: { model: PurchaseModelName; asOf: string; horizon: number; unit: 'month' | 'week' }[] = [
    { model: 'bgnbd', asOf: '1998-06-30', horizon: 6, unit: 'month' },
    { model: 'mbgnbd', asOf: '1997-09-30', horizon: 12, unit: 'month' },
    { model: 'pnbd', asOf: '1997-12-31', horizon: 26, unit: 'week' },
  ];
  for (const c of cases) {
    it(`${c.model} as of ${c.asOf}, ${c.horizon} ${c.unit}s, 1 % discount, 30 % margin`, async () => {
      const o: PredictOptions = { ...c, discountRate: 0.01, margin: 0.3 };
      const report = await predict(ws, o);
      const stored = new Map(
        (
          await ws.all<Stored>(
            `SELECT * EXCLUDE (as_of, next_purchase_date), strftime(next_purchase_date, '%Y-%m-%d') AS next_purchase_date
             FROM predictions`,
          )
        ).map((row) => [row.customer_id, row]),
      );
      const summary = await readSummary(ws, c.asOf, c.asOf, 'week');
      expect(stored.size).toBe(summary.customerIds.length);
      const model = PURCHASE_MODEL_ENTRIES[c.model].model;
      const params = report.params;
      const spendParams = report.spend_params as unknown as GammaGammaParams;
      const perUnit = UNIT_DAYS[c.unit] / 7;
      let checked = 0;
      summary.customerIds.forEach((id, i) => {
        const one = customerSummary({
          timeUnit: 'weeks',
          x: [summary.purchases.x[i]!],
          tx: [summary.purchases.tx[i]!],
          T: [summary.purchases.T[i]!],
        });
        const spend = gammaGamma.conditionalExpectedSpend(spendParams, [summary.x[i]!], [summary.mx[i]!]);
        const want = {
          expected_purchases: model.conditionalExpectedPurchases(params, one, c.horizon * perUnit)[0]!,
          p_alive: model.probabilityAlive(params, one)[0]!,
          p_no_purchase: model.probabilityNoPurchase(params, one, c.horizon * perUnit)[0]!,
          expected_spend: spend[0]!,
          clv: customerLifetimeValue(model, params, one, spend, {
            periods: c.horizon,
            periodLength: perUnit,
            discountRate: 0.01,
            margin: 0.3,
          })[0]!,
        };
        const got = stored.get(id)!;
        for (const [key, value] of Object.entries(want)) {
          expect(rel(got[key as keyof typeof want], value), `${id} ${key}`).toBeLessThan(1e-12);
        }
        expect(got.churn_risk).toBe(1 - got.p_alive);
        const wait = nextPurchaseTime(model as never, params as never, one).medianWaitIfAlive[0]!;
        const day = Date.parse(c.asOf) + Math.round(wait * 7) * 86_400_000;
        expect(got.next_purchase_date).toBe(new Date(day).toISOString().slice(0, 10));
        checked++;
      });
      expect(checked).toBe(summary.customerIds.length);
    });
  }
});

describe('Gamma-Gamma expected spend in SQL', () => {
  it('is the JS function to the last bit, x = 0 taking the population mean', async () => {
    const params = { p: 6.2496, q: 3.7442, gamma: 15.4435 };
    const x = [0, 0, 1, 1, 2, 5, 17, 3, 1];
    const mx = [Number.NaN, 0, 0, 12.5, 29.33, 1e-3, 250.75, 14.96, 1e6];
    const value = (m: number) => (Number.isNaN(m) ? 'NULL' : `CAST('${m}' AS DOUBLE)`);
    const rows = x.map((xi, i) => `(${i}, CAST(${xi} AS INTEGER), ${value(mx[i]!)})`).join(', ');
    const sql = expectedSpendSql('x', 'mx', '$1', '$2', '$3');
    const got = await ws.all<{ spend: number }>(
      `SELECT ${sql} AS spend FROM (VALUES ${rows}) t(i, x, mx) ORDER BY i`,
      [params.p, params.q, params.gamma],
    );
    const want = gammaGamma.conditionalExpectedSpend(
      params,
      x,
      mx.map((m) => (Number.isNaN(m) ? 0 : m)),
    );
    expect(got.map((r) => r.spend)).toEqual(Array.from(want));
    // E[M | x = 0] = pγ/(q − 1), the population mean (Fader & Hardie 2013, note 025).
    expect(got[0]!.spend).toBeCloseTo((6.2496 * 15.4435) / 2.7442, 10);
  });

  it('refuses, as the JS function does, parameters that make the expected spend infinite', () => {
    expect(() => checkSpendParams({ p: 2, q: 0.9, gamma: 10 }, 0)).toThrow(/q = 0.9 <= 1/);
    expect(() => checkSpendParams({ p: 2, q: 0.9, gamma: 10 }, 1)).not.toThrow();
  });
});
