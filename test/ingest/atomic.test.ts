import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { writeText } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/workspace.js';

const BIN = new URL('../../bin/clientele.js', import.meta.url).pathname;
const LINES = 3_000_000;

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

async function writeBig(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write('order_id,customer_id,date,amount\n');
  for (let i = 0; i < LINES; i += 10_000) {
    let chunk = '';
    for (let j = i; j < i + 10_000; j++)
      chunk += `${j},C${j % 50_000},2024-0${1 + (j % 9)}-1${j % 10} 10:00:00,${(j % 997) / 10}\n`;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function counts(path: string): Promise<{ loads: number; sales: number; rejects: number }> {
  const ws = await Workspace.open(path);
  try {
    return {
      loads: Number(await ws.scalar('SELECT count(*) FROM loads')),
      sales: Number(await ws.scalar('SELECT count(*) FROM sales')),
      rejects: Number(await ws.scalar('SELECT count(*) FROM rejects')),
    };
  } finally {
    ws.close();
  }
}

describe('a load is atomic', () => {
  it('a transaction that fails changes nothing', async () => {
    const path = join(dir, 'tx.duckdb');
    const ws = await Workspace.open(path);
    try {
      await ingestFile(ws, writeText(dir, 'small.csv', 'customer,date,amount\nA,2024-01-01,5\n'));
      await expect(
        ws.transaction(async () => {
          await ws.run(`INSERT INTO rejects VALUES (1, 1, 'x', 'x', NULL, NULL)`);
          await ws.run(`DELETE FROM loads`);
          throw new Error('disk full');
        }),
      ).rejects.toThrow('disk full');
      expect(await ws.scalar('SELECT count(*) FROM sales')).toBe(1);
      expect(await ws.scalar('SELECT count(*) FROM loads')).toBe(1);
      expect(await ws.scalar('SELECT count(*) FROM rejects')).toBe(0);
    } finally {
      ws.close();
    }
  });

  it('a process killed in the middle of a load leaves the workspace as before, and the load can be redone', async () => {
    const path = join(dir, 'kill.duckdb');
    const ws = await Workspace.open(path);
    await ingestFile(
      ws,
      writeText(dir, 'first.csv', 'customer,date,amount\nA,2024-01-01,5\nB,2024-01-02,6\n'),
    );
    ws.close();
    const big = join(dir, 'big.csv');
    await writeBig(big);
    const child = spawn(process.execPath, [BIN, 'ingest', big, '--workspace', path], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGKILL');
    await once(child, 'exit');
    const after = await counts(path);
    // All or nothing: either the first load only, or both loads complete.
    expect([
      { loads: 1, sales: 2, rejects: 0 },
      { loads: 2, sales: 2 + LINES, rejects: 0 },
    ]).toContainEqual(after);
    const ws2 = await Workspace.open(path);
    try {
      const again = await ingestFile(ws2, big);
      expect(again.rows_accepted).toBe(LINES);
      expect(Number(await ws2.scalar('SELECT count(*) FROM sales'))).toBe(2 + LINES);
    } finally {
      ws2.close();
    }
  });
});
