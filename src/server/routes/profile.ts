import { ident } from '../../db/index.js';
import { profileFigures } from '../../profile/index.js';
import { ApiError } from '../api-error.js';
import type { RouteModule } from '../context.js';
import { sendTable, writeTable } from '../downloads.js';
import {
  asOfParam,
  errors,
  formatParam,
  limitParam,
  nullableNumber,
  offsetParam,
  rowSchema,
} from '../schemas.js';

/**
 * Customers whose id contains the text, or whose name, e-mail or phone in the customers table does
 * (case-insensitive). `$1` is the search text.
 */
const SEARCH = `WHERE contains(lower(customer_id), lower($1))
  OR customer_id IN (SELECT customer_id FROM customers
    WHERE contains(lower(concat_ws(' ', name, email, phone)), lower($1)))`;

const summarySchema = {
  type: 'object',
  properties: {
    as_of: { type: 'string' },
    customers: { type: 'integer' },
    orders: { type: 'integer' },
    gross_revenue: { type: 'number' },
    returns: { type: 'number' },
    revenue: { type: 'number' },
    median_orders: nullableNumber,
    median_recency_days: nullableNumber,
    mean_aov: nullableNumber,
    repeat_customers: { type: 'integer' },
    active_90d: { type: 'integer' },
    segments: { type: 'boolean' },
    columns: { type: 'array', items: { type: 'string' } },
  },
} as const;

export const profileRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/profile',
    {
      schema: {
        tags: ['profile'],
        summary: 'A page of the customer profile (one row per customer, the catalogue metrics as columns)',
        description:
          'Sorted by any profile column, filtered by a search over customer id, name, e-mail and phone. With format=csv|xlsx the whole filtered, sorted table is downloaded.',
        querystring: {
          type: 'object',
          properties: {
            as_of: asOfParam,
            limit: limitParam(1000, 50),
            offset: offsetParam,
            sort: { type: 'string', default: 'revenue', description: 'A profile column (see /api/metrics).' },
            order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
            search: { type: 'string', maxLength: 200 },
            format: formatParam,
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              as_of: { type: 'string' },
              segments: { type: 'boolean' },
              columns: { type: 'array', items: { type: 'string' } },
              total: { type: 'integer' },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
              sort: { type: 'string' },
              order: { type: 'string' },
              rows: { type: 'array', items: rowSchema },
            },
          },
          ...errors(400),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const search = q.search?.trim() ?? '';
      const where = search ? SEARCH : '';
      const params = search ? [search] : [];
      const result = await ctx.data.read(async (ws) => {
        const table = await ctx.profiles.at(ws, q.as_of);
        if (!table.columns.includes(q.sort)) {
          throw new ApiError(
            400,
            `sort must be a profile column (${table.columns.join(', ')}); got "${q.sort}".`,
          );
        }
        const sql = `SELECT * FROM ${table.name} ${where}
          ORDER BY ${ident(q.sort)} ${q.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, customer_id`;
        if (q.format !== 'json')
          return { table, file: await writeTable(ws, ctx.uploads, sql, params, q.format) };
        const total = Number(await ws.scalar(`SELECT count(*) FROM ${table.name} ${where}`, params));
        const rows = await ws.all(`${sql} LIMIT ${q.limit} OFFSET ${q.offset}`, params);
        return { table, total, rows };
      });
      if (result.file) return sendTable(reply, result.file, `profile-${result.table.asOf}`);
      return {
        as_of: result.table.asOf,
        segments: result.table.segments,
        columns: result.table.columns,
        total: result.total,
        limit: q.limit,
        offset: q.offset,
        sort: q.sort,
        order: q.order,
        rows: result.rows,
      };
    },
  );

  app.get(
    '/api/profile/summary',
    {
      schema: {
        tags: ['profile'],
        summary: 'Key figures of the customer profile (what `clientele profile` prints)',
        querystring: { type: 'object', properties: { as_of: asOfParam } },
        response: { 200: summarySchema, ...errors(400) },
      },
    },
    async (request) =>
      ctx.data.read(async (ws) => {
        const table = await ctx.profiles.at(ws, request.query.as_of);
        const figures = await profileFigures(ws, table.name, table.asOf);
        return { as_of: table.asOf, ...figures, segments: table.segments, columns: table.columns };
      }),
  );
};
