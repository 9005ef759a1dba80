import { errorMessage, InputError } from '../errors.js';

/**
 * Money is DECIMAL(18,2): up to 9,999,999,999,999,999.99. A line's amount is checked at ingest (below 10^13),
 * but a sum over many lines can still leave that range, and DuckDB then stops with a conversion error. That
 * is a fact about the data, not a fault of Clientele: one sentence says what and what to check.
 */
export function asMoneyOverflow(error: unknown): unknown {
  const m = /Casting value "([-0-9.]+)" to type DECIMAL\(18, ?2\) failed: value is out of range/.exec(
    errorMessage(error),
  );
  if (!m) return error;
  return new InputError(
    `A total of ${m[1]} does not fit Clientele's money type (at most 16 digits before the decimal point): some sales amounts are far too large for the customer totals. Check the amount column of the sales (a price in the wrong unit, or a line number in the amount).`,
  );
}
