import type { Workspace } from '../db/workspace.js';
import { readColumns } from '../db/columns.js';
import {
  customerSummary,
  spendSummary,
  type CustomerSummary,
  type SpendSummaryResult,
} from '../models/index.js';
import { MODEL_UNIT, UNIT_DAYS, type UnitName } from './time-unit.js';

/**
 * Transactions as the buy-till-you-die models count them (Fader, Hardie & Lee 2005; the CDNOW rules in
 * ../shared/data/cdnow/README.md): all non-return lines of a customer on one calendar day are one transaction,
 * worth the sum of their amounts. Lines with amount 0 are transactions too (CDNOW records free items at $0).
 */
export const TRANSACTIONS_SQL = `SELECT customer_id, CAST(ts AS DATE) AS day, CAST(sum(amount) AS DOUBLE) AS value,
    sum(amount) AS exact_value
  FROM sales WHERE customer_id IS NOT NULL AND amount >= 0 GROUP BY 1, 2`;

/**
 * The model summary of one customer's transactions (`day`, `exact_value`) up to the calibration end ($1): x =
 * transaction days − 1, tx_days = last − first transaction day, t_days = calibration end − first transaction day,
 * mx = mean value of the repeat transactions (the first excluded; summed in exact decimals, so the result does not
 * depend on the order in which parallel threads add; NULL when x = 0). Aggregates over rows grouped by customer.
 */
export const SUMMARY_COLUMNS = `count(*) FILTER (WHERE day <= CAST($1 AS DATE)) - 1 AS x,
    date_diff('day', min(day), max(day) FILTER (WHERE day <= CAST($1 AS DATE))) AS tx_days,
    date_diff('day', min(day), CAST($1 AS DATE)) AS t_days,
    CASE WHEN count(*) FILTER (WHERE day <= CAST($1 AS DATE)) > 1
      THEN CAST(sum(exact_value) FILTER (WHERE day <= CAST($1 AS DATE)) - arg_min(exact_value, day) AS DOUBLE)
           / (count(*) FILTER (WHERE day <= CAST($1 AS DATE)) - 1) END AS mx`;

/**
 * Per customer whose first transaction is on or before the calibration end ($1): the summary (SUMMARY_COLUMNS),
 * and the holdout transaction days up to $2.
 */
export const SUMMARY_SQL = `WITH t AS (${TRANSACTIONS_SQL})
  SELECT customer_id, ${SUMMARY_COLUMNS},
    count(*) FILTER (WHERE day > CAST($1 AS DATE) AND day <= CAST($2 AS DATE)) AS holdout,
    date_diff('day', DATE '1970-01-01', min(day)) AS first_day,
    strftime(max(day) FILTER (WHERE day <= CAST($1 AS DATE)), '%Y-%m-%d') AS last_day
  FROM t GROUP BY customer_id HAVING min(day) <= CAST($1 AS DATE)
  ORDER BY customer_id`;

export interface Summary {
  customerIds: string[];
  lastDay: string[];
  unit: UnitName;
  purchases: CustomerSummary;
  spend: SpendSummaryResult;
  /** Repeat transactions in the holdout, per customer. */
  holdout: Float64Array;
  /** First transaction, in days since 1970-01-01. */
  firstDay: Float64Array;
  /** Each customer's x (repeat transactions) and mean repeat value, aligned with customerIds. */
  x: Float64Array;
  mx: Float64Array;
}

/** Reads the model summary of every customer as columns, in the chosen time unit. */
export async function readSummary(
  ws: Workspace,
  calibrationEnd: string,
  holdoutEnd: string,
  unit: UnitName,
): Promise<Summary> {
  const cols = await readColumns(
    ws,
    SUMMARY_SQL,
    [calibrationEnd, holdoutEnd],
    ['x', 'tx_days', 't_days', 'mx', 'holdout', 'first_day'],
    ['customer_id', 'last_day'],
  );
  const days = UNIT_DAYS[unit];
  const n = cols.length;
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const { x, tx_days, t_days, mx, holdout, first_day } = cols.numbers as Record<string, Float64Array>;
  for (let i = 0; i < n; i++) {
    tx[i] = tx_days![i]! / days;
    T[i] = t_days![i]! / days;
  }
  const mxValues = Float64Array.from(mx!, (v) => (Number.isNaN(v) ? 0 : v));
  return {
    customerIds: cols.strings['customer_id']!,
    lastDay: cols.strings['last_day']!,
    unit,
    purchases: customerSummary({ timeUnit: MODEL_UNIT[unit], x: x!, tx, T }),
    spend: spendSummary({ x: x!, mx: mxValues }),
    holdout: holdout!,
    firstDay: first_day!,
    x: x!,
    mx: mxValues,
  };
}
