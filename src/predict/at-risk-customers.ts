/**
 * Valuable customers at risk: those of the stored predictions whose churn risk is above $1, ordered by the value
 * at risk = CLV × churn risk, highest first (ties: higher CLV, then customer id), with their contacts from the
 * customers file and, when the analysis has a snapshot at the predictions' date (`snapshotId`), their stage,
 * RFM segment, orders, revenue and days since the last purchase there — a list to hand to the CRM. With `page`
 * the predictions are ordered and cut first, and only that page is joined to the contacts and the snapshot (one
 * row per customer in each): on 10 M customers, a join of every customer at risk takes seconds.
 */
export function atRiskSql(snapshotId: number | null, page?: { limit: number; offset: number }): string {
  const snapshot =
    snapshotId !== null
      ? `CAST(cs.stage AS VARCHAR) AS stage, CAST(cs.rfm_segment AS VARCHAR) AS rfm_segment, cs.orders, cs.revenue,
       cs.recency_days`
      : `CAST(NULL AS VARCHAR) AS stage, CAST(NULL AS VARCHAR) AS rfm_segment, CAST(NULL AS BIGINT) AS orders,
       CAST(NULL AS DOUBLE) AS revenue, CAST(NULL AS INTEGER) AS recency_days`;
  // The snapshot rows of the page's customers by an inner join, which looks them up (the page is the hash
  // join's build side); a left join would read every customer of the snapshot.
  const join =
    snapshotId !== null
      ? `LEFT JOIN (SELECT cs.* FROM customer_snapshots cs JOIN page USING (customer_id)
           WHERE cs.snapshot_id = ${Math.trunc(snapshotId)}) cs ON cs.customer_id = p.customer_id`
      : '';
  const order = 'ORDER BY value_at_risk DESC, p.clv DESC, p.customer_id';
  const cut = page ? `${order} LIMIT ${Math.trunc(page.limit)} OFFSET ${Math.trunc(page.offset)}` : '';
  return `WITH page AS (SELECT *, clv * churn_risk AS value_at_risk FROM predictions p WHERE churn_risk > $1 ${cut})
  SELECT p.customer_id, c.name, c.email, c.phone,
    p.value_at_risk, p.clv, p.churn_risk, p.p_alive, p.expected_purchases, p.expected_spend,
    strftime(p.next_purchase_date, '%Y-%m-%d') AS next_purchase_date, ${snapshot}
  FROM page p LEFT JOIN customers c ON c.customer_id = p.customer_id ${join}
  ${order}`;
}

/** How many customers `atRiskSql` lists. */
export const AT_RISK_COUNT_SQL = `SELECT count(*) FROM predictions WHERE churn_risk > $1`;
