import { ident, literal } from '../db/sql.js';
import { STAGES } from '../segments/stages.js';
import type { SnapshotSource } from './cell-source.js';

/**
 * The base structure at every stored snapshot: the customers and their net revenue in the snapshot's month
 * (`period_revenue`, rounded to cents), in total and per lifecycle stage (`<stage>_customers`,
 * `<stage>_revenue`), one row per snapshot, oldest first. The customer rows (or cells) of `src` are grouped once
 * by snapshot and stage; the stages are then spread into columns over that small result.
 */
export function stageStructureSql(src: SnapshotSource): string {
  return `WITH g AS (
    SELECT snapshot_id, stage, ${src.count} AS customers, sum(period_revenue) AS revenue
    FROM ${src.from} GROUP BY ALL)
  SELECT s.snapshot_id, s.month, s.as_of,
    CAST(coalesce(sum(g.customers), 0) AS BIGINT) AS customers, round(coalesce(sum(g.revenue), 0), 2) AS revenue,
    ${STAGES.map(
      (stage) =>
        `CAST(coalesce(sum(g.customers) FILTER (WHERE g.stage = ${literal(stage)}), 0) AS BIGINT) AS ${ident(`${stage}_customers`)},
    round(coalesce(sum(g.revenue) FILTER (WHERE g.stage = ${literal(stage)}), 0), 2) AS ${ident(`${stage}_revenue`)}`,
    ).join(',\n    ')}
  FROM snapshots s LEFT JOIN g USING (snapshot_id)
  GROUP BY ALL ORDER BY s.snapshot_id`;
}
