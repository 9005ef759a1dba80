/**
 * CLV, churn risk, P(alive) and expected purchases by lifecycle stage at every snapshot of the analysis, from
 * the predictions made at each snapshot on the data up to it (`snapshot_predictions`), stages in their order.
 */
export const CLV_BY_STAGE_SQL = `SELECT p.snapshot_id, strftime(s.as_of, '%Y-%m-%d') AS as_of, s.month,
    CAST(c.stage AS VARCHAR) AS stage, count(*) AS customers,
    avg(p.clv) AS mean_clv, sum(p.clv) AS total_clv, avg(p.churn_risk) AS mean_churn_risk,
    avg(p.p_alive) AS mean_p_alive, avg(p.expected_purchases) AS mean_expected_purchases
  FROM snapshot_predictions p
  JOIN customer_snapshots c ON c.snapshot_id = p.snapshot_id AND c.customer_id = p.customer_id
  JOIN snapshots s ON s.snapshot_id = p.snapshot_id
  GROUP BY p.snapshot_id, s.as_of, s.month, c.stage
  ORDER BY p.snapshot_id, c.stage`;
