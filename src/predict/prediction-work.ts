import type { DuckDBValue } from '@duckdb/node-api';
import { appendColumns } from '../db/append-columns.js';
import { readColumns } from '../db/columns.js';
import { partitionsFor, type Partitions } from '../db/partitions.js';
import type { Workspace } from '../db/workspace.js';
import {
  customerSummary,
  fitGammaGamma,
  type FitResult,
  type GammaGammaParams,
  type PurchaseFit,
} from '../models/index.js';
import { checkSpendParams, expectedSpendSql } from './expected-spend-sql.js';
import { PURCHASE_MODEL_ENTRIES, type AnyParams, type PurchaseModelEntry } from './models.js';
import { patternValues } from './pattern-values.js';
import type { PredictOptions } from './predict.js';
import { SUMMARY_COLUMNS, TRANSACTIONS_SQL } from './summary.js';
import { MODEL_UNIT, UNIT_DAYS, type UnitName } from './time-unit.js';

/** The unit the purchase models are fitted in. */
export const FIT_UNIT: UnitName = 'week';

/** Working set of one customer at one date (summary row, group-by and join state, the stored row), in bytes. */
const BYTES_PER_CUSTOMER = 256;

/** The options of a prediction, without the date, in one canonical order (the key of stored predictions). */
export function predictionOptions(o: Omit<PredictOptions, 'asOf'>): Omit<PredictOptions, 'asOf'> {
  return {
    model: o.model,
    horizon: o.horizon,
    unit: o.unit,
    discountRate: o.discountRate,
    margin: o.margin,
  };
}

/** The models fitted at one date, whose per-customer rows `rowsSql` gives. */
export interface DateFit {
  asOf: string;
  options: Omit<PredictOptions, 'asOf'>;
  entry: PurchaseModelEntry;
  fit: PurchaseFit<AnyParams>;
  spendFit: FitResult<GammaGammaParams>;
  /** Customers with a first transaction on or before the date. */
  customers: number;
}

/**
 * The work of one prediction run in temp tables: the model's transactions (all non-return lines of a customer
 * on one day, TRANSACTIONS_SQL) reduced once from the sales lines, with an integer customer key (`ckey`, in
 * customer_id order), from which each date's summary is computed without scanning the sales again. At a date
 * (`fitAt`), the per-customer summary stays in the database; only the distinct (x, t_x, T) patterns with their
 * counts, and the distinct (x, mx) of the repeat customers, move into JS for the fits; the per-pattern values go
 * back in bulk and `rowsSql` joins them to the customers. Customers are processed in `parts` partitions.
 */
export class PredictionWork {
  private fitted: { key: string; fit: DateFit } | undefined;

  private constructor(
    private readonly ws: Workspace,
    readonly parts: Partitions,
  ) {}

  /** The date of the fit whose values are in the database, if any. */
  get fittedAt(): string | undefined {
    return this.fitted?.fit.asOf;
  }

  static async open(ws: Workspace): Promise<PredictionWork> {
    await ws.run(`CREATE OR REPLACE TEMP TABLE cl_predict_by_id AS
      SELECT customer_id, day, exact_value FROM (${TRANSACTIONS_SQL})`);
    await ws.run(`CREATE OR REPLACE TEMP TABLE cl_predict_keys AS
      SELECT CAST(row_number() OVER (ORDER BY customer_id) AS INTEGER) AS ckey, customer_id
      FROM (SELECT DISTINCT customer_id FROM cl_predict_by_id)`);
    await ws.run(`CREATE OR REPLACE TEMP TABLE cl_predict_tx AS
      SELECT k.ckey, t.day, t.exact_value FROM cl_predict_by_id t JOIN cl_predict_keys k USING (customer_id)`);
    await ws.run(`DROP TABLE cl_predict_by_id`);
    const customers = Number(await ws.scalar(`SELECT count(*) FROM cl_predict_keys`));
    return new PredictionWork(ws, partitionsFor(ws, customers * BYTES_PER_CUSTOMER));
  }

  async close(): Promise<void> {
    for (const t of ['cl_predict_keys', 'cl_predict_tx', 'cl_predict_summary', 'cl_predict_values']) {
      await this.ws.run(`DROP TABLE IF EXISTS ${t}`);
    }
  }

  /**
   * Fits the models on the data up to `asOf` and leaves the per-pattern values in the database for `rowsSql`.
   * The last date's work is kept: asking again for the same date and options refits nothing.
   */
  async fitAt(asOf: string, options: Omit<PredictOptions, 'asOf'>): Promise<DateFit> {
    const key = JSON.stringify([asOf, predictionOptions(options)]);
    if (this.fitted?.key === key) return this.fitted.fit;
    this.fitted = undefined;
    const { ws } = this;
    await ws.run(`CREATE OR REPLACE TEMP TABLE cl_predict_summary
      (ckey INTEGER, x INTEGER, tx_days INTEGER, t_days INTEGER, mx DOUBLE)`);
    for (let part = 0; part < this.parts.count; part++) {
      await ws.run(
        `INSERT INTO cl_predict_summary SELECT ckey, ${SUMMARY_COLUMNS} FROM cl_predict_tx
         WHERE day <= CAST($1 AS DATE) AND ${this.parts.filter('ckey', part)} GROUP BY ckey`,
        [asOf],
      );
    }
    const p = await readColumns(
      ws,
      `SELECT x, tx_days, t_days, count(*) AS customers FROM cl_predict_summary
       GROUP BY x, tx_days, t_days ORDER BY x, tx_days, t_days`,
      [],
      ['x', 'tx_days', 't_days', 'customers'],
    );
    const { x, tx_days, t_days, customers } = p.numbers as Record<string, Float64Array>;
    const days = UNIT_DAYS[FIT_UNIT];
    const patterns = customerSummary({
      timeUnit: MODEL_UNIT[FIT_UNIT],
      x: x!,
      tx: tx_days!.map((d) => d / days),
      T: t_days!.map((d) => d / days),
      weight: customers!,
    });
    const entry = PURCHASE_MODEL_ENTRIES[options.model];
    const fit = entry.fit(patterns);
    const s = await readColumns(
      ws,
      `SELECT x, mx, count(*) AS customers FROM cl_predict_summary WHERE x > 0 AND mx > 0
       GROUP BY x, mx ORDER BY x, mx`,
      [],
      ['x', 'mx', 'customers'],
    );
    const spend = s.numbers as Record<string, Float64Array>;
    const spendFit = fitGammaGamma({ x: spend['x']!, mx: spend['mx']!, weight: spend['customers']! });
    checkSpendParams(spendFit.params, x!.length > 0 ? x![0]! : 0);
    const v = patternValues(entry.model, fit.params, patterns, options, FIT_UNIT, asOf);
    await ws.run(`CREATE OR REPLACE TEMP TABLE cl_predict_values (x INTEGER, tx_days INTEGER, t_days INTEGER,
      expected_purchases DOUBLE, p_alive DOUBLE, p_no_purchase DOUBLE, discounted_purchases DOUBLE, wait_days DOUBLE)`);
    const int = (a: Float64Array) => Int32Array.from(a);
    await appendColumns(ws, 'cl_predict_values', [
      int(x!),
      int(tx_days!),
      int(t_days!),
      v.expected,
      v.alive,
      v.noPurchase,
      v.discounted,
      v.waitDays,
    ]);
    const total = customers!.reduce((a, b) => a + b, 0);
    const result: DateFit = {
      asOf,
      options: predictionOptions(options),
      entry,
      fit,
      spendFit,
      customers: total,
    };
    this.fitted = { key, fit: result };
    return result;
  }

  /**
   * The per-customer predictions of the last `fitAt`, for the customers of partition `part`: customer_id, ckey
   * and the PREDICTION_COLUMNS. CLV = margin × expected spend × discounted expected purchases, the product in the
   * order of `customerLifetimeValue`.
   */
  rowsSql(fit: DateFit, part: number): { sql: string; params: DuckDBValue[] } {
    const { p, q, gamma } = fit.spendFit.params;
    const double = (param: string) => `CAST(${param} AS DOUBLE)`;
    const spend = expectedSpendSql('s.x', 's.mx', double('$3'), double('$4'), double('$5'));
    const sql = `WITH c AS (
        SELECT s.ckey, v.expected_purchases, v.p_alive, v.p_no_purchase, v.discounted_purchases, v.wait_days,
          ${spend} AS expected_spend
        FROM cl_predict_summary s JOIN cl_predict_values v USING (x, tx_days, t_days)
        WHERE ${this.parts.filter('s.ckey', part)})
      SELECT k.customer_id, c.ckey, c.expected_purchases, c.p_alive, 1 - c.p_alive AS churn_risk, c.p_no_purchase,
        c.expected_spend, ${double('$2')} * c.expected_spend * c.discounted_purchases AS clv,
        CAST($1 AS DATE) + CAST(c.wait_days AS INTEGER) AS next_purchase_date
      FROM c JOIN cl_predict_keys k USING (ckey)`;
    return { sql, params: [fit.asOf, fit.options.margin, p, q, gamma] };
  }
}
