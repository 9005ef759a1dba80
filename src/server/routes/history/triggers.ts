import { findSnapshot, triggersQuery } from '../../../analyze/index.js';
import { STAGES } from '../../../segments/index.js';
import { ApiError } from '../../api-error.js';
import type { RouteModule } from '../../context.js';
import { sendTable, writeTable } from '../../downloads.js';
import { errors, formatParam, limitParam, nullableString, offsetParam, rowSchema } from '../../schemas.js';
import { monthParam, storedSnapshots } from './params.js';

export const triggerRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/triggers',
    {
      schema: {
        tags: ['history'],
        summary:
          'Triggers: the customers who moved from one lifecycle stage to another (the list for the CRM)',
        description:
          'The customers in `from_stage` at the earlier snapshot and in `to_stage` at the later one, with their metrics and contact fields, by revenue. format=csv|xlsx downloads the whole list (text that a spreadsheet would run as a formula is neutralized). 409 when no analysis has been run.',
        querystring: {
          type: 'object',
          required: ['from_stage', 'to_stage'],
          properties: {
            from_stage: { type: 'string', enum: STAGES, description: 'The stage at the earlier snapshot.' },
            to_stage: { type: 'string', enum: STAGES, description: 'The stage at the later snapshot.' },
            as_of: {
              type: 'string',
              pattern: '^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$',
              description:
                'The later snapshot, its month YYYY-MM or its date YYYY-MM-DD (default: the last).',
            },
            from: monthParam('The earlier snapshot (default: the one before `as_of`)'),
            limit: limitParam(1000, 50),
            offset: offsetParam,
            format: formatParam,
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              from_month: nullableString,
              to_month: { type: 'string' },
              from_stage: { type: 'string' },
              to_stage: { type: 'string' },
              total: { type: 'integer' },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
              rows: { type: 'array', items: rowSchema },
            },
          },
          ...errors(400, 409),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const result = await ctx.data.read(async (ws) => {
        await storedSnapshots(ws);
        const to = await findSnapshot(ws, q.as_of, 'as_of');
        if (q.from !== undefined) {
          const from = await findSnapshot(ws, q.from, 'from');
          if (from.snapshot_id >= to.snapshot_id)
            throw new ApiError(400, `from ${from.month} must be before as_of ${to.month}.`);
        } else if (to.snapshot_id === 0) {
          throw new ApiError(
            400,
            `as_of ${to.month} is the first snapshot: there is no earlier month to move from.`,
          );
        }
        const t = await triggersQuery(ws, {
          fromStage: q.from_stage,
          toStage: q.to_stage,
          asOf: to.as_of,
          from: q.from,
        });
        const name = `triggers-${q.from_stage}-${q.to_stage}-${t.to_month}`;
        if (q.format !== 'json')
          return { name, file: await writeTable(ws, ctx.uploads, t.sql, t.params, q.format) };
        const page = t.page(q.limit, q.offset);
        return {
          name,
          body: {
            from_month: t.from_month,
            to_month: t.to_month,
            from_stage: q.from_stage,
            to_stage: q.to_stage,
            total: Number(await ws.scalar(t.count.sql, t.count.params)),
            limit: q.limit,
            offset: q.offset,
            rows: await ws.all(page.sql, page.params),
          },
        };
      });
      if (result.file) return sendTable(reply, result.file, result.name);
      return result.body;
    },
  );
};
