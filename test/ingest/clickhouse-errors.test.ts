import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chIdent, chString } from '../../src/ingest/clickhouse/quote.js';
import { parseClickHouseUrl } from '../../src/ingest/clickhouse/target.js';
import { createShardedTable, startCluster, type TestCluster } from '../helpers/clickhouse-cluster.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

// Connection problems against real ClickHouse servers (Debian's clickhouse-server 18.16, two shards started by
// the test): each is one sentence on the CLI with exit code 2, and the workspace is left as it was.

let cluster: TestCluster;
let dir: string;
let cleanup: () => void;
let workspace: string;
let empty: string;
const at = (path: string, user = 'analyst'): string =>
  `clickhouse://${user}@127.0.0.1:${cluster.httpPorts[0]}/${path}`;

beforeAll(async () => {
  cluster = await startCluster();
  ({ dir, cleanup } = tempDir());
  workspace = join(dir, 'ws.duckdb');
  empty = join(dir, 'empty.duckdb');
  process.env['CLIENTELE_CLICKHOUSE_PASSWORD'] = 'secret';
  await createShardedTable(
    cluster,
    'shop',
    'sales',
    'card String, at DateTime, total Float64, note String',
    'card',
  );
  const rows = Array.from(
    { length: 2000 },
    (_, i) => `c${i % 50}\t2024-0${1 + (i % 3)}-1${i % 10} 10:00:00\t${(i % 7) + 0.5}\tx`,
  );
  await cluster.query(`INSERT INTO shop.sales FORMAT TabSeparated`, 0, `${rows.join('\n')}\n`);
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
  cleanup?.();
});

async function ingest(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return cli('ingest', ...args, '--workspace', workspace, '--json');
}

async function loads(path: string): Promise<unknown> {
  return (JSON.parse((await cli('status', '--workspace', path, '--json')).out) as { loads: unknown }).loads;
}

describe('quoting for ClickHouse (no server-side parameters on 18.16)', () => {
  it('round-trips any text as a literal and as a name through the real server', async () => {
    const nasty = [
      "it's",
      'back\\slash',
      'quote`name',
      'new\nline',
      'tab\there',
      "'; DROP TABLE x; --",
      'Код карты',
    ];
    for (const text of nasty) {
      const answer = await cluster.query(`SELECT ${chString(text)} AS v FORMAT JSONEachRow`);
      expect((JSON.parse(answer) as { v: string }).v).toBe(text);
      const named = await cluster.query(`SELECT 1 AS ${chIdent(text)} FORMAT JSONEachRow`);
      expect(Object.keys(JSON.parse(named) as object)).toEqual([text]);
    }
  });

  it('reads the address: user, host, port, database, table; never a password in it', () => {
    const t = parseClickHouseUrl('clickhouse://analyst@dwh.example/retail/sales', {
      ssl: true,
      password: 'p',
    });
    expect(t).toMatchObject({
      url: 'https://dwh.example:8443',
      username: 'analyst',
      database: 'retail',
      table: 'sales',
    });
    expect(parseClickHouseUrl('clickhouse://dwh:9000/a/b').url).toBe('http://dwh:9000');
    expect(() => parseClickHouseUrl('clickhouse://u:pw@dwh/a/b')).toThrow(/must not contain the password/);
    expect(() => parseClickHouseUrl('clickhouse://dwh/a')).toThrow(/database and the table/);
  });
});

describe('one sentence for each connection problem, exit code 2, workspace unchanged', () => {
  it('links a good table (the baseline the failures are compared with)', async () => {
    const r = await ingest(at('shop/sales'), '--map', 'customer_id=card,ts=at,amount=total');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { rows_accepted: number; months: { loaded: string[] } };
    expect(report.rows_accepted).toBe(2000);
    expect(report.months.loaded).toEqual(['2024-01', '2024-02', '2024-03']);
  });

  const cases: [string, () => string[], RegExp][] = [
    [
      'a wrong password',
      () => [at('shop/sales', 'nobody')],
      /refused user "nobody": wrong user name or password/,
    ],
    ['an unknown database', () => [at('nowhere/sales')], /has no database "nowhere"/],
    ['an unknown table', () => [at('shop/missing')], /database "shop" of .* has no table or view "missing"/],
    [
      'a mapped column that is missing',
      () => [at('shop/sales'), '--map', 'customer_id=card,ts=when,amount=total'],
      /--map ts=when: the file has no column "when"/,
    ],
    [
      'a mapped column of the wrong type',
      () => [at('shop/sales'), '--map', 'customer_id=card,ts=total,amount=total'],
      /Column "total" of shop\.sales .* has type Float64; ts needs a Date, a DateTime or text/,
    ],
    [
      'a query the server refused',
      () => [at('shop/sales', 'limited'), '--map', 'customer_id=card,ts=at,amount=total'],
      /refused the query: Limit for rows .* exceeded/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(`says so for ${what}`, async () => {
      const r = await cli('ingest', ...args(), '--workspace', empty, '--json');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).not.toMatch(/secret|at .*\.js|Error:/);
      expect(await loads(empty)).toEqual([]);
    });
  }

  it('refuses another table for a linked workspace, whatever the user', async () => {
    const r = await ingest(at('shop/other'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /This workspace is linked to clickhouse:\/\/.*\/shop\/sales; link .* in a new workspace\./,
    );
  });

  it('says so for a stopped server, and leaves the linked workspace and no temporary file', async () => {
    const before = await loads(workspace);
    await cluster.stopShard(0);
    const r = await ingest(at('shop/sales'), '--map', 'customer_id=card,ts=at,amount=total');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot be reached \(the connection was refused\)/);
    expect(await loads(workspace)).toEqual(before);
    expect(existsSync(join(dir, '.clientele-tmp'))).toBe(false);
  });
});
