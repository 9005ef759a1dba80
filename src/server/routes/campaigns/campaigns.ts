import {
  createCampaign,
  defaultLastDay,
  listCampaigns,
  planCampaign,
  type CampaignCreated,
  type CampaignListing,
  campaignDates,
  CONTACT_COLUMNS,
  expressionFields,
} from '../../../campaigns/index.js';
import { PREDICTION_COLUMNS, SEGMENT_COLUMNS } from '../../../metrics/index.js';
import { identifiedSalesRange } from '../../../db/index.js';
import { resolveAsOf } from '../../../profile/index.js';
import { RFM_SEGMENTS, STAGES } from '../../../segments/index.js';
import { campaignById, salesUntil, windowStatus } from './campaign-lookup.js';
import { LISTING_COLUMNS, listingRow } from './result-rows.js';
import {
  campaignIdParams,
  campaignSchema,
  createBodySchema,
  createdSchema,
  listingSchema,
  planBodySchema,
  planSchema,
  strataSchema,
  WINDOW_STATUSES,
  type WindowStatus,
} from './schemas.js';
import type { RouteModule } from '../../context.js';
import { sendTable, writeTable } from '../../downloads.js';
import { rowsQuery } from '../../rows-query.js';
import { errors, formatParam, langParam, nullableString } from '../../schemas.js';

/** Members and groups per stratum of a stored campaign ($1 = campaign_id). */
const STRATA_SQL = `SELECT coalesce(stratum, '') AS stratum, count(*) AS members,
       count(*) FILTER (WHERE "group" = 'control') AS controls, count(*) FILTER (WHERE "group" = 'target') AS targets
FROM campaign_contacts WHERE campaign_id = $1 GROUP BY 1 ORDER BY 1`;

/** Contact-log counts of a stored campaign ($1 = campaign_id). */
const LOG_SQL = `SELECT count(sent_at) AS sent, count(opened_at) AS opened, count(clicked_at) AS clicked
FROM campaign_contacts WHERE campaign_id = $1`;

const VALUES: Record<string, readonly string[]> = {
  stage: STAGES,
  rfm_segment: RFM_SEGMENTS,
  abc: ['A', 'B', 'C'],
  xyz: ['X', 'Y', 'Z'],
};

const STRATIFY = ['stage', 'rfm_segment', 'abc', 'xyz', 'region', 'r_score', 'f_score', 'm_score'];

const fieldGroup = (name: string): 'segments' | 'predictions' | 'contacts' | 'profile' =>
  SEGMENT_COLUMNS.includes(name)
    ? 'segments'
    : PREDICTION_COLUMNS.includes(name)
      ? 'predictions'
      : (CONTACT_COLUMNS as readonly string[]).includes(name)
        ? 'contacts'
        : 'profile';

/** Campaigns: the list, the fields a selection may use, plan, create, one campaign. */
export const campaignRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Stored campaigns, newest first, with where the sales stand and the latest evaluation',
        description:
          'As `clientele campaign list --json`, plus `window_status` against the loaded sales; the latest verdict in `lang`. With format=csv|xlsx the list downloads as a file.',
        querystring: { type: 'object', properties: { format: formatParam, lang: langParam } },
        response: {
          200: {
            type: 'object',
            properties: {
              sales_until: nullableString,
              campaigns: { type: 'array', items: listingSchema },
            },
          },
          ...errors(400),
        },
      },
    },
    async (request, reply) => {
      const { format, lang } = request.query;
      const result = await ctx.data.read(async (ws) => {
        const until = await salesUntil(ws);
        const campaigns = (await listCampaigns(ws, lang)).map(
          (c): CampaignListing & { window_status: WindowStatus; last_day: string } => ({
            ...c,
            last_day: defaultLastDay(c),
            window_status: windowStatus(c, until),
          }),
        );
        if (format === 'json') return { sales_until: until, campaigns };
        const { sql, params } = rowsQuery(LISTING_COLUMNS, campaigns.map(listingRow));
        return { file: await writeTable(ws, ctx.uploads, sql, params, format) };
      });
      return result.file ? sendTable(reply, result.file, 'campaigns') : result;
    },
  );

  app.get(
    '/api/campaigns/fields',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'What a selection rule can test, and the dates with an analysis or predictions',
        description:
          'The fields of the segment expression language (profile metrics at any date; stage, RFM and ABC/XYZ where `clientele analyze` stored a snapshot; CLV and churn where `clientele predict` stored predictions; contact columns), known values of the categorical ones, and the columns to stratify by.',
        response: {
          200: {
            type: 'object',
            properties: {
              fields: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    name: { type: 'string' },
                    type: { type: 'string', enum: ['number', 'text', 'date', 'boolean'] },
                    group: { type: 'string', enum: ['profile', 'segments', 'predictions', 'contacts'] },
                    values: {
                      type: 'array',
                      items: { type: 'string' },
                      description:
                        'The values a text field takes (stages, segments, classes); absent for others.',
                    },
                  },
                  required: ['name', 'type', 'group'],
                },
              },
              analyses: {
                type: 'array',
                items: { type: 'string' },
                description: 'Snapshot dates, newest first.',
              },
              predictions: { type: 'array', items: { type: 'string' } },
              stratify: { type: 'array', items: { type: 'string' } },
              sales: {
                type: 'object',
                properties: { first: nullableString, last: nullableString },
              },
            },
          },
          ...errors(),
        },
      },
    },
    async () =>
      ctx.data.read(async (ws) => {
        const dates = async (table: string): Promise<string[]> =>
          (await ws.tableExists(table))
            ? (
                await ws.all<{ d: string }>(
                  `SELECT DISTINCT strftime(as_of, '%Y-%m-%d') AS d FROM ${table} ORDER BY d DESC`,
                )
              ).map((r) => r.d)
            : [];
        const sales = await identifiedSalesRange(ws);
        return {
          fields: expressionFields().map((f) => ({
            ...f,
            group: fieldGroup(f.name),
            ...(VALUES[f.name] ? { values: VALUES[f.name] } : {}),
          })),
          analyses: await dates('snapshots'),
          predictions: await dates('predictions'),
          stratify: STRATIFY,
          sales,
        };
      }),
  );

  app.post(
    '/api/campaigns/plan',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Plan a campaign without storing anything: segment size, baseline, detectable effect',
        description:
          "As `clientele campaign plan --json`: the segment's size at the selection date, its baseline from its own history in a past window of the same length, the smallest effect the planned split detects (two-sided, 5 %) and, with `mde`, the sample size and whether the segment is large enough; `verdict`, `method` and `history.basis` in `lang`. 409 when the rule needs an analysis or predictions that do not exist at the date.",
        querystring: { type: 'object', properties: { lang: langParam } },
        body: planBodySchema,
        response: { 200: planSchema, ...errors(400, 409) },
      },
    },
    async (request) => {
      const b = request.body;
      return ctx.data.read(async (ws) => {
        const asOf = await resolveAsOf(ws, b.as_of);
        return planCampaign(ws, {
          segment: b.selection,
          metric: b.metric,
          control: b.control_share,
          windowDays: b.window_days,
          power: b.power,
          asOf,
          lang: request.query.lang,
          ...(b.mde === undefined || b.mde.trim() === '' ? {} : { mde: b.mde }),
        });
      });
    },
  );

  app.post(
    '/api/campaigns',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Create a campaign: select the segment, draw the control group, store both',
        description:
          'As `clientele campaign create --json`: the customers matching the selection at the selection date are stored as members, a stratified control group is drawn with the seed (the same seed gives the same group), and the campaign is stored. 409 for a name already used, or when the rule needs an analysis or predictions that do not exist at the date. GET /api/campaigns/{id}/contacts then gives the lists.',
        body: createBodySchema,
        response: { 201: createdSchema, ...errors(400, 409) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const created = await ctx.data.write(async (ws): Promise<Omit<CampaignCreated, 'out'>> => {
        const dates = await campaignDates(ws, { asOf: b.as_of, start: b.start, end: b.end });
        const { out: _out, ...result } = await createCampaign(ws, {
          name: b.name,
          segment: b.selection,
          control: b.control_share,
          asOf: dates.asOf,
          start: dates.start,
          ...(dates.end === null ? {} : { end: dates.end }),
          ...(b.seed === undefined ? {} : { seed: b.seed }),
          ...(b.stratify === undefined ? {} : { stratify: b.stratify }),
          ...(b.channel === undefined ? {} : { channel: b.channel }),
          ...(b.cost_per_contact === undefined ? {} : { costPerContact: b.cost_per_contact }),
        });
        return result;
      });
      const stored = await ctx.data.read((ws) => campaignById(ws, created.campaign_id));
      return reply
        .code(201)
        .header('location', `/api/campaigns/${created.campaign_id}`)
        .send({ ...created, created_at: stored.created_at });
    },
  );

  app.get(
    '/api/campaigns/:id',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'One campaign: its definition, members per stratum and group, contact-log counts',
        description: 'With format=csv|xlsx the table of strata downloads as a file.',
        params: campaignIdParams,
        querystring: { type: 'object', properties: { format: formatParam } },
        response: {
          200: {
            type: 'object',
            properties: {
              campaign: campaignSchema,
              sales_until: nullableString,
              last_day: { type: 'string' },
              window_status: { type: 'string', enum: WINDOW_STATUSES },
              strata: strataSchema,
              contact_log: {
                type: 'object',
                properties: {
                  sent: { type: 'integer' },
                  opened: { type: 'integer' },
                  clicked: { type: 'integer' },
                },
              },
            },
          },
          ...errors(400, 404),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { format } = request.query;
      const result = await ctx.data.read(async (ws) => {
        const campaign = await campaignById(ws, id);
        if (format !== 'json')
          return { file: await writeTable(ws, ctx.uploads, STRATA_SQL, [id], format), campaign };
        const until = await salesUntil(ws);
        return {
          campaign,
          sales_until: until,
          last_day: defaultLastDay(campaign),
          window_status: windowStatus(campaign, until),
          strata: await ws.all(STRATA_SQL, [id]),
          contact_log: (await ws.one(LOG_SQL, [id])) ?? { sent: 0, opened: 0, clicked: 0 },
        };
      });
      if (result.file) return sendTable(reply, result.file, `campaign-${id}-strata`);
      return result;
    },
  );
};
