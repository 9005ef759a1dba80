import { ident } from '../db/sql.js';
import type { SegmentSelection } from './segment-selection.js';

/** Columns of the target list for a CRM or mailer, in this order, when the selection has them. */
export const TARGET_COLUMNS = [
  'customer_id',
  'name',
  'email',
  'phone',
  'region',
  'stage',
  'rfm_segment',
  'abc',
  'xyz',
  'orders',
  'revenue',
  'last_purchase',
  'recency_days',
] as const;

/**
 * The target list of a stored campaign (`$1` = campaign_id): the members in the target group, never the control
 * group, with their contact details and segment columns, ordered by customer id.
 */
export function targetListSql(
  selection: SegmentSelection,
  table: string,
): { sql: string; columns: string[] } {
  const columns = TARGET_COLUMNS.filter((c) => selection.columns.includes(c));
  const sql = `SELECT ${columns.map((c) => `s.${ident(c)}`).join(', ')}
    FROM ${ident(table)} s JOIN campaign_contacts m ON m.customer_id = s.customer_id AND m.campaign_id = $1
    WHERE m."group" = 'target' ORDER BY s.customer_id`;
  return { sql, columns };
}
