import { ident, literal } from '../db/sql.js';
import { STAGES } from '../segments/stages.js';

/**
 * The base structure at every stored snapshot: the customers and their net revenue in the snapshot's month
 * (`period_revenue`, rounded to cents), in total and per lifecycle stage (`<stage>_customers`,
 * `<stage>_revenue`), one row per snapshot, oldest first.
 */
export const STAGE_STRUCTURE_SQL = `SELECT s.snapshot_id, s.month, s.as_of,
    count(c.customer_id) AS customers, round(coalesce(sum(c.period_revenue), 0), 2) AS revenue,
    ${STAGES.map(
      (stage) =>
        `count(c.customer_id) FILTER (WHERE c.stage = ${literal(stage)}) AS ${ident(`${stage}_customers`)},
    round(coalesce(sum(c.period_revenue) FILTER (WHERE c.stage = ${literal(stage)}), 0), 2) AS ${ident(`${stage}_revenue`)}`,
    ).join(',\n    ')}
  FROM snapshots s LEFT JOIN customer_snapshots c USING (snapshot_id)
  GROUP BY ALL ORDER BY s.snapshot_id`;
