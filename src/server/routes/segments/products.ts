import type { DuckDBValue } from '@duckdb/node-api';
import { PRODUCT_COLUMNS, productsMatrix, segmentSummary } from '../../../analyze/index.js';
import { isInputError } from '../../../errors.js';
import { resolveAsOf } from '../../../profile/index.js';
import { DEFAULT_ABC_XYZ } from '../../../segments/index.js';
import { analysisSnapshot } from '../../analysis-snapshot.js';
import { ApiError } from '../../api-error.js';
import type { RouteModule } from '../../context.js';
import { sendTable, writeTable } from '../../downloads.js';
import { paretoSql, ProductsCache } from './products-table.js';
import { rowsQuery } from '../../rows-query.js';
import {
  asOfParam,
  errors,
  formatParam,
  limitParam,
  nullableNumber,
  nullableString,
  offsetParam,
  rowSchema,
} from '../../schemas.js';

const PRODUCT_TABLES = ['products', 'matrix', 'customer_matrix'] as const;

interface MatrixCell {
  abc: string;
  xyz: string | null;
  count: number;
  revenue: number;
  count_share: number | null;
  revenue_share: number | null;
}

const matrixSchema = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      abc: { type: 'string' },
      xyz: nullableString,
      count: { type: 'integer', description: 'Products (or customers) in the cell.' },
      revenue: { type: 'number' },
      count_share: nullableNumber,
      revenue_share: nullableNumber,
    },
  },
} as const;

/** The ABC × XYZ cells that have members, with their shares of all members and of the (positive) total revenue. */
function withShares(
  cells: { abc: string; xyz: string | null; count: number; revenue: number | null }[],
): MatrixCell[] {
  const count = cells.reduce((s, c) => s + c.count, 0);
  const revenue = cells.reduce((s, c) => s + (c.revenue ?? 0), 0);
  return cells.map((c) => ({
    abc: c.abc,
    xyz: c.xyz,
    count: c.count,
    revenue: c.revenue ?? 0,
    count_share: count > 0 ? c.count / count : null,
    revenue_share: revenue > 0 ? (c.revenue ?? 0) / revenue : null,
  }));
}

function matrixDownload(cells: MatrixCell[]) {
  return rowsQuery(
    [
      { name: 'abc', type: 'VARCHAR' },
      { name: 'xyz', type: 'VARCHAR' },
      { name: 'count', type: 'INTEGER' },
      { name: 'count_share', type: 'DOUBLE' },
      { name: 'revenue', type: 'DOUBLE' },
      { name: 'revenue_share', type: 'DOUBLE' },
    ],
    cells,
  );
}

/** `YYYY-MM` of the first of the 12 months that end with the as-of month. */
function windowStart(asOf: string): string {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 7);
}

export const productRoutes: RouteModule = (app, ctx) => {
  const cache = new ProductsCache();
  app.get(
    '/api/products',
    {
      schema: {
        tags: ['segments'],
        summary:
          'Products over the 12 months to the as-of date: ABC, XYZ, the ABC-XYZ matrix and the Pareto curve',
        description:
          'Per SKU (what `clientele products` computes): net revenue, quantity, months with sales, ABC by revenue ' +
          '(80/15/5 %), coefficient of variation of monthly quantity and XYZ (≤ 10 %, ≤ 25 %, above), category. ' +
          "With the 9-cell matrix for products and for customers (the customers' classes at the analysis snapshot; " +
          'null with a message when there is no analysis). format=csv|xlsx downloads `table`.',
        querystring: {
          type: 'object',
          properties: {
            as_of: asOfParam,
            limit: limitParam(1000, 50),
            offset: offsetParam,
            abc: { type: 'string', enum: ['A', 'B', 'C'], description: 'Keep one ABC class in the table.' },
            xyz: {
              type: 'string',
              enum: ['X', 'Y', 'Z', 'none'],
              description: 'Keep one XYZ class (none: no sales).',
            },
            exclude: {
              type: 'string',
              maxLength: 4000,
              description: 'SKUs that are not products (postage, fees…), comma-separated.',
            },
            table: {
              type: 'string',
              enum: PRODUCT_TABLES,
              default: 'products',
              description: 'What a download holds.',
            },
            format: formatParam,
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              as_of: { type: 'string' },
              from_month: { type: 'string', description: 'The first of the 12 months (YYYY-MM).' },
              excluded: { type: 'array', items: { type: 'string' } },
              thresholds: {
                type: 'object',
                properties: {
                  a: { type: 'number' },
                  b: { type: 'number' },
                  x: { type: 'number' },
                  y: { type: 'number' },
                },
              },
              products: { type: 'integer' },
              revenue: { type: 'number' },
              quantity: { type: 'number' },
              matrix: matrixSchema,
              pareto: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    rank: { type: 'integer' },
                    sku_share: { type: 'number' },
                    revenue_share: nullableNumber,
                  },
                },
              },
              customers: {
                anyOf: [
                  {
                    type: 'object',
                    properties: {
                      as_of: { type: 'string' },
                      month: { type: 'string' },
                      matrix: matrixSchema,
                    },
                  },
                  { type: 'null' },
                ],
              },
              customers_error: nullableString,
              total: { type: 'integer', description: 'Rows of the (filtered) table.' },
              limit: { type: 'integer' },
              offset: { type: 'integer' },
              rows: { type: 'array', items: rowSchema },
            },
          },
          ...errors(400),
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const exclude = (q.exclude ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const where: string[] = [];
      const params: string[] = [];
      if (q.abc) {
        params.push(q.abc);
        where.push(`abc = $${params.length}`);
      }
      if (q.xyz === 'none') where.push('xyz IS NULL');
      else if (q.xyz) {
        params.push(q.xyz);
        where.push(`xyz = $${params.length}`);
      }
      const result = await ctx.data.read(async (ws) => {
        const asOf = await resolveAsOf(ws, q.as_of);
        const table = await cache.at(ws, asOf, exclude);
        const filtered = `SELECT ${PRODUCT_COLUMNS}, rank
          FROM ${table} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY rank`;
        const matrix = async () =>
          withShares(
            (await productsMatrix(ws, `SELECT * FROM ${table}`, [])).map((c) => ({
              ...c,
              count: c.products,
            })),
          );
        const customers = async () => {
          try {
            const snap = await analysisSnapshot(ws, asOf);
            const summary = await segmentSummary(ws, snap.as_of);
            const cells = withShares(summary.abc_xyz.map((c) => ({ ...c, count: c.customers })));
            return { value: { as_of: snap.as_of, month: snap.month, matrix: cells }, error: null };
          } catch (error) {
            if (error instanceof ApiError || isInputError(error))
              return { value: null, error: error.message };
            throw error;
          }
        };
        if (q.format !== 'json') {
          let download: { sql: string; params: readonly DuckDBValue[] } = {
            sql: filtered,
            params,
          };
          if (q.table === 'matrix') download = matrixDownload(await matrix());
          if (q.table === 'customer_matrix') {
            const c = await customers();
            if (!c.value) throw new ApiError(409, c.error);
            download = matrixDownload(c.value.matrix);
          }
          return { asOf, file: await writeTable(ws, ctx.uploads, download.sql, download.params, q.format) };
        }
        const totals = await ws.one<{ products: number; revenue: number | null; quantity: number | null }>(
          `SELECT count(*) AS products, sum(revenue) AS revenue, sum(quantity) AS quantity FROM ${table}`,
        );
        return {
          file: null,
          asOf,
          totals,
          matrix: await matrix(),
          pareto: await ws.all(paretoSql(table)),
          customers: await customers(),
          total: Number(await ws.scalar(`SELECT count(*) FROM (${filtered})`, params)),
          rows: await ws.all(`${filtered} LIMIT ${q.limit} OFFSET ${q.offset}`, params),
        };
      });
      if (result.file) return sendTable(reply, result.file, `${q.table}-${result.asOf}`);
      return {
        as_of: result.asOf,
        from_month: windowStart(result.asOf),
        excluded: exclude,
        thresholds: DEFAULT_ABC_XYZ,
        products: result.totals?.products ?? 0,
        revenue: result.totals?.revenue ?? 0,
        quantity: result.totals?.quantity ?? 0,
        matrix: result.matrix,
        pareto: result.pareto,
        customers: result.customers.value,
        customers_error: result.customers.error,
        total: result.total,
        limit: q.limit,
        offset: q.offset,
        rows: result.rows,
      };
    },
  );
};
