import {
  SEGMENT_COLUMNS_SQL,
  SEGMENT_KINDS,
  segmentSummary,
  type SegmentKind,
  snapshotSource,
} from '../../../analyze/index.js';
import { ident } from '../../../db/index.js';
import { InputError } from '../../../errors.js';
import { RFM_SEGMENTS, isStage, STAGES } from '../../../segments/index.js';
import { analysisSnapshot } from '../../analysis-snapshot.js';
import type { RouteModule } from '../../context.js';
import { sendTable, writeTable } from '../../downloads.js';
import {
  asOfParam,
  errors,
  formatParam,
  limitParam,
  nullableNumber,
  offsetParam,
  rowSchema,
  type TableFormat,
} from '../../schemas.js';
import { VALUE_LABELS, valueLabelsSchema } from './labels.js';

interface SegmentsQuery {
  kind: SegmentKind;
  segment?: string;
  stage?: string;
  as_of?: string;
  limit: number;
  offset: number;
  sort: string;
  order: 'asc' | 'desc';
  format: TableFormat;
}

/** The stored column each kind's `segment` filters on, and its values (`none`: no XYZ class, no revenue). */
const SEGMENT_FILTERS: Record<Exclude<SegmentKind, 'all'>, { column: string; values: readonly string[] }> = {
  rfm: { column: 'rfm_segment', values: RFM_SEGMENTS },
  abc: { column: 'abc', values: ['A', 'B', 'C'] },
  xyz: { column: 'xyz', values: ['X', 'Y', 'Z', 'none'] },
  lifecycle: { column: 'stage', values: STAGES },
};

/** Which counts of `segmentSummary` each kind answers with. */
const KIND_COUNTS: Record<SegmentKind, readonly ('rfm' | 'stage' | 'abc' | 'xyz' | 'abc_xyz')[]> = {
  rfm: ['rfm'],
  abc: ['abc', 'abc_xyz'],
  xyz: ['xyz', 'abc_xyz'],
  lifecycle: ['stage'],
  all: ['rfm', 'stage', 'abc', 'xyz', 'abc_xyz'],
};

const SEGMENT_COLUMNS = SEGMENT_COLUMNS_SQL.split(',').map((c) => c.trim());
const CONTACT_COLUMNS = ['name', 'email', 'phone'];

const countSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      value: { type: ['string', 'null'] },
      customers: { type: 'integer' },
      revenue: nullableNumber,
    },
  },
} as const;

/** `WHERE` conditions and their parameters after the snapshot id ($1); bad names are an InputError. */
function filters(q: SegmentsQuery): { where: string[]; params: string[] } {
  const where: string[] = [];
  const params: string[] = [];
  if (q.segment !== undefined) {
    if (q.kind === 'all') {
      throw new InputError(
        `segment needs kind=${Object.keys(SEGMENT_FILTERS).join('|')} to say which segmentation "${q.segment}" is from.`,
      );
    }
    const f = SEGMENT_FILTERS[q.kind];
    if (!f.values.includes(q.segment)) {
      throw new InputError(
        `segment "${q.segment}" is not a ${q.kind} segment; use one of: ${f.values.join(', ')}.`,
      );
    }
    if (q.segment === 'none') where.push(`cs.${ident(f.column)} IS NULL`);
    else {
      params.push(q.segment);
      where.push(`CAST(cs.${ident(f.column)} AS VARCHAR) = $${params.length + 1}`);
    }
  }
  if (q.stage !== undefined) {
    const stages = q.stage.split(',').map((s) => s.trim());
    const bad = stages.find((s) => !isStage(s));
    if (bad !== undefined) {
      throw new InputError(`stage "${bad}" is not a lifecycle stage; use one of: ${STAGES.join(', ')}.`);
    }
    where.push(
      `CAST(cs.stage AS VARCHAR) IN (${stages.map((s) => {
        params.push(s);
        return `$${params.length + 1}`;
      })})`,
    );
  }
  return { where, params };
}

export const segmentCustomerRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/api/segments',
    {
      schema: {
        tags: ['segments'],
        summary:
          'Customers with their segments at an analysis snapshot (RFM, ABC/XYZ, lifecycle stage, rhythm)',
        description:
          'One row per customer: R, F, M scores, RFM segment, ABC and XYZ class, lifecycle stage, purchase rhythm, ' +
          'with name, e-mail and phone from the customers file, for a CRM. `segment` keeps one segment of `kind`; ' +
          '`stage` keeps stages (comma-separated). The counts per segment of `kind` come with the page. ' +
          'With format=csv|xlsx the whole filtered table is downloaded. 409 when there is no analysis.',
        querystring: {
          type: 'object',
          properties: {
            kind: {
              type: 'string',
              enum: SEGMENT_KINDS,
              default: 'all',
              description: 'The segmentation that `segment` names and whose counts come back.',
            },
            segment: {
              type: 'string',
              maxLength: 100,
              description: `An RFM segment (${RFM_SEGMENTS.join(', ')}), A|B|C, X|Y|Z|none, or a stage.`,
            },
            stage: {
              type: 'string',
              maxLength: 200,
              description: `Stages, comma-separated: ${STAGES.join(', ')}.`,
            },
            as_of: {
              ...asOfParam,
              description:
                'A snapshot date or month (YYYY-MM); another date reads the latest snapshot before it (default: the latest).',
            },
            limit: limitParam(1000, 50),
            offset: offsetParam,
            sort: {
              type: 'string',
              enum: [...SEGMENT_COLUMNS, ...CONTACT_COLUMNS],
              default: 'revenue_12m',
            },
            order: { type: 'string', enum: ['asc', 'desc'], default: 'desc' },
            format: formatParam,
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              as_of: { type: 'string', description: 'The snapshot read.' },
              month: { type: 'string' },
              kind: { type: 'string' },
              segment: { type: ['string', 'null'] },
              stages: { type: ['array', 'null'], items: { type: 'string' } },
              total: { type: 'integer' },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
              sort: { type: 'string' },
              order: { type: 'string' },
              columns: { type: 'array', items: { type: 'string' } },
              rows: { type: 'array', items: rowSchema },
              counts: {
                type: 'object',
                description: 'Customers and 12-month net revenue per segment of `kind` at the snapshot.',
                properties: {
                  rfm: countSchema,
                  stage: countSchema,
                  abc: countSchema,
                  xyz: countSchema,
                  abc_xyz: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        abc: { type: 'string' },
                        xyz: { type: ['string', 'null'] },
                        customers: { type: 'integer' },
                        revenue: nullableNumber,
                      },
                    },
                  },
                },
              },
              thresholds: { type: 'object', additionalProperties: nullableNumber },
              labels: valueLabelsSchema,
            },
          },
          ...errors(400, 409),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const { where, params } = filters(q);
      const result = await ctx.data.read(async (ws) => {
        const snap = await analysisSnapshot(ws, q.as_of);
        const all = [snap.snapshot_id, ...params];
        const conditions = ['cs.snapshot_id = $1', ...where].join(' AND ');
        const base = `SELECT ${SEGMENT_COLUMNS_SQL} FROM customer_snapshots cs WHERE ${conditions}`;
        const order = `ORDER BY ${ident(q.sort)} ${q.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, customer_id`;
        const contacts = (rows: string) =>
          `SELECT s.*, ${CONTACT_COLUMNS.map((c) => `cu.${c}`).join(', ')}
           FROM (${rows}) s LEFT JOIN customers cu USING (customer_id) ${order}`;
        const sql = contacts(base);
        const cut = `LIMIT ${q.limit} OFFSET ${q.offset}`;
        // A page sorted by the segment's own columns is cut reading the sort column alone; only its customers'
        // rows are then read and joined to the contacts.
        const page = CONTACT_COLUMNS.includes(q.sort)
          ? `${sql} ${cut}`
          : contacts(
              `SELECT ${SEGMENT_COLUMNS_SQL} FROM customer_snapshots cs WHERE cs.snapshot_id = $1
               AND customer_id IN (SELECT customer_id FROM customer_snapshots cs WHERE ${conditions} ${order} ${cut})`,
            );
        if (q.format !== 'json') return { snap, file: await writeTable(ws, ctx.uploads, sql, all, q.format) };
        const summary = await segmentSummary(ws, snap.as_of);
        const src = await snapshotSource(ws);
        return {
          file: null,
          snap,
          summary,
          total: Number(await ws.scalar(`SELECT ${src.count} FROM ${src.from} cs WHERE ${conditions}`, all)),
          rows: await ws.all(page, all),
        };
      });
      const name = ['segments', q.segment ?? q.kind, result.snap.as_of].join('-');
      if (result.file) return sendTable(reply, result.file, name);
      const { snap, summary } = result;
      return {
        as_of: snap.as_of,
        month: snap.month,
        kind: q.kind,
        segment: q.segment ?? null,
        stages: q.stage?.split(',').map((s) => s.trim()) ?? null,
        total: result.total,
        limit: q.limit,
        offset: q.offset,
        sort: q.sort,
        order: q.order,
        columns: [...SEGMENT_COLUMNS, ...CONTACT_COLUMNS],
        rows: result.rows,
        counts: Object.fromEntries(KIND_COUNTS[q.kind].map((k) => [k, summary[k]])),
        thresholds: summary.thresholds,
        labels: VALUE_LABELS,
      };
    },
  );
};
