import type { Workspace } from '../db/workspace.js';
import { InputError } from '../errors.js';

/** A stored campaign, as `campaigns` holds it (dates as YYYY-MM-DD). */
export interface Campaign {
  campaign_id: number;
  name: string;
  segment: string;
  as_of: string;
  start: string;
  end: string | null;
  channel: string | null;
  cost_per_contact: number | null;
  control_share: number;
  stratify: string | null;
  seed: number;
  members: number;
  targets: number;
  controls: number;
  segments: boolean;
  created_at: string;
}

export const CAMPAIGN_COLUMNS = `campaign_id, name, segment, strftime(as_of, '%Y-%m-%d') AS as_of,
  strftime("start", '%Y-%m-%d') AS "start", strftime("end", '%Y-%m-%d') AS "end", channel, cost_per_contact,
  control_share, stratify, seed, members, targets, controls, segments, created_at`;

/** The campaign with this name, or an `InputError` listing the names that exist. */
export async function findCampaign(ws: Workspace, name: string): Promise<Campaign> {
  if (!(await ws.tableExists('campaigns'))) {
    throw new InputError(
      `There is no campaign "${name}": no campaign has been created in this workspace yet (\`clientele campaign create\`).`,
    );
  }
  const found = await ws.one<Campaign>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE name = $1`, [name]);
  if (found) return found;
  const names = (
    await ws.all<{ name: string }>(`SELECT name FROM campaigns ORDER BY created_at DESC LIMIT 10`)
  ).map((r) => `"${r.name}"`);
  throw new InputError(
    names.length === 0
      ? `There is no campaign "${name}": no campaign has been created in this workspace yet (\`clientele campaign create\`).`
      : `There is no campaign "${name}". Campaigns: ${names.join(', ')}.`,
  );
}
