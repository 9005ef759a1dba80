import {
  buyersSql,
  coBuyersSql,
  labelledSql,
  neighboursSql,
  ownedSql,
  popularSql,
  purchasesWhere,
  recentSql,
  recommendationsSql,
  skuIdsSql,
} from './recommend-steps.js';

export { RECOMMEND_LIMITS, RECOMMEND_METHOD } from '../metrics/recommendation-method.js';

/**
 * The top recommendations of customer `$3` as of `$1` (DATE), `$2` = how many; SKUs to leave out (postage,
 * fees…) are the next `exclude` parameters. The same steps as for every customer (recommend-all.ts), with
 * the co-buyer counts of the customer's own SKUs only. Columns: customer_id, rank, sku, name, category, score
 * (NULL for popular fill), source ('similar' | 'popular'), because_sku.
 */
export function recommendOneSql(exclude: number): string {
  const where = purchasesWhere(4, exclude);
  const one = recommendationsSql(
    {
      targets: `SELECT DISTINCT 0 AS c FROM bought WHERE c = $3`,
      seeds: `SELECT 0 AS c, k FROM latest WHERE latest.c = $3`,
      owned: `SELECT 0 AS c, k FROM bought WHERE bought.c = $3`,
    },
    'neighbours',
    'popular',
    '$2',
    { span: '(SELECT count(*) + 1 FROM skus)', type: 'HUGEINT' },
  );
  return `WITH skus AS (${skuIdsSql(where)}),
bought AS (SELECT customer_id AS c, k, last_ts FROM (${ownedSql(where, 'skus')})),
latest AS (${recentSql('bought')}),
buyers AS (${buyersSql('latest')}),
pairs AS (${coBuyersSql('latest', { from: 'SELECT k FROM latest WHERE c = $3' })}),
neighbours AS (${neighboursSql('SELECT * FROM pairs', 'buyers')}),
popular AS (${popularSql('bought', '$2')}),
result AS (SELECT CAST($3 AS VARCHAR) AS customer_id, * EXCLUDE (c) FROM (${one}))
${labelledSql('result', 'skus')}
ORDER BY r.rank`;
}
