import { randomInt } from 'node:crypto';
import { ident } from '../db/sql.js';
import type { Workspace } from '../db/workspace.js';
import { ConflictError, field, InputError } from '../errors.js';
import { outputFormat, writeQuery, type WriteResult } from '../export/write.js';
import { createRandomSource } from '../stats/index.js';
import { campaignDates } from './campaign-dates.js';
import { MAX_SEED, parseName, parseNonNegative, parseSeed, parseShare } from './campaign-options.js';
import { ensureCampaignTables } from './campaign-tables.js';
import { controlPositions, type StratumCount } from './control-group.js';
import { selectSegment } from './segment-selection.js';
import { stratifyColumn } from './stratify-column.js';
import { targetListSql } from './target-list.js';

export interface CreateCampaignOptions {
  name: string;
  /** A rule in the segment expression language, e.g. `stage = 'asleep' and email is not null`. */
  segment: string;
  /** Share of the segment kept as a control group; default 0.1. */
  control?: number | string;
  /** A selection column whose values are strata (e.g. stage); default none. */
  stratify?: string;
  /** Seed of the draw; default a random one, stored and reported. */
  seed?: number | string;
  channel?: string;
  costPerContact?: number | string;
  /** First day of the campaign; default the day after the selection date. */
  start?: string;
  /** Last day of the campaign, inclusive. */
  end?: string;
  /** Selection date: the segment is evaluated on sales up to it; default the latest sale (or the day before --start). */
  asOf?: string;
  /** Where to write the target list (.csv, .xlsx, .parquet, .json). */
  out?: string;
}

/** What `clientele campaign create --json` prints. Field names are a contract. */
export interface CampaignCreated {
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
  /** Stage, RFM and ABC/XYZ columns were available at the selection date. */
  segments: boolean;
  strata: (StratumCount & { targets: number })[];
  target_columns: string[];
  out: WriteResult | null;
}

const SELECTION = 'cl_campaign_selection';
const MAX_STRATA = 1000;
const GROUPS = 'cl_campaign_groups';

/**
 * Selects the customers of a segment at the selection date, draws a stratified reproducible control group
 * (exactly `assignControlGroup`, with the ordering done in SQL), stores the campaign and its members, and writes
 * the target list without the control group — in one transaction, so a failure leaves nothing behind.
 */
export async function createCampaign(
  ws: Workspace,
  options: CreateCampaignOptions,
): Promise<CampaignCreated> {
  const name = parseName(options.name);
  const share = parseShare(options.control ?? 0.1);
  const seed = options.seed === undefined ? randomInt(1, MAX_SEED + 1) : parseSeed(options.seed);
  const costPerContact =
    options.costPerContact === undefined
      ? null
      : parseNonNegative(options.costPerContact, field('costPerContact'));
  const channel = options.channel?.trim() || null;
  if (options.out !== undefined) outputFormat(options.out);
  await ensureCampaignTables(ws);
  await refuseDuplicateName(ws, name);
  const { asOf, start, end } = await campaignDates(ws, options);
  const selection = await selectSegment(ws, options.segment, asOf);
  const stratify = stratifyColumn(selection, options.stratify);
  try {
    await ws.run(`CREATE OR REPLACE TEMP TABLE ${SELECTION} AS ${selection.sql}`, selection.params);
    const stratum = stratify === null ? `''` : `coalesce(CAST(${ident(stratify)} AS VARCHAR), '')`;
    const strata = await ws.all<{ stratum: string; members: number }>(
      `SELECT ${stratum} AS stratum, count(*) AS members FROM ${SELECTION} GROUP BY 1 ORDER BY 1`,
    );
    const members = strata.reduce((s, x) => s + x.members, 0);
    if (members === 0) {
      throw new InputError(
        `No customer matches the segment "${selection.segment.text}" as of ${asOf}; nothing was stored.`,
      );
    }
    if (strata.length > MAX_STRATA) {
      throw new InputError(
        `${field('stratify')} ${stratify} has ${strata.length} distinct values; stratify by a column with few values (stage, rfm_segment, abc, xyz, region).`,
      );
    }
    const draw = controlPositions(
      strata.map((s) => s.members),
      share,
      createRandomSource(seed),
    );
    const controls = draw.controls.reduce((s, c) => s + c, 0);
    checkGroups(members, controls, share);
    await storeControlPositions(ws, draw.control);
    const created = await ws.transaction(async () => {
      const campaignId = Number(await ws.scalar(`SELECT coalesce(max(campaign_id), 0) + 1 FROM campaigns`));
      await ws.run(
        `INSERT INTO campaigns VALUES ($1, $2, $3, CAST($4 AS DATE), CAST($5 AS DATE), CAST($6 AS DATE), $7, $8, $9, $10, $11, $12, $13, $14, $15, now()::TIMESTAMP)`,
        [
          campaignId,
          name,
          selection.segment.text,
          asOf,
          start,
          end,
          channel,
          costPerContact,
          share,
          stratify,
          seed,
          members,
          members - controls,
          controls,
          selection.segments,
        ],
      );
      await ws.run(
        `INSERT INTO campaign_contacts
         SELECT $1, s.customer_id, CASE WHEN g.cl_pos IS NULL THEN 'target' ELSE 'control' END,
                ${stratify === null ? 'NULL' : `CAST(s.${ident(stratify)} AS VARCHAR)`},
                ${selection.segments ? 's.stage' : 'NULL'}, NULL, NULL, NULL
         FROM (SELECT *, row_number() OVER (ORDER BY ${stratum}, customer_id) - 1 AS cl_position FROM ${SELECTION}) s
         LEFT JOIN ${GROUPS} g ON g.cl_pos = s.cl_position`,
        [campaignId],
      );
      const list = targetListSql(selection, SELECTION);
      const out =
        options.out === undefined ? null : await writeQuery(ws, list.sql, [campaignId], options.out);
      return { campaignId, out, columns: list.columns };
    });
    return {
      campaign_id: created.campaignId,
      name,
      segment: selection.segment.text,
      as_of: asOf,
      start,
      end,
      channel,
      cost_per_contact: costPerContact,
      control_share: share,
      stratify,
      seed,
      members: members,
      targets: members - controls,
      controls,
      segments: selection.segments,
      strata: strata.map((s, i) => ({
        stratum: s.stratum,
        members: s.members,
        controls: draw.controls[i] as number,
        targets: s.members - (draw.controls[i] as number),
      })),
      target_columns: created.columns,
      out: created.out,
    };
  } finally {
    await ws.run(`DROP TABLE IF EXISTS ${SELECTION}`);
    await ws.run(`DROP TABLE IF EXISTS ${GROUPS}`);
  }
}

/** Campaign names are unique: a name already used is a ConflictError. */
export async function refuseDuplicateName(ws: Workspace, name: string): Promise<void> {
  if (!(await ws.tableExists('campaigns'))) return;
  const existing = await ws.one<{ campaign_id: number; created_at: string }>(
    `SELECT campaign_id, created_at FROM campaigns WHERE name = $1`,
    [name],
  );
  if (existing) {
    throw new ConflictError(
      `A campaign named "${name}" already exists (campaign ${existing.campaign_id}, created ${existing.created_at}); choose another name.`,
    );
  }
}

function checkGroups(members: number, controls: number, share: number): void {
  if (controls === 0) {
    throw new InputError(
      `The control group would be empty: the segment has ${members} customers and round(${share} × customers) is 0 in every stratum. Raise ${field('control')}, stratify less finely, or widen the segment.`,
    );
  }
  if (controls === members) {
    throw new InputError(
      `Every one of the ${members} customers would be in the control group; lower ${field('control')} or widen the segment.`,
    );
  }
}

/** The positions drawn into the control group, in a temp table for the insert to join. */
async function storeControlPositions(ws: Workspace, control: Uint8Array): Promise<void> {
  await ws.run(`CREATE OR REPLACE TEMP TABLE ${GROUPS} (cl_pos BIGINT)`);
  const appender = await ws.connection.createAppender(GROUPS);
  control.forEach((flag, position) => {
    if (flag === 0) return;
    appender.appendBigInt(BigInt(position));
    appender.endRow();
  });
  appender.closeSync();
}
