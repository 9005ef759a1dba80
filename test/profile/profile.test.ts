import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/load.js';
import { runProfile } from '../../src/profile/profile.js';
import { profileSql } from '../../src/profile/profile-sql.js';
import type { Workspace } from '../../src/db/workspace.js';
import { writeText } from '../helpers/fixtures.js';
import { tempWorkspace } from '../helpers/workspace.js';

// A small fixture whose profile is computed by hand below (the golden values are not taken from the code).
const SALES = `order_id,customer_id,date,sku,quantity,amount
O1,A,2024-01-01 10:00:00,S1,2,100.00
O1,A,2024-01-01 10:00:00,S2,1,50.00
O2,A,2024-01-11 09:00:00,S1,1,40.00
O3,A,2024-01-11 18:00:00,S3,1,10.00
R1,A,2024-01-15 12:00:00,S1,-1,-40.00
O4,A,2024-02-10 12:00:00,S2,3,60.00
O5,B,2024-01-20 12:00:00,S1,1,30.00
O6,,2024-01-21 12:00:00,S1,5,99.00
O7,C,2024-01-25 12:00:00,S4,1,0.00
O8,B,2024-03-05 12:00:00,S3,1,20.00
`;

let ws: Workspace;
let dir: string;
let cleanup: () => void;
beforeAll(async () => {
  ({ ws, dir, cleanup } = await tempWorkspace());
  await ingestFile(ws, writeText(dir, 'sales.csv', SALES));
  await ingestFile(ws, writeText(dir, 'products.csv', 'sku,category\nS1,cups\nS2,cups\nS3,plates\n'));
});
afterAll(() => cleanup());

async function profile(asOf: string): Promise<Record<string, Record<string, unknown>>> {
  const rows = await ws.all(profileSql(), [asOf]);
  return Object.fromEntries(rows.map((r) => [String(r['customer_id']), r]));
}

describe('profile as of 2024-02-29 (hand-computed)', () => {
  it('has one row per customer with a purchase: not the anonymous lines, not a customer with only a 0 line', async () => {
    expect(Object.keys(await profile('2024-02-29')).sort()).toEqual(['A', 'B']);
  });

  it('customer A', async () => {
    const a = (await profile('2024-02-29'))['A']!;
    expect(a).toMatchObject({
      orders: 4, // O1, O2, O3, O4 (R1 is a return)
      purchase_days: 3, // Jan 1, Jan 11 (two orders), Feb 10
      gross_revenue: 260, // 100 + 50 + 40 + 10 + 60
      returns: 40,
      revenue: 220,
      items: 8, // 2 + 1 + 1 + 1 + 3
      distinct_skus: 3,
      distinct_categories: 2,
      first_purchase: '2024-01-01',
      last_purchase: '2024-02-10',
      recency_days: 19, // Feb 10 → Feb 29
      tenure_days: 59, // Jan 1 → Feb 29 (leap year)
      lifespan_days: 40,
      aov: 65, // 260 / 4
      ipi_mean_days: 20, // gaps 10 and 30
      ipi_median_days: 20,
      orders_30d: 1, // days after Jan 30: Feb 10
      orders_90d: 4,
      orders_365d: 4,
      revenue_30d: 60,
      revenue_90d: 220,
      purchase_lines: 5,
      return_lines: 1,
      items_per_order: 2,
      avg_item_price: 32.5,
    });
    expect(a['ipi_std_days']).toBeCloseTo(Math.sqrt(200), 10); // sample std of (10, 30): sqrt((100 + 100) / 1)
    expect(a['return_rate']).toBeCloseTo(40 / 260, 12);
    expect(a['orders_per_month']).toBeCloseTo(4 / (59 / 30.4375), 12);
  });

  it('customer B ignores the sale after the as-of date', async () => {
    const b = (await profile('2024-02-29'))['B']!;
    expect(b).toMatchObject({
      orders: 1,
      gross_revenue: 30,
      recency_days: 40, // Jan 20 → Feb 29
      tenure_days: 40,
      ipi_mean_days: null,
      ipi_std_days: null,
      orders_30d: 0,
      orders_90d: 1,
    });
    expect(b['orders_per_month']).toBeCloseTo(1 / (40 / 30.4375), 12);
  });

  it('preferences: favourite category and SKU by gross revenue, category breadth as a Hill number', async () => {
    const a = (await profile('2024-02-29'))['A']!;
    // Purchase lines by SKU: S1 100 + 40 = 140, S2 50 + 60 = 110, S3 10 (the return R1 is not a purchase).
    // By category: cups (S1, S2) 250, plates (S3) 10.
    expect(a).toMatchObject({ favourite_sku: 'S1', favourite_category: 'cups' });
    expect(a['favourite_category_share']).toBeCloseTo(250 / 260, 12);
    // Hill (1973) diversity of order 1: exp(-Σ p ln p) over the category shares.
    const p = [250 / 260, 10 / 260];
    expect(a['category_breadth']).toBeCloseTo(Math.exp(-p.reduce((h, x) => h + x * Math.log(x), 0)), 12);
    const b = (await profile('2024-02-29'))['B']!;
    expect(b).toMatchObject({ favourite_sku: 'S1', favourite_category: 'cups', favourite_category_share: 1 });
    expect(b['category_breadth']).toBeCloseTo(1, 12); // one category: breadth 1
    const later = (await profile('2024-03-05'))['B']!;
    // B on Mar 5: S1 (cups) 30 and S3 (plates) 20 → cups 60 %, breadth exp(-(0.6 ln 0.6 + 0.4 ln 0.4)) ≈ 1.960.
    expect(later['favourite_category_share']).toBeCloseTo(0.6, 12);
    expect(later['category_breadth']).toBeCloseTo(1.96013, 5);
  });

  it('defaults to the date of the latest sale', async () => {
    const s = await runProfile(ws, {});
    expect(s.as_of).toBe('2024-03-05');
    expect(s.customers).toBe(2);
    expect(s.orders).toBe(6); // A 4 + B 2
    expect(s.gross_revenue).toBe(310);
  });
});

describe('orders without an order column', () => {
  it('are (customer, timestamp) pairs', async () => {
    const { ws: w, dir: d, cleanup: c } = await tempWorkspace();
    try {
      await ingestFile(
        w,
        writeText(
          d,
          's.csv',
          'customer,date,amount\nA,2024-01-01 10:00,5\nA,2024-01-01 10:00,6\nA,2024-01-01 11:00,7\n',
        ),
      );
      const rows = await w.all(profileSql(), ['2024-01-01']);
      expect(rows[0]).toMatchObject({ orders: 2, purchase_days: 1, gross_revenue: 18, aov: 9 });
    } finally {
      c();
    }
  });
});

describe('sums that do not depend on the order of the lines', () => {
  it('adds fractional quantities exactly, and takes the sample spread of the gaps from integer sums', async () => {
    const { ws: w, dir: d, cleanup: c } = await tempWorkspace();
    try {
      await ingestFile(
        w,
        writeText(
          d,
          's.csv',
          'order_id,customer_id,date,quantity,amount\n' +
            'O1,A,2024-01-01,0.1,1\nO2,A,2024-01-02,0.2,1\nO3,A,2024-01-05,0.4,1\n',
        ),
      );
      const [a] = await w.all(profileSql(), ['2024-01-05']);
      // 0.1 + 0.2 + 0.4 is 0.7 in decimals; in doubles, in this order, 0.7000000000000001.
      expect(a?.['items']).toBe(0.7);
      // Gaps 1 and 3 days: mean 2, sample sd sqrt(((1 − 2)² + (3 − 2)²) / 1) = sqrt(2).
      expect(a?.['ipi_std_days']).toBe(Math.sqrt(2));
    } finally {
      c();
    }
  });
});
