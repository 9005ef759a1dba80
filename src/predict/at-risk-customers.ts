/**
 * Valuable customers at risk: those of the stored predictions whose churn risk is above $1, ordered by the value
 * at risk = CLV × churn risk, highest first (ties: higher CLV, then customer id), with their contacts from the
 * customers file and, when the analysis has a snapshot at the predictions' date, their stage, RFM segment,
 * orders, revenue and days since the last purchase there — a list to hand to the CRM.
 */
export function atRiskSql(withSnapshot: boolean): string {
  const snapshot = withSnapshot
    ? `CAST(cs.stage AS VARCHAR) AS stage, CAST(cs.rfm_segment AS VARCHAR) AS rfm_segment, cs.orders, cs.revenue,
       cs.recency_days`
    : `CAST(NULL AS VARCHAR) AS stage, CAST(NULL AS VARCHAR) AS rfm_segment, CAST(NULL AS BIGINT) AS orders,
       CAST(NULL AS DOUBLE) AS revenue, CAST(NULL AS INTEGER) AS recency_days`;
  const join = withSnapshot
    ? `LEFT JOIN (SELECT * FROM customer_snapshots WHERE as_of = (SELECT max(as_of) FROM predictions)) cs
         ON cs.customer_id = p.customer_id`
    : '';
  return `SELECT p.customer_id, c.name, c.email, c.phone,
    p.clv * p.churn_risk AS value_at_risk, p.clv, p.churn_risk, p.p_alive, p.expected_purchases, p.expected_spend,
    strftime(p.next_purchase_date, '%Y-%m-%d') AS next_purchase_date, ${snapshot}
  FROM predictions p LEFT JOIN customers c ON c.customer_id = p.customer_id ${join}
  WHERE p.churn_risk > $1
  ORDER BY value_at_risk DESC, p.clv DESC, p.customer_id`;
}

/** How many customers `atRiskSql` lists. */
export const AT_RISK_COUNT_SQL = `SELECT count(*) FROM predictions WHERE churn_risk > $1`;
