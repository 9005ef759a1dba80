import type { Workspace } from '../db/workspace.js';
import { readColumns } from '../db/columns.js';
import { InputError } from '../errors.js';
import { autoSegments, type AutoSegments } from '../clusters/index.js';
import { metricById } from '../metrics/index.js';
import { profileSql } from '../profile/profile-sql.js';
import { resolveAsOf } from '../profile/as-of.js';

/** Behavioural features the automatic segments are built on (profile metrics, in the catalogue's units). */
export const AUTO_FEATURES = [
  'recency_days',
  'orders',
  'gross_revenue',
  'aov',
  'ipi_mean_days',
  'tenure_days',
  'distinct_skus',
  'return_rate',
] as const;

export interface AutoSegmentsReport extends Omit<AutoSegments, 'assignments'> {
  as_of: string;
  customers: number;
  features: string[];
}

/**
 * Clusters the customers of the profile at the as-of date and explains each cluster as a rule (see
 * src/clusters). Stores every customer's cluster in `auto_segments` and the clusters in `auto_segment_clusters`.
 */
export async function runAutoSegments(
  ws: Workspace,
  options: { asOf?: string; k?: number | 'auto'; seed?: number },
): Promise<AutoSegmentsReport> {
  const asOf = await resolveAsOf(ws, options.asOf);
  await ws.run(
    `CREATE OR REPLACE TEMP TABLE cl_auto_profile AS SELECT * FROM (${profileSql()}) ORDER BY customer_id`,
    [asOf],
  );
  const cols = await readColumns(ws, `SELECT * FROM cl_auto_profile`, [], AUTO_FEATURES, ['customer_id']);
  if (cols.length === 0) throw new InputError('There are no customers with purchases to segment.');
  const result = autoSegments(
    AUTO_FEATURES.map((name) => ({ name, unit: metricById(name)?.unit, values: cols.numbers[name]! })),
    { k: options.k ?? 'auto', seed: options.seed },
  );
  const ids = cols.strings['customer_id']!;
  await ws.transaction(async () => {
    await ws.run(`CREATE OR REPLACE TABLE auto_segments (customer_id VARCHAR, cluster INTEGER)`);
    const appender = await ws.connection.createAppender('auto_segments');
    for (let i = 0; i < ids.length; i++) {
      appender.appendVarchar(ids[i]!);
      appender.appendInteger(result.assignments[i]!);
      appender.endRow();
    }
    appender.closeSync();
    await ws.run(`CREATE OR REPLACE TABLE auto_segment_clusters (
      cluster INTEGER, size BIGINT, share DOUBLE, name_en VARCHAR, name_ru VARCHAR, rule VARCHAR, rule_ru VARCHAR,
      fidelity DOUBLE, precision DOUBLE, centroid JSON, as_of DATE)`);
    for (const c of result.clusters) {
      await ws.run(
        `INSERT INTO auto_segment_clusters VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, CAST($11 AS DATE))`,
        [
          c.id,
          c.size,
          c.share,
          c.name.en,
          c.name.ru,
          c.rule,
          c.ruleRu,
          c.fidelity,
          c.precision,
          JSON.stringify(c.centroid),
          asOf,
        ],
      );
    }
  });
  await ws.run(`DROP TABLE IF EXISTS cl_auto_profile`);
  const { assignments: _assignments, ...rest } = result;
  return { ...rest, as_of: asOf, customers: ids.length, features: [...AUTO_FEATURES] };
}
