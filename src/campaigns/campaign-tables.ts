import type { Workspace } from '../db/workspace.js';

/**
 * The campaign tables: one row per campaign, one per member with its group, the
 * stratum and stage it had at selection and the contact log, and one per stored evaluation. Created on first use,
 * so a workspace without campaigns carries none of them.
 */
export const CAMPAIGN_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS campaigns (
     campaign_id INTEGER PRIMARY KEY,
     name VARCHAR NOT NULL UNIQUE,
     segment VARCHAR NOT NULL,
     as_of DATE NOT NULL,
     "start" DATE NOT NULL,
     "end" DATE,
     channel VARCHAR,
     cost_per_contact DOUBLE,
     control_share DOUBLE NOT NULL,
     stratify VARCHAR,
     seed BIGINT NOT NULL,
     members BIGINT NOT NULL,
     targets BIGINT NOT NULL,
     controls BIGINT NOT NULL,
     segments BOOLEAN NOT NULL,
     created_at TIMESTAMP NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS campaign_contacts (
     campaign_id INTEGER NOT NULL,
     customer_id VARCHAR NOT NULL,
     "group" VARCHAR NOT NULL CHECK ("group" IN ('target', 'control')),
     stratum VARCHAR,
     stage VARCHAR,
     sent_at TIMESTAMP,
     opened_at TIMESTAMP,
     clicked_at TIMESTAMP,
     PRIMARY KEY (campaign_id, customer_id)
   )`,
  `CREATE TABLE IF NOT EXISTS campaign_results (
     campaign_id INTEGER NOT NULL,
     evaluated_at TIMESTAMP NOT NULL,
     window_days INTEGER NOT NULL,
     window_start DATE NOT NULL,
     window_end DATE NOT NULL,
     result JSON NOT NULL
   )`,
];

/** Creates the campaign tables when they are missing; safe to call before every campaign command. */
export async function ensureCampaignTables(ws: Workspace): Promise<void> {
  for (const ddl of CAMPAIGN_DDL) await ws.run(ddl);
}
