import { evaluateStoredCampaign, evaluationInLanguage, evaluationWindow } from '../../../campaigns/index.js';
import { ApiError } from '../../api-error.js';
import { campaignById } from './campaign-lookup.js';
import { RESULT_COLUMNS, TRANSITION_COLUMNS, resultRows, transitionRows } from './result-rows.js';
import { campaignIdParams, evaluationSchema } from './schemas.js';
import type { RouteModule } from '../../context.js';
import { sendTable, writeTable } from '../../downloads.js';
import { rowsQuery } from '../../rows-query.js';
import { isInputError } from '../../../errors.js';
import { errors, formatParam, langParam, limitParam, offsetParam, rowSchema } from '../../schemas.js';
import { apiMessage } from '../../api-words.js';

/**
 * A campaign's members with their contact details ($1 = campaign_id, $2 = 'target', 'control' or NULL for both),
 * ordered by customer id: the list for the CRM or mailer.
 */
const CONTACTS_SQL = `SELECT m.customer_id, k.name, k.email, k.phone, k.region, m."group" AS arm,
       m.stratum, m.stage AS stage_at_selection
FROM campaign_contacts m
LEFT JOIN (SELECT customer_id, any_value(name) AS name, any_value(email) AS email, any_value(phone) AS phone,
                  any_value(region) AS region
           FROM customers GROUP BY customer_id) k USING (customer_id)
WHERE m.campaign_id = $1 AND ($2 IS NULL OR m."group" = $2)
ORDER BY m.customer_id`;

/** Evaluating a stored campaign, and its member lists. */
export const campaignResultRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/campaigns/:id/evaluate',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Evaluate a campaign: target vs control, incremental effect with 95 % intervals, verdict',
        description:
          "As `clientele campaign evaluate NAME --json` (and, like it, recorded in the workspace so the list shows the latest verdict; not recorded again when the campaign's latest stored evaluation has the same window and result, so viewing it again adds nothing; downloads are not recorded): conversion and net revenue per member in the window from the campaign's start, target against control (two-proportion z-test, Welch t-test, Fieller lifts, CUPED and difference-in-differences on the pre-period, a seeded bootstrap check, ROI from the cost per contact), stage moves and the e-mail funnel when a contact log exists. The verdict and warnings are written in `lang` (stored in English). `results` and `moves` are the same figures as tables; with format=csv|xlsx the table named by `table` downloads. 409 while no sale of the campaign period is loaded.",
        params: campaignIdParams,
        querystring: {
          type: 'object',
          properties: {
            window_days: {
              type: 'integer',
              minimum: 1,
              maximum: 3660,
              description:
                "Days from the start to count outcomes (default: the campaign's start to end, else 30).",
            },
            margin: {
              type: 'number',
              minimum: 0,
              maximum: 1,
              description:
                'Gross margin applied to incremental revenue in the ROI (default 1: ROI on revenue).',
            },
            bootstrap: {
              type: 'integer',
              minimum: 0,
              maximum: 20000,
              default: 2000,
              description: 'Bootstrap replicates of the revenue check (0 to skip, else at least 100).',
            },
            format: formatParam,
            table: { type: 'string', enum: ['results', 'transitions'], default: 'results' },
            lang: langParam,
          },
        },
        response: { 200: evaluationSchema, ...errors(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const q = request.query;
      if (q.bootstrap > 0 && q.bootstrap < 100) {
        throw new ApiError(
          400,
          `bootstrap is 0 (no bootstrap check) or at least 100 replicates; got ${q.bootstrap}.`,
        );
      }
      const report = await ctx.data.write(async (ws) => {
        const campaign = await campaignById(ws, id);
        try {
          await evaluationWindow(ws, campaign, q.window_days);
        } catch (error) {
          if (isInputError(error)) throw new ApiError(409, apiMessage(error));
          throw error;
        }
        return evaluateStoredCampaign(ws, campaign.name, {
          windowDays: q.window_days,
          bootstrap: q.bootstrap,
          store: q.format === 'json',
          skipRepeat: true,
          ...(q.margin === undefined ? {} : { margin: q.margin }),
        });
      });
      const format = q.format;
      if (format === 'json') {
        const shown = evaluationInLanguage(report, q.lang);
        return { ...shown, results: resultRows(report), moves: transitionRows(report) };
      }
      const { sql, params } =
        q.table === 'results'
          ? rowsQuery(RESULT_COLUMNS, resultRows(report) as unknown as Record<string, unknown>[])
          : rowsQuery(TRANSITION_COLUMNS, transitionRows(report) as unknown as Record<string, unknown>[]);
      const file = await ctx.data.read((ws) => writeTable(ws, ctx.uploads, sql, params, format));
      return sendTable(reply, file, `campaign-${id}-${q.table}`);
    },
  );

  app.get(
    '/api/campaigns/:id/contacts',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          "A campaign's members with their contact details: the target list for the CRM, or the control group",
        description:
          'Members of one group (arm=target, the default: the customers to contact; arm=control: those to leave alone; arm=all), ordered by customer id, with name, e-mail, phone and region from the customers table, the stratum and the stage at selection. With format=csv|xlsx the whole list downloads (text a spreadsheet would run as a formula is neutralized).',
        params: campaignIdParams,
        querystring: {
          type: 'object',
          properties: {
            arm: { type: 'string', enum: ['target', 'control', 'all'], default: 'target' },
            limit: limitParam(1000, 50),
            offset: offsetParam,
            format: formatParam,
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              campaign_id: { type: 'integer' },
              arm: { type: 'string' },
              total: { type: 'integer' },
              rows: { type: 'array', items: rowSchema },
            },
          },
          ...errors(400, 404),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const q = request.query;
      const group = q.arm === 'all' ? null : q.arm;
      const result = await ctx.data.read(async (ws) => {
        await campaignById(ws, id);
        if (q.format !== 'json')
          return { file: await writeTable(ws, ctx.uploads, CONTACTS_SQL, [id, group], q.format) };
        return {
          campaign_id: id,
          arm: q.arm,
          total: Number(
            await ws.scalar(
              `SELECT count(*) FROM campaign_contacts WHERE campaign_id = $1 AND ($2 IS NULL OR "group" = $2)`,
              [id, group],
            ),
          ),
          rows: await ws.all(`${CONTACTS_SQL} LIMIT ${q.limit} OFFSET ${q.offset}`, [id, group]),
        };
      });
      if (result.file) return sendTable(reply, result.file, `campaign-${id}-${q.arm}`);
      return result;
    },
  );
};
