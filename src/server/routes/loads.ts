import { KINDS, loadReport, REJECTS_SQL, rejectsPage, requireLoad } from '../../ingest/index.js';
import type { RouteModule } from '../context.js';
import { sendTable, writeTable } from '../downloads.js';
import { errors, formatParam, limitParam, offsetParam, rowSchema } from '../schemas.js';

const LOADS_SQL = `SELECT load_id, kind, file, format, rows_read, rows_accepted, rows_rejected, rows_anonymous,
       rows_returns, duplicate_lines, customers, strftime(date_min, '%Y-%m-%d %H:%M:%S') AS date_min,
       strftime(date_max, '%Y-%m-%d %H:%M:%S') AS date_max, strftime(loaded_at, '%Y-%m-%d %H:%M:%S') AS loaded_at, seconds
FROM loads ORDER BY load_id DESC`;

const count = { type: 'integer' } as const;
const nullableString = { type: ['string', 'null'] } as const;

/** What `clientele ingest --json` prints (src/ingest/load-report.ts). */
export const loadReportSchema = {
  type: 'object',
  properties: {
    load_id: count,
    already_loaded: { type: 'boolean' },
    file: { type: 'string' },
    kind: { type: 'string', enum: KINDS },
    format: { type: 'string' },
    rows_read: count,
    rows_accepted: count,
    rows_rejected: count,
    rows_anonymous: count,
    rows_returns: count,
    duplicate_lines: count,
    customers: count,
    date_min: nullableString,
    date_max: nullableString,
    mapping: { type: 'object', additionalProperties: { type: 'string' } },
    unmapped: { type: 'array', items: { type: 'string' } },
    detected: {
      type: 'object',
      properties: {
        encoding: nullableString,
        delimiter: nullableString,
        header_line: { type: ['integer', 'null'] },
        decimal: { type: 'string', enum: ['.', ','] },
        date_format: nullableString,
        date_format_ambiguous: { type: 'boolean' },
      },
    },
    rejects: {
      type: 'object',
      description: 'By reject reason: how many rows, their first line numbers and one message.',
      additionalProperties: {
        type: 'object',
        properties: {
          count,
          first_lines: { type: 'array', items: count },
          example: { type: 'string' },
        },
      },
    },
    line_label: { type: 'string' },
    warnings: { type: 'array', items: { type: 'string' } },
    seconds: { type: 'number' },
  },
} as const;

const loadIdParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 1 } },
  required: ['id'],
} as const;

export const loadRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/loads',
    {
      schema: {
        tags: ['ingest'],
        summary: 'Every load into the workspace, newest first',
        querystring: { type: 'object', properties: { format: formatParam } },
        response: {
          200: { type: 'object', properties: { loads: { type: 'array', items: rowSchema } } },
          ...errors(400),
        },
      },
    },
    async (request, reply) => {
      const { format } = request.query;
      const result = await ctx.data.read(async (ws) =>
        format === 'json'
          ? { loads: await ws.all(LOADS_SQL) }
          : { file: await writeTable(ws, ctx.uploads, LOADS_SQL, [], format) },
      );
      return result.file ? sendTable(reply, result.file, 'loads') : result;
    },
  );

  app.get(
    '/api/loads/:id',
    {
      schema: {
        tags: ['ingest'],
        summary: 'The report of one load (as `clientele ingest --json` printed it)',
        params: loadIdParams,
        response: { 200: loadReportSchema, ...errors(400, 404) },
      },
    },
    async (request) =>
      ctx.data.read(async (ws) => {
        await requireLoad(ws, request.params.id);
        return loadReport(ws, request.params.id);
      }),
  );

  app.get(
    '/api/loads/:id/rejects',
    {
      schema: {
        tags: ['ingest'],
        summary: 'The rows a load rejected, with their source line numbers and reasons',
        params: loadIdParams,
        querystring: {
          type: 'object',
          properties: { limit: limitParam(10_000, 100), offset: offsetParam, format: formatParam },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              load_id: { type: 'integer' },
              line_label: {
                type: 'string',
                description:
                  "What `line` counts: a file's line, row or record; 'value' for a table linked in ClickHouse, whose rejected lines are known by their values (`raw`).",
              },
              total: { type: 'integer' },
              rows: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    line: { type: 'integer' },
                    reason: { type: 'string' },
                    message: { type: 'string' },
                    column: { type: ['string', 'null'] },
                    raw: { type: ['string', 'null'] },
                  },
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
      const { limit, offset, format } = request.query;
      const result = await ctx.data.read(async (ws) => {
        await requireLoad(ws, id);
        if (format !== 'json')
          return { file: await writeTable(ws, ctx.uploads, REJECTS_SQL, [id], format), page: null };
        return { file: null, page: await rejectsPage(ws, id, limit, offset) };
      });
      return result.file ? sendTable(reply, result.file, `load-${id}-rejects`) : result.page;
    },
  );
};
