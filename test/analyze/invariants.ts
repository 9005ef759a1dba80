import { expect } from 'vitest';
import type { Workspace } from '../../src/db/workspace.js';
import { profileSql } from '../../src/profile/profile-sql.js';

/**
 * Checks every analysis must pass, whatever the data (issue 3, "Checks the tests must make").
 */
export async function checkInvariants(ws: Workspace): Promise<void> {
  const n = async (sql: string): Promise<number> => Number(await ws.scalar(sql));
  // One stage per customer per snapshot.
  expect(
    await n(
      `SELECT count(*) FROM (SELECT snapshot_id, customer_id FROM customer_snapshots GROUP BY ALL HAVING count(*) > 1)`,
    ),
  ).toBe(0);
  expect(await n(`SELECT count(*) FROM customer_snapshots WHERE stage IS NULL`)).toBe(0);
  // The rows of each month-to-month flow matrix (customers present before) add up to the previous counts.
  expect(
    await n(`WITH prev AS (SELECT snapshot_id + 1 AS snapshot_id, stage, count(*) AS n FROM customer_snapshots GROUP BY ALL),
                  flow AS (SELECT c.snapshot_id, p.stage, count(*) AS n FROM customer_snapshots c
                           JOIN customer_snapshots p ON p.customer_id = c.customer_id AND p.snapshot_id = c.snapshot_id - 1
                           GROUP BY ALL)
             SELECT count(*) FROM prev FULL JOIN flow USING (snapshot_id, stage)
             WHERE snapshot_id <= (SELECT max(snapshot_id) FROM snapshots) AND coalesce(prev.n, 0) <> coalesce(flow.n, 0)`),
  ).toBe(0);
  // Restored only after asleep or lost. Stages are tracked from the first sale, so a customer who bought
  // before the first snapshot may have been asleep before it: the check covers the customers whose whole
  // history lies in the stored snapshots.
  expect(
    await n(`SELECT count(*) FROM customer_snapshots c WHERE c.stage = 'restored'
               AND c.first_purchase >= (SELECT period_start FROM snapshots WHERE snapshot_id = 0) AND NOT EXISTS (
               SELECT 1 FROM customer_snapshots p WHERE p.customer_id = c.customer_id AND p.snapshot_id < c.snapshot_id
               AND p.stage IN ('asleep', 'lost'))`),
  ).toBe(0);
  // New only in the month of the first purchase.
  expect(
    await n(`SELECT count(*) FROM customer_snapshots c JOIN snapshots s USING (snapshot_id)
             WHERE (c.stage = 'new') <> (strftime(c.first_purchase, '%Y-%m') = s.month)`),
  ).toBe(0);
  // Cohort sizes add up to the customer count of every snapshot.
  expect(
    await n(`SELECT count(*) FROM snapshots s WHERE s.customers <> (
               SELECT coalesce(sum(k), 0) FROM (SELECT count(*) AS k FROM customer_snapshots c WHERE c.snapshot_id = s.snapshot_id GROUP BY cohort))`),
  ).toBe(0);
  // The last snapshot is the profile at the as-of date: same customers, same figures.
  const asOf = String(await ws.scalar(`SELECT strftime(as_of, '%Y-%m-%d') FROM analyses`));
  const mismatches = await ws.one<{ profile: number; snapshot: number; differ: number }>(
    `WITH p AS (${profileSql()}),
          s AS (SELECT * FROM customer_snapshots WHERE snapshot_id = (SELECT max(snapshot_id) FROM snapshots))
     SELECT (SELECT count(*) FROM p) AS profile, (SELECT count(*) FROM s) AS snapshot,
            count(*) FILTER (WHERE p.orders <> s.orders OR p.purchase_days <> s.purchase_days
              OR abs(p.gross_revenue - s.gross_revenue) > 0.005 OR abs(p.returns - s.returns) > 0.005
              OR p.last_purchase <> s.last_purchase OR p.recency_days <> s.recency_days
              OR abs(p.rhythm_days - s.rhythm_days) > 1e-9 OR p.days_overdue <> s.days_overdue) AS differ
     FROM p JOIN s USING (customer_id)`,
    [asOf],
  );
  expect(mismatches?.snapshot).toBe(mismatches?.profile);
  expect(mismatches?.differ).toBe(0);
}
