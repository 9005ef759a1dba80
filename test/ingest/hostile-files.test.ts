import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/db/workspace.js';
import { cli } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';
import { zip } from '../helpers/zip.js';

// Broken and hostile files through the command line: each one either stops with exit code 2 and one sentence
// (no stack trace, the workspace as it was), or loads with every row accounted for
// (rows_read = rows_accepted + rows_rejected) and its text read as written.

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup?.());

let n = 0;
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

interface Report {
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
  rejects: Record<string, { count: number }>;
}

/** Ingests into a new workspace; returns the exit code, the parsed report or the error, and the workspace. */
async function ingest(
  path: string,
): Promise<{ code: number; report?: Report; err: string; workspace: string }> {
  const workspace = join(dir, `ws-${n++}.duckdb`);
  const r = await cli('ingest', path, '--workspace', workspace, '--json');
  return {
    code: r.code,
    err: r.err,
    workspace,
    ...(r.code === 0 ? { report: JSON.parse(r.out) as Report } : {}),
  };
}

async function customers(workspace: string): Promise<string[]> {
  const ws = await Workspace.open(workspace, { readOnly: true });
  try {
    return (await ws.all<{ c: string }>(`SELECT DISTINCT customer_id AS c FROM sales ORDER BY c`)).map(
      (r) => r.c,
    );
  } finally {
    ws.close();
  }
}

function accounted(report: Report | undefined): void {
  expect(report).toBeDefined();
  expect(report!.rows_read).toBe(report!.rows_accepted + report!.rows_rejected);
}

function oneSentence(err: string): void {
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/\bat .*\.(js|ts):\d+|internal error/);
}

describe('broken and hostile files', () => {
  it('an unterminated quote at the end: the last row is rejected with its reason', async () => {
    const r = await ingest(
      file('unterminated.csv', 'customer,date,amount\nA,2024-01-05,10\nB,2024-01-06,"20\n'),
    );
    accounted(r.report);
    expect(r.report!.rows_accepted).toBe(1);
    expect(r.report!.rows_rejected).toBe(1);
  });

  it('UTF-8 where the detection looks and Windows-1251 after it: read, nothing dropped', async () => {
    const head = Array.from({ length: 3000 }, (_, i) => `C${i};2024-01-05;10\n`).join('');
    const r = await ingest(
      file(
        'mixed.csv',
        Buffer.concat([
          Buffer.from(`customer;date;amount\n${head}`),
          iconv.encode('Иванов;2024-01-06;20\n', 'windows-1251'),
        ]),
      ),
    );
    accounted(r.report);
    expect(r.report!.rows_read).toBe(3001);
    expect(await customers(r.workspace)).toContain('Иванов');
  });

  it('UTF-16 without a byte-order mark: read as UTF-16', async () => {
    const r = await ingest(
      file(
        'utf16.csv',
        iconv.encode('customer;date;amount\nАнна;2024-01-05;10\nБорис;2024-01-06;20\n', 'utf-16le'),
      ),
    );
    accounted(r.report);
    expect(r.report!.rows_accepted).toBe(2);
    expect(await customers(r.workspace)).toEqual(['Анна', 'Борис']);
  });

  it('a header with no rows: loaded, nothing read', async () => {
    const r = await ingest(file('header-only.csv', 'customer,date,amount\n'));
    accounted(r.report);
    expect(r.report!.rows_read).toBe(0);
  });

  it('two columns with the same header: both kept apart, one mapped', async () => {
    const r = await ingest(file('twice.csv', 'customer,date,amount,amount\nA,2024-01-05,10,11\n'));
    accounted(r.report);
    expect(r.report!.rows_accepted).toBe(1);
  });

  it('a line of 1 MB: loaded', async () => {
    const r = await ingest(
      file(
        'long.csv',
        `customer,date,amount,note\nA,2024-01-05,10,${'x'.repeat(1 << 20)}\nB,2024-01-06,20,y\n`,
      ),
    );
    accounted(r.report);
    expect(r.report!.rows_accepted).toBe(2);
  });

  it('NUL bytes: refused as binary, in one sentence', async () => {
    const r = await ingest(
      file('nul.csv', Buffer.from('customer,date,amount\nA,2024-01-05,10\nB\0,2024-01-06,20\n')),
    );
    expect(r.code).toBe(2);
    oneSentence(r.err);
    expect(r.err).toMatch(/binary data/);
  });

  it('an old .xls workbook: refused with what to do', async () => {
    const r = await ingest(
      file('old.xls', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)])),
    );
    expect(r.code).toBe(2);
    oneSentence(r.err);
    expect(r.err).toMatch(/old Excel \.xls workbook\. Save it as \.xlsx or CSV/);
  });

  it('an .xlsx whose sheet would expand a thousand times (a zip bomb): refused before it is expanded', async () => {
    const sheet = Buffer.alloc(200 * 2 ** 20, ' ');
    const bomb = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ]);
    expect(bomb.length).toBeLessThan(2 ** 20);
    const r = await ingest(file('bomb.xlsx', bomb));
    expect(r.code).toBe(2);
    oneSentence(r.err);
    expect(r.err).toMatch(
      /xl\/worksheets\/sheet1\.xml would expand from [\d,]+ to 209,715,200 bytes.*zip bomb/,
    );
  });

  it('a customer whose total overflows the money type: analyze says so in one sentence, nothing changes', async () => {
    const lines = Array.from(
      { length: 11_200 },
      (_, i) => `A,2024-01-${String((i % 28) + 1).padStart(2, '0')},9999999999999\n`,
    );
    const r = await ingest(file('huge.csv', `customer,date,amount\n${lines.join('')}`));
    accounted(r.report);
    const analyzed = await cli('analyze', '--workspace', r.workspace);
    expect(analyzed.code).toBe(2);
    oneSentence(analyzed.err);
    expect(analyzed.err).toMatch(/does not fit Clientele's money type/);
    const status = await cli('status', '--workspace', r.workspace, '--json');
    expect(status.code).toBe(0);
    expect((JSON.parse(status.out) as { tables: Record<string, number> }).tables['sales']).toBe(11_200);
  });
});
