import { snapshotSource, stageStructureSql } from '../../../analyze/index.js';
import { STAGES } from '../../../segments/index.js';
import type { RouteModule } from '../../context.js';
import { sendTable, writeTable } from '../../downloads.js';
import { errors, formatParam } from '../../schemas.js';
import { labelsSchema, STAGE_LABELS, storedSnapshots } from './params.js';

const count = { type: 'integer' } as const;
const money = { type: 'number' } as const;

const snapshotSchema = {
  type: 'object',
  properties: {
    snapshot_id: count,
    month: { type: 'string', description: 'YYYY-MM' },
    as_of: { type: 'string', description: 'The snapshot date: the month end, or the as-of date.' },
    customers: count,
    revenue: { ...money, description: "Customers' net revenue in the snapshot's month." },
    ...Object.fromEntries(
      STAGES.flatMap((stage) => [
        [`${stage}_customers`, count],
        [`${stage}_revenue`, money],
      ]),
    ),
  },
} as const;

export const stageStructureRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/structure',
    {
      schema: {
        tags: ['history'],
        summary:
          'The base structure over time: customers and their revenue per lifecycle stage at every snapshot',
        description:
          'One row per snapshot stored by `clientele analyze` (the month ends and the as-of date): the customers in each lifecycle stage (`<stage>_customers`) and their net revenue in that month (`<stage>_revenue`). 409 when no analysis has been run.',
        querystring: { type: 'object', properties: { format: formatParam } },
        response: {
          200: {
            type: 'object',
            properties: {
              as_of: { type: 'string', description: 'The as-of date of the analysis.' },
              stages: labelsSchema,
              snapshots: { type: 'array', items: snapshotSchema },
            },
          },
          ...errors(400, 409),
        },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const result = await ctx.data.read(async (ws) => {
        const { as_of: asOf } = await storedSnapshots(ws);
        const sql = stageStructureSql(await snapshotSource(ws));
        if (format !== 'json') return { asOf, file: await writeTable(ws, ctx.uploads, sql, [], format) };
        return { asOf, snapshots: await ws.all(sql) };
      });
      if (result.file) return sendTable(reply, result.file, `structure-${result.asOf}`);
      return { as_of: result.asOf, stages: STAGE_LABELS, snapshots: result.snapshots };
    },
  );
};
