import { ident } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import { InputError } from '../errors.js';
import { findCampaign } from './find-campaign.js';
import { findColumn, readTableFile, type FileColumn } from './read-table-file.js';

/** What `clientele campaign contacts NAME --file LOG --json` prints. */
export interface ContactsAttached {
  campaign: string;
  file: string;
  rows: number;
  /** Distinct customers in the log. */
  customers: number;
  /** Log customers who are members of the campaign, by group. */
  targets: number;
  controls: number;
  /** Log customers who are not members (ignored). */
  not_members: number;
  sent: number;
  opened: number;
  clicked: number;
}

const LOG = 'cl_campaign_log';
const EVENTS = ['sent_at', 'opened_at', 'clicked_at'] as const;

/**
 * Attaches a contact log (customer_id and any of sent_at, opened_at, clicked_at; one row per customer or per
 * event) to a campaign's members: each member gets the earliest time of each event, in one transaction. Times
 * that cannot be read fail the whole load with the row; customers who are not members are counted and ignored.
 */
export async function attachContacts(ws: Workspace, name: string, file: string): Promise<ContactsAttached> {
  const campaign = await findCampaign(ws, name);
  const columns = await readTableFile(ws, file, LOG, { text: true });
  try {
    const id = findColumn(columns, 'customer_id', 'The contact log needs a column').name;
    const events = EVENTS.map((e) => columns.find((c) => c.name.toLowerCase() === e));
    if (events.every((e) => e === undefined)) {
      throw new InputError(
        `${file} has none of the columns sent_at, opened_at, clicked_at (one time per customer and event). Its columns: ${columns.map((c) => c.name).join(', ')}.`,
      );
    }
    await checkTimes(ws, events);
    const time = (c: FileColumn | undefined): string =>
      c === undefined ? 'CAST(NULL AS TIMESTAMP)' : `min(TRY_CAST(cl_text(${ident(c.name)}) AS TIMESTAMP))`;
    await ws.run(`CREATE OR REPLACE TEMP TABLE cl_campaign_log_by_customer AS
      SELECT cl_id(${ident(id)}) AS customer_id, ${EVENTS.map((e, i) => `${time(events[i])} AS ${e}`).join(', ')}
      FROM ${LOG} WHERE cl_id(${ident(id)}) IS NOT NULL GROUP BY 1`);
    const counts = await ws.one<Omit<ContactsAttached, 'campaign' | 'file'>>(
      `SELECT (SELECT count(*) FROM ${LOG}) AS rows, count(*) AS customers,
              count(*) FILTER (WHERE m."group" = 'target') AS targets,
              count(*) FILTER (WHERE m."group" = 'control') AS controls,
              count(*) FILTER (WHERE m.customer_id IS NULL) AS not_members,
              count(l.sent_at) FILTER (WHERE m.customer_id IS NOT NULL) AS sent,
              count(l.opened_at) FILTER (WHERE m.customer_id IS NOT NULL) AS opened,
              count(l.clicked_at) FILTER (WHERE m.customer_id IS NOT NULL) AS clicked
       FROM cl_campaign_log_by_customer l
       LEFT JOIN campaign_contacts m ON m.customer_id = l.customer_id AND m.campaign_id = $1`,
      [campaign.campaign_id],
    );
    await ws.transaction(() =>
      ws.run(
        `UPDATE campaign_contacts m SET ${EVENTS.map((e) => `${e} = coalesce(l.${e}, m.${e})`).join(', ')}
         FROM cl_campaign_log_by_customer l
         WHERE m.campaign_id = $1 AND m.customer_id = l.customer_id`,
        [campaign.campaign_id],
      ),
    );
    return { campaign: campaign.name, file, ...(counts as Omit<ContactsAttached, 'campaign' | 'file'>) };
  } finally {
    await ws.run(`DROP TABLE IF EXISTS ${LOG}`);
    await ws.run(`DROP TABLE IF EXISTS cl_campaign_log_by_customer`);
  }
}

async function checkTimes(ws: Workspace, events: readonly (FileColumn | undefined)[]): Promise<void> {
  for (const column of events) {
    if (column === undefined) continue;
    const c = ident(column.name);
    const bad = await ws.one<{ row: number; value: string }>(
      `SELECT row, value FROM (
         SELECT row_number() OVER () AS row, cl_text(${c}) AS value FROM ${LOG}
       ) WHERE value IS NOT NULL AND TRY_CAST(value AS TIMESTAMP) IS NULL ORDER BY row LIMIT 1`,
    );
    if (bad) {
      throw new InputError(
        `${column.name} in data row ${bad.row} of the contact log is "${bad.value}", not a date-time (expected e.g. 2025-11-03 10:15:00); nothing was attached.`,
      );
    }
  }
}
