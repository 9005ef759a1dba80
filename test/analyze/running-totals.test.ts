import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/analyze.js';
import { ingestFile } from '../../src/ingest/load.js';
import type { Workspace } from '../../src/db/workspace.js';
import { writeText } from '../helpers/fixtures.js';
import { tempWorkspace } from '../helpers/workspace.js';

// Running totals across more than a year: a purchase older than the 12 months before the first snapshot,
// a month with two purchase days, a year without purchases, and a month with only a return. Snapshots at
// the ends of January, February and March 2025. Every expected value is computed by hand in the comments
// (day counts with a calendar; 2024 is a leap year), none copied from the program's output.
const SALES = `order_id,customer_id,date,amount
P1,P,2023-06-10 10:00:00,100
P2,P,2024-02-15 10:00:00,50
P3,P,2024-02-20 10:00:00,30
P4,P,2025-02-05 10:00:00,70
P5,P,2025-02-25 10:00:00,20
Q1,Q,2024-12-31 10:00:00,40
Q2,Q,2025-01-15 10:00:00,-10
Q3,Q,2025-03-01 10:00:00,60
`;

let ws: Workspace;
let cleanup: () => void;
beforeAll(async () => {
  let dir: string;
  ({ ws, dir, cleanup } = await tempWorkspace());
  await ingestFile(ws, writeText(dir, 'sales.csv', SALES));
  await analyze(ws, { asOf: '2025-03-31', months: 3 });
});
afterAll(() => cleanup());

const COLUMNS = [
  'orders',
  'purchase_days',
  'gross_revenue',
  'returns',
  'revenue',
  'first_purchase',
  'last_purchase',
  'recency_days',
  'tenure_days',
  'revenue_12m',
  'period_revenue',
  'period_orders',
  'purchased',
  'cohort',
] as const;

async function row(customer: string, month: string): Promise<Record<string, unknown>> {
  const found = await ws.one(
    `SELECT ${COLUMNS.join(', ')}, cv_12m, xyz FROM customer_snapshots c JOIN snapshots s USING (snapshot_id)
     WHERE c.customer_id = $1 AND s.month = $2`,
    [customer, month],
  );
  if (!found) throw new Error(`no row for ${customer} in ${month}`);
  return found;
}

describe('running totals over more than a year', () => {
  it('January 2025: the 2023 purchase counts in the totals but not in the last 12 months', async () => {
    // P: 3 purchase days (2023-06-10, 2024-02-15, 2024-02-20), 100 + 50 + 30 = 180. Last 12 months are
    // Feb 2024 – Jan 2025: 50 + 30 = 80. Recency 2024-02-20 → 2025-01-31 = 346 days; tenure from
    // 2023-06-10 = 601 days. Nothing in January.
    expect(await row('P', '2025-01')).toMatchObject({
      orders: 3,
      purchase_days: 3,
      gross_revenue: 180,
      returns: 0,
      revenue: 180,
      first_purchase: '2023-06-10',
      last_purchase: '2024-02-20',
      recency_days: 346,
      tenure_days: 601,
      revenue_12m: 80,
      period_revenue: 0,
      period_orders: 0,
      purchased: false,
      cohort: '2023-06',
    });
    // Q: one purchase of 40 on 2024-12-31, a return of 10 in January: revenue 30, January's net −10,
    // no purchase in January. Recency 31 days.
    expect(await row('Q', '2025-01')).toMatchObject({
      orders: 1,
      purchase_days: 1,
      gross_revenue: 40,
      returns: 10,
      revenue: 30,
      last_purchase: '2024-12-31',
      recency_days: 31,
      revenue_12m: 30,
      period_revenue: -10,
      period_orders: 0,
      purchased: false,
      cohort: '2024-12',
    });
  });

  it('February 2025: February 2024 leaves the 12-month window as February 2025 enters it', async () => {
    // P buys 70 and 20: 5 orders, 270 in all. Last 12 months Mar 2024 – Feb 2025: 90 (the 80 of Feb 2024
    // is now 12 months back). Recency 2025-02-25 → 02-28 = 3; tenure 629.
    const p = await row('P', '2025-02');
    expect(p).toMatchObject({
      orders: 5,
      purchase_days: 5,
      gross_revenue: 270,
      revenue: 270,
      last_purchase: '2025-02-25',
      recency_days: 3,
      tenure_days: 629,
      revenue_12m: 90,
      period_revenue: 90,
      period_orders: 2,
      purchased: true,
    });
    // Monthly net over the 12 months: eleven 0 and one 90; mean 7.5, population sd = sqrt(90²/12 − 7.5²)
    // = sqrt(675 − 56.25) = 24.875…; cv = 3.3166 → Z.
    expect(p['cv_12m']).toBeCloseTo(3.3166247903554, 10);
    expect(p['xyz']).toBe('Z');
    // Q: nothing in February; the 12 months still hold +40 and −10.
    expect(await row('Q', '2025-02')).toMatchObject({ revenue_12m: 30, period_revenue: 0, purchased: false });
  });

  it('March 2025: totals hold through months without purchases', async () => {
    // P: nothing in March; Apr 2024 – Mar 2025 = 90; recency 2025-02-25 → 03-31 = 34.
    expect(await row('P', '2025-03')).toMatchObject({
      orders: 5,
      revenue_12m: 90,
      recency_days: 34,
      period_revenue: 0,
      purchased: false,
    });
    // Q buys 60 on 2025-03-01: 2 orders, 100 gross, 10 returned, 90 net (also in the 12 months); recency
    // 30; tenure from 2024-12-31 = 90 days.
    expect(await row('Q', '2025-03')).toMatchObject({
      orders: 2,
      purchase_days: 2,
      gross_revenue: 100,
      returns: 10,
      revenue: 90,
      revenue_12m: 90,
      period_revenue: 60,
      period_orders: 1,
      purchased: true,
      recency_days: 30,
      tenure_days: 90,
    });
  });
});
