import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workspace } from '../../src/db/workspace.js';
import { ingestSource, type LinkReport } from '../../src/ingest/index.js';
import { ingestFile } from '../../src/ingest/load.js';
import { profileSql } from '../../src/profile/profile-sql.js';
import { workspaceStatus } from '../../src/db/workspace-status.js';
import { createServer } from '../../src/server/create-server.js';
import { createShardedTable, startCluster, type TestCluster } from '../helpers/clickhouse-cluster.js';
import { cli } from '../helpers/cli.js';
import { parseCsv } from '../helpers/csv.js';
import { ONE_C_LINES, writeOneC } from '../helpers/fixtures.js';
import { DATA, tempWorkspace } from '../helpers/workspace.js';

// A real two-shard ClickHouse cluster (Debian's clickhouse-server 18.16, started by the test on loopback ports)
// holding the same lines as a file: the linked workspace must hold exactly the lines the file ingest accepts,
// with the same load report, and everything computed from them (the profile) must be identical.

const FILE = `${DATA}online_retail/online_retail.csv`;
const RETAIL_COLUMNS =
  'InvoiceNo String, StockCode String, Description String, Quantity Int32, InvoiceDate DateTime, UnitPrice Float64, CustomerID String, Country String';

let cluster: TestCluster;
let address: (table: string, user?: string) => string;

beforeAll(async () => {
  cluster = await startCluster();
  address = (table, user = 'analyst') =>
    `clickhouse://${user}@127.0.0.1:${cluster.httpPorts[0]}/retail/${table}`;
  process.env['CLIENTELE_CLICKHOUSE_PASSWORD'] = 'secret';
  await createShardedTable(cluster, 'retail', 'sales', RETAIL_COLUMNS, 'CustomerID', 'InvoiceDate');
  const csv = readFileSync(FILE, 'utf8');
  await cluster.query(`INSERT INTO retail.sales FORMAT CSVWithNames`, 0, csv);
}, 300_000);

afterAll(async () => {
  await cluster?.stop();
});

/** The lines of a workspace, every column but the load, in one order. */
async function lines(ws: Workspace): Promise<string[]> {
  const rows = await ws.all<Record<string, unknown>>(
    `SELECT customer_id, order_id, strftime(ts, '%Y-%m-%d %H:%M:%S') AS ts, CAST(amount AS VARCHAR) AS amount,
            quantity, sku, store, channel, CAST(cost AS VARCHAR) AS cost
     FROM sales ORDER BY ALL`,
  );
  return rows.map((r) => JSON.stringify(r));
}

describe('a workspace linked to a ClickHouse table (Online Retail on two shards)', () => {
  let file: Awaited<ReturnType<typeof tempWorkspace>>;
  let linked: Awaited<ReturnType<typeof tempWorkspace>>;
  let report: LinkReport;

  beforeAll(async () => {
    file = await tempWorkspace();
    linked = await tempWorkspace();
    await ingestFile(file.ws, FILE);
    report = (await ingestSource(linked.ws, address('sales'))) as LinkReport;
  }, 300_000);

  afterAll(() => {
    file?.cleanup();
    linked?.cleanup();
  });

  it('reports what the file ingest reports, and one load per month', async () => {
    const fileReport = await ingestFile(file.ws, FILE);
    for (const key of [
      'rows_read',
      'rows_accepted',
      'rows_rejected',
      'rows_anonymous',
      'rows_returns',
      'duplicate_lines',
      'customers',
      'date_min',
      'date_max',
      'mapping',
    ] as const) {
      expect(report[key], key).toEqual(fileReport[key]);
    }
    // The README of the data set: 541,909 lines from 2010-12-01 to 2011-12-09, 4,372 customers.
    expect(report.rows_read).toBe(541_909);
    expect(report.customers).toBe(4372);
    expect(report.months.loaded).toHaveLength(13);
    expect(report.months.loaded[0]).toBe('2010-12');
    expect(report.bytes_transferred).toBeGreaterThan(0);
    expect(report.already_loaded).toBe(false);
  });

  it('holds exactly the lines of the file ingest', async () => {
    expect(await lines(linked.ws)).toEqual(await lines(file.ws));
  });

  it('gives the same profile of every customer', async () => {
    const sql = `SELECT * FROM (${profileSql()}) ORDER BY customer_id`;
    const fromLink = await linked.ws.all(sql, ['2011-12-09']);
    expect(fromLink.length).toBeGreaterThan(4000);
    expect(fromLink).toEqual(await file.ws.all(sql, ['2011-12-09']));
  });

  it('shows the source and its mapping in the status', async () => {
    const status = await workspaceStatus(linked.ws);
    expect(status.linked?.source).toBe(address('sales'));
    expect(status.linked?.mapping['customer_id']).toBe('CustomerID');
    expect(status.linked?.months).toBe(13);
    expect((await workspaceStatus(file.ws)).linked).toBeNull();
  });

  it('refuses sales files into the linked workspace, and another table', async () => {
    await expect(ingestSource(linked.ws, FILE)).rejects.toThrow(/sales live in clickhouse:\/\//);
    await expect(ingestSource(linked.ws, address('other'))).rejects.toThrow(/is linked to/);
    await expect(ingestSource(file.ws, address('sales'))).rejects.toThrow(/sales loaded from files/);
  });

  it('shows the source on the API status (the Data page)', async () => {
    linked.ws.close();
    const server = await createServer({ workspacePath: linked.path, token: 'link-token-0123456789' });
    try {
      const r = await server.app.inject({
        url: '/api/status',
        headers: { authorization: 'Bearer link-token-0123456789' },
      });
      expect(r.statusCode).toBe(200);
      const body = JSON.parse(r.body) as {
        linked: { source: string; months: number; mapping: Record<string, string> };
      };
      expect(body.linked.source).toBe(address('sales'));
      expect(body.linked.months).toBe(13);
      expect(body.linked.mapping['ts']).toBe('InvoiceDate');
    } finally {
      await server.close();
    }
  });
});

describe('bringing a link up to date', () => {
  it('transfers only new and changed months, and then equals a fresh link', async () => {
    await createShardedTable(cluster, 'retail', 'grow', RETAIL_COLUMNS, 'CustomerID', 'InvoiceDate');
    await cluster.query(
      `INSERT INTO retail.grow SELECT * FROM retail.sales WHERE InvoiceDate < toDateTime('2011-11-01 00:00:00')`,
    );
    const ws = await tempWorkspace();
    const fresh = await tempWorkspace();
    try {
      const first = (await ingestSource(ws.ws, address('grow'))) as LinkReport;
      expect(first.months.loaded).toHaveLength(11);
      const again = (await ingestSource(ws.ws, address('grow'))) as LinkReport;
      expect(again.already_loaded).toBe(true);
      expect(again.months).toEqual({ loaded: [], reloaded: [], removed: [], unchanged: 11 });
      expect(again.bytes_transferred).toBe(0);

      // One more month arrives, and one line of March 2011 changes its quantity.
      await cluster.query(
        `INSERT INTO retail.grow SELECT * FROM retail.sales WHERE InvoiceDate >= toDateTime('2011-11-01 00:00:00')`,
      );
      await cluster.query(
        `INSERT INTO retail.grow VALUES ('999999', '85123A', 'LATE LINE', 3, toDateTime('2011-03-15 10:00:00'), 2.55, '17850.0', 'United Kingdom')`,
      );
      const next = (await ingestSource(ws.ws, address('grow'))) as LinkReport;
      expect(next.months.loaded).toEqual(['2011-11', '2011-12']);
      expect(next.months.reloaded).toEqual(['2011-03']);
      expect(next.months.unchanged).toBe(10);
      expect(next.rows_read).toBe(541_910);

      await ingestSource(fresh.ws, address('grow'));
      expect(await lines(ws.ws)).toEqual(await lines(fresh.ws));
      expect(Number(await ws.ws.scalar(`SELECT count(*) FROM loads`))).toBe(13);
    } finally {
      ws.cleanup();
      fresh.cleanup();
    }
  });
});

describe('a 1C export stored as text columns', () => {
  it('is checked by the same rules as the file: the same accepted lines and reasons', async () => {
    await cluster.query(`CREATE DATABASE IF NOT EXISTS onec`);
    await cluster.query(
      'CREATE TABLE onec.sales (`Дата` String, `Номер чека` String, `Код карты` String, `Артикул` String, `Количество` String, `Цена` String, `Сумма` String) ENGINE = MergeTree ORDER BY tuple()',
    );
    // The records of the file (lines 4–15), without the one with six fields: a table has no such rows.
    const records = [4, 5, 7, 8, 9, 11, 13, 14, 15].map((n) =>
      n === 11 ? `${ONE_C_LINES[10]}\r\n${ONE_C_LINES[11]}` : ONE_C_LINES[n - 1]!,
    );
    const fields = records.map((r) => parseCsv(r, ';')[0]!);
    const tsv = fields
      .map((f) =>
        f
          .map((v) =>
            v
              .replaceAll('\\', '\\\\')
              .replaceAll('\n', '\\n')
              .replaceAll('\r', '\\r')
              .replaceAll('\t', '\\t'),
          )
          .join('\t'),
      )
      .join('\n');
    await cluster.query(`INSERT INTO onec.sales FORMAT TabSeparated`, 0, `${tsv}\n`);

    const fileWs = await tempWorkspace();
    const linkedWs = await tempWorkspace();
    try {
      const fromFile = await ingestFile(fileWs.ws, writeOneC(fileWs.dir));
      const fromLink = (await ingestSource(
        linkedWs.ws,
        `clickhouse://analyst@127.0.0.1:${cluster.httpPorts[0]}/onec/sales`,
      )) as LinkReport;
      expect(fromLink.months.loaded).toEqual(['all']);
      expect(fromLink.rows_accepted).toBe(fromFile.rows_accepted);
      expect(fromLink.rows_anonymous).toBe(fromFile.rows_anonymous);
      expect(fromLink.rows_returns).toBe(fromFile.rows_returns);
      expect(fromLink.detected.date_format).toBe('dd.mm.yyyy');
      expect(fromLink.detected.decimal).toBe(',');
      const { field_count, ...sameRules } = fromFile.rejects;
      expect(field_count?.count).toBe(1);
      expect(Object.fromEntries(Object.entries(fromLink.rejects).map(([k, v]) => [k, v.count]))).toEqual(
        Object.fromEntries(Object.entries(sameRules).map(([k, v]) => [k, v.count])),
      );
      expect(fromLink.rows_rejected).toBe(fromFile.rows_rejected - 1);
      expect(await lines(linkedWs.ws)).toEqual(await lines(fileWs.ws));
      // A table's lines have no numbers: `clientele rejects` names them by their values.
      linkedWs.ws.close();
      const listed = await cli('rejects', '--workspace', linkedWs.path);
      expect(listed.code).toBe(0);
      expect(listed.out).toMatch(/reason +message +values/);
      expect(listed.out).toMatch(/bad_date +.*31\.02\.2024 12:00:00,Ч-004,100235/);
      expect(listed.out).toMatch(/bad_amount +.*abc/);
    } finally {
      fileWs.cleanup();
      linkedWs.cleanup();
    }
  });
});
