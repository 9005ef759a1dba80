// Test fixtures: the shared CDNOW, apparel and grocery files, read with plain code independent of src/models.
import { readFileSync } from 'node:fs';

export const DATA = new URL('../../../shared/data/', import.meta.url);

export interface Columns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** Repeat purchases in the holdout (distinct purchase days). */
  readonly xStar: Float64Array;
  /** Mean value of the calibration repeat purchases; 0 when x = 0. */
  readonly mx: Float64Array;
}

export function readLines(relative: string): string[] {
  return readFileSync(new URL(relative, DATA), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
}

/** BTYD's unrounded CDNOW calibration summary `btyd_cdnowSummary_cbs.csv` (id,x,t_x,T_cal,x_star,m_x; weeks). */
export function cdnowCbs(): Columns {
  const rows = readLines('cdnow/btyd_cdnowSummary_cbs.csv')
    .slice(1)
    .map((line) => line.split(',').map(Number));
  const column = (j: number) => Float64Array.from(rows, (row) => row[j]!);
  return { x: column(1), tx: column(2), T: column(3), xStar: column(4), mx: column(5) };
}

/** lifetimes' 2-decimal summary `cdnow_customers_summary_with_transactions.csv` (ID,x,t_x,T,zbar; weeks). */
export function cdnowLifetimesSummary(): Omit<Columns, 'xStar'> {
  const rows = readLines('cdnow_full/cdnow_customers_summary_with_transactions.csv')
    .slice(1)
    .map((line) => line.split(',').map(Number));
  const column = (j: number) => Float64Array.from(rows, (row) => row[j]!);
  return { x: column(1), tx: column(2), T: column(3), mx: column(4) };
}

export interface Transaction {
  readonly customer: string;
  /** Days since 1970-01-01 (UTC calendar day). */
  readonly day: number;
  readonly amount: number;
}

export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** `YYYYMMDD` or `YYYY-MM-DD`. */
export function parseDay(text: string): number {
  const digits = text.replace(/-/g, '');
  return dayNumber(Number(digits.slice(0, 4)), Number(digits.slice(4, 6)), Number(digits.slice(6, 8)));
}

/**
 * The standard summary, by the rules in the data READMEs: same-day transactions of a customer merged into one
 * (amounts summed); x = distinct calibration purchase days − 1; t_x = (last − first calibration day) / 7;
 * T = (calibration end − first day) / 7 (weeks = days / 7); x_star = distinct purchase days after calibration end
 * up to the holdout end; m_x = mean of the merged repeat calibration amounts (the first purchase excluded).
 */
export function summarize(
  transactions: readonly Transaction[],
  calibrationEnd: number,
  holdoutEnd: number,
): Columns & { readonly customers: string[]; readonly first: Float64Array } {
  const byCustomer = new Map<string, Map<number, number>>();
  for (const { customer, day, amount } of transactions) {
    let days = byCustomer.get(customer);
    if (days === undefined) byCustomer.set(customer, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + amount);
  }
  const customers = [...byCustomer.keys()];
  const n = customers.length;
  const out = {
    customers,
    first: new Float64Array(n),
    x: new Float64Array(n),
    tx: new Float64Array(n),
    T: new Float64Array(n),
    xStar: new Float64Array(n),
    mx: new Float64Array(n),
  };
  customers.forEach((customer, i) => {
    const days = [...byCustomer.get(customer)!.entries()].sort((a, b) => a[0] - b[0]);
    const calibration = days.filter(([day]) => day <= calibrationEnd);
    const first = calibration[0]![0];
    const repeats = calibration.slice(1);
    out.first[i] = first;
    out.x[i] = repeats.length;
    out.tx[i] = (calibration[calibration.length - 1]![0] - first) / 7;
    out.T[i] = (calibrationEnd - first) / 7;
    out.xStar[i] = days.filter(([day]) => day > calibrationEnd && day <= holdoutEnd).length;
    out.mx[i] =
      repeats.length === 0 ? 0 : repeats.reduce((sum, [, amount]) => sum + amount, 0) / repeats.length;
  });
  return out;
}

/** CDNOW master or sample file: whitespace-separated, the date and the dollars are the last-but-2 and last. */
export function cdnowTransactions(relative: string, header: boolean): Transaction[] {
  return readLines(relative)
    .slice(header ? 1 : 0)
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      return {
        customer: fields[0]!,
        day: parseDay(fields[fields.length - 3]!),
        amount: Number(fields[fields.length - 1]),
      };
    });
}

/** CSV with quoted ids: `"id",YYYY-MM-DD[,amount]`. */
export function csvTransactions(relative: string): Transaction[] {
  return readLines(relative)
    .slice(1)
    .map((line) => {
      const [id, date, amount] = line.split(',');
      return {
        customer: id!.replace(/"/g, ''),
        day: parseDay(date!),
        amount: amount === undefined ? 0 : Number(amount),
      };
    });
}

/** |actual − expected| within half a unit of the reference's last significant digit. */
export function significant(expected: number, digits: number): number {
  return 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(expected))) - digits + 1);
}

export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}
