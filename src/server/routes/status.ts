import { workspaceStatus } from '../../db/index.js';
import { VERSION } from '../../version.js';
import type { RouteModule } from '../context.js';
import { errors, nullableString } from '../schemas.js';

const count = { type: 'integer' } as const;

export const statusRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/status',
    {
      schema: {
        tags: ['workspace'],
        summary: 'What the workspace holds: rows per table, the date range of sales, the loads so far',
        response: {
          200: {
            type: 'object',
            properties: {
              version: { type: 'string' },
              workspace: { type: 'string' },
              memory: {
                type: 'object',
                description: 'The memory budget in use, and where and how much the engine may spill',
                properties: {
                  budget_bytes: count,
                  engine_bytes: count,
                  source: { type: 'string', enum: ['machine', 'option', 'environment'] },
                  spill_folder: { type: 'string' },
                  spill_limit_bytes: count,
                },
              },
              upload_limit_bytes: count,
              tables: { type: 'object', additionalProperties: count },
              sales: {
                type: 'object',
                properties: {
                  date_min: nullableString,
                  date_max: nullableString,
                  customers: count,
                  anonymous_rows: count,
                  returns_rows: count,
                },
              },
              linked: {
                type: ['object', 'null'],
                description:
                  'The ClickHouse table the sales live in (null: the sales were loaded from files).',
                properties: {
                  source: { type: 'string', description: 'clickhouse://user@host:port/database/table' },
                  database: { type: 'string' },
                  table: { type: 'string' },
                  mapping: { type: 'object', additionalProperties: { type: 'string' } },
                  linked_at: { type: 'string' },
                  months: { ...count, description: 'Months of sales transferred, one load each.' },
                },
                required: ['source', 'database', 'table', 'mapping', 'linked_at', 'months'],
              },
              loads: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    load_id: count,
                    kind: { type: 'string' },
                    file: { type: 'string' },
                    format: { type: 'string' },
                    rows_read: count,
                    rows_accepted: count,
                    rows_rejected: count,
                    loaded_at: { type: 'string' },
                  },
                },
              },
            },
          },
          ...errors(),
        },
      },
    },
    async () => {
      const status = await ctx.data.read(workspaceStatus);
      return { version: VERSION, upload_limit_bytes: ctx.uploads.limitBytes, ...status };
    },
  );
};
