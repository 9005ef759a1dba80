import type { DuckDBValue } from '@duckdb/node-api';
import { appendColumns } from '../db/append-columns.js';
import { readColumns } from '../db/columns.js';
import { partitionsFor, type Partitions } from '../db/partitions.js';
import type { Workspace } from '../db/workspace.js';
import { fitDate, type DateInputs, type DateModel } from './date-model.js';
import { expectedSpendSql } from './expected-spend-sql.js';
import { PURCHASE_MODEL_ENTRIES, type PurchaseModelEntry } from './models.js';
import type { PredictOptions } from './predict.js';
import { SUMMARY_COLUMNS, TRANSACTIONS_SQL } from './summary.js';

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

/** One date's inputs as read from the database, and the work tables that hold its customers' summaries. */
export interface PreparedDate {
  inputs: DateInputs;
  summary: string;
  values: string;
}

/** The models fitted at one date, whose per-customer rows `rowsSql` gives. */
export interface DateFit extends DateModel {
  asOf: string;
  options: Omit<PredictOptions, 'asOf'>;
  entry: PurchaseModelEntry;
  tables: { summary: string; values: string };
}

/**
 * The work of one prediction run in temp tables: the model's transactions (all non-return lines of a customer
 * on one day, TRANSACTIONS_SQL) reduced once from the sales lines, with an integer customer key (`ckey`, in
 * customer_id order), from which each date's summary is computed without scanning the sales again. At a date
 * (`prepare`) the per-customer summary stays in the database; only the distinct (x, t_x, T) patterns with their
 * counts, and the distinct (x, mx) of the repeat customers, move into JS for the fits (`fitDate`); the
 * per-pattern values go back in bulk (`store`) and `rowsSql` joins them to the customers. Customers are
 * processed in `parts` partitions; each date has its own work tables, so that several dates can be in flight.
 */
export class PredictionWork {
  private fitted: { key: string; fit: DateFit } | undefined;
  private serial = 0;

  private constructor(
    private readonly ws: Workspace,
    readonly parts: Partitions,
  ) {}

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

  /** Drops every work table. */
  async close(): Promise<void> {
    const tables = await this.ws.all<{ name: string }>(
      `SELECT table_name AS name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, 'cl_predict_')`,
    );
    for (const { name } of tables) await this.ws.run(`DROP TABLE IF EXISTS ${name}`);
    this.fitted = undefined;
  }

  /** The fit of the last `fitAt`, if it was at this date with these options. */
  fittedAt(asOf: string, options: Omit<PredictOptions, 'asOf'>): DateFit | undefined {
    return this.fitted?.key === JSON.stringify([asOf, predictionOptions(options)])
      ? this.fitted.fit
      : undefined;
  }

  /** Fits the models on the data up to `asOf` on this thread; the fit stays for `fittedAt`. */
  async fitAt(asOf: string, options: Omit<PredictOptions, 'asOf'>): Promise<DateFit> {
    const known = this.fittedAt(asOf, options);
    if (known) return known;
    const previous = this.fitted?.fit.tables;
    this.fitted = undefined;
    if (previous) await this.release(previous);
    const prepared = await this.prepare(asOf, options);
    const fit = await this.store(prepared, fitDate(prepared.inputs));
    this.fitted = { key: JSON.stringify([asOf, predictionOptions(options)]), fit };
    return fit;
  }

  /** Computes the summary of every customer at `asOf` into a work table and reads the fits' inputs. */
  async prepare(asOf: string, options: Omit<PredictOptions, 'asOf'>): Promise<PreparedDate> {
    const { ws } = this;
    const n = this.serial++;
    const summary = `cl_predict_summary_${n}`;
    await ws.run(`CREATE OR REPLACE TEMP TABLE ${summary}
      (ckey INTEGER, x INTEGER, tx_days INTEGER, t_days INTEGER, mx DOUBLE)`);
    for (let part = 0; part < this.parts.count; part++) {
      await ws.run(
        `INSERT INTO ${summary} SELECT ckey, ${SUMMARY_COLUMNS} FROM cl_predict_tx
         WHERE day <= CAST($1 AS DATE) AND ${this.parts.filter('ckey', part)} GROUP BY ckey`,
        [asOf],
      );
    }
    const p = await readColumns(
      ws,
      `SELECT x, tx_days, t_days, count(*) AS customers FROM ${summary}
       GROUP BY x, tx_days, t_days ORDER BY x, tx_days, t_days`,
      [],
      ['x', 'tx_days', 't_days', 'customers'],
    );
    const s = await readColumns(
      ws,
      `SELECT x, mx, count(*) AS customers FROM ${summary} WHERE x > 0 AND mx > 0
       GROUP BY x, mx ORDER BY x, mx`,
      [],
      ['x', 'mx', 'customers'],
    );
    const col = (c: { numbers: Record<string, Float64Array> }, name: string) => c.numbers[name]!;
    const inputs: DateInputs = {
      asOf,
      options: predictionOptions(options),
      patterns: {
        x: col(p, 'x'),
        txDays: col(p, 'tx_days'),
        tDays: col(p, 't_days'),
        customers: col(p, 'customers'),
      },
      spend: { x: col(s, 'x'), mx: col(s, 'mx'), customers: col(s, 'customers') },
    };
    return { inputs, summary, values: `cl_predict_values_${n}` };
  }

  /** Puts the per-pattern values of a fitted date into its work table, for `rowsSql`. */
  async store(prepared: PreparedDate, model: DateModel): Promise<DateFit> {
    const { inputs, values } = prepared;
    const { x, txDays, tDays } = inputs.patterns;
    const v = model.values;
    await this.ws.run(`CREATE OR REPLACE TEMP TABLE ${values} (x INTEGER, tx_days INTEGER, t_days INTEGER,
      expected_purchases DOUBLE, p_alive DOUBLE, p_no_purchase DOUBLE, discounted_purchases DOUBLE, wait_days DOUBLE)`);
    await appendColumns(this.ws, values, [
      Int32Array.from(x),
      Int32Array.from(txDays),
      Int32Array.from(tDays),
      v.expected,
      v.alive,
      v.noPurchase,
      v.discounted,
      v.waitDays,
    ]);
    return {
      ...model,
      asOf: inputs.asOf,
      options: inputs.options,
      entry: PURCHASE_MODEL_ENTRIES[inputs.options.model],
      tables: { summary: prepared.summary, values },
    };
  }

  /** Drops the work tables of a date, unless they hold the fit kept for `fittedAt`. */
  async release(tables: { summary: string; values: string }): Promise<void> {
    if (this.fitted?.fit.tables.summary === tables.summary) return;
    for (const t of [tables.summary, tables.values]) await this.ws.run(`DROP TABLE IF EXISTS ${t}`);
  }

  /**
   * The per-customer predictions of a fitted date, for the customers of partition `part`: customer_id, ckey
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
        FROM ${fit.tables.summary} s JOIN ${fit.tables.values} v USING (x, tx_days, t_days)
        WHERE ${this.parts.filter('s.ckey', part)})
      SELECT k.customer_id, c.ckey, c.expected_purchases, c.p_alive, 1 - c.p_alive AS churn_risk, c.p_no_purchase,
        c.expected_spend, ${double('$2')} * c.expected_spend * c.discounted_purchases AS clv,
        CAST($1 AS DATE) + CAST(c.wait_days AS INTEGER) AS next_purchase_date
      FROM c JOIN cl_predict_keys k USING (ckey)`;
    return { sql, params: [fit.asOf, fit.options.margin, p, q, gamma] };
  }
}
