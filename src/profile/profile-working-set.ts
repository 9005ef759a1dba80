import type { Workspace } from '../db/workspace.js';

/**
 * Bytes the line-level profile aggregation needs per customer: a fixed part (the customer's groups in the
 * aggregates and their row of ~50 metrics) and a part per sales line (the distinct orders, days, stores and
 * SKUs and the gaps held per customer). Measured on the demo (clientele demo --customers 1000000, as of
 * 2025-11-30: 944 k customers, 8.3 M lines, 8.8 lines per customer) by the smallest engine memory with which
 * one partition completes: 1 partition 0.9–1.0 GB, 4 partitions 300–360 MB, 8 partitions 180–240 MB, i.e.
 * about 1 KB per customer plus 120 MB. The demo has ~9 lines per customer at every size, so the split between
 * the two parts is not measured; it follows the structures above.
 */
export const PROFILE_BYTES = { perCustomer: 300, perLine: 80 };

/**
 * The working set of the profile's line-level aggregation at a date, which partitionsFor divides by the
 * memory budget: customers × (perCustomer + perLine × lines per customer). Counted with one scan of two
 * columns (the distinct count is approximate, within ~10 %); skipped when the number of partitions is forced.
 */
export async function profileWorkingSet(ws: Workspace, asOf: string): Promise<number> {
  if (ws.partitions !== undefined) return 0;
  const n = await ws.one<{ customers: number; lines: number }>(
    `SELECT approx_count_distinct(customer_id) AS customers, count(*) AS lines FROM sales
     WHERE customer_id IS NOT NULL AND ts < CAST($1 AS DATE) + INTERVAL 1 DAY`,
    [asOf],
  );
  const customers = Number(n?.customers ?? 0);
  const lines = Number(n?.lines ?? 0);
  return customers * PROFILE_BYTES.perCustomer + lines * PROFILE_BYTES.perLine;
}
