import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { DATA } from '../helpers/workspace.js';

// A full disk, for real: the workspace (and its spill folder beside it) on a 6 MB tmpfs mounted by the test
// (CI runs as root). Loading more than fits and analyzing on the full disk each stop with one sentence; the
// workspace keeps what it had and still opens.

let mountPoint: string;
let workspace: string;

beforeAll(() => {
  mountPoint = mkdtempSync(join(tmpdir(), 'clientele-full-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint]);
  workspace = join(mountPoint, 'ws.duckdb');
});

afterAll(() => {
  if (!mountPoint) return;
  try {
    execFileSync('umount', [mountPoint]);
  } finally {
    rmSync(mountPoint, { recursive: true, force: true });
  }
});

async function holds(): Promise<{ sales: number; loads: number }> {
  const r = await cli('status', '--workspace', workspace, '--json');
  expect(r.code).toBe(0);
  const status = JSON.parse(r.out) as { tables: Record<string, number>; loads: unknown[] };
  return { sales: status.tables['sales']!, loads: status.loads.length };
}

describe('a full disk', () => {
  it('loads what fits', async () => {
    const r = await cli('ingest', join(DATA, 'cdnow/cdnowElog.csv'), '--workspace', workspace);
    expect(r.code).toBe(0);
    expect(await holds()).toMatchObject({ sales: 6919, loads: 1 });
  });

  it('stops a load that does not fit with one sentence, and keeps what was there', async () => {
    const r = await cli('ingest', join(DATA, 'online_retail/online_retail.csv'), '--workspace', workspace);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/Out of disk: .*The workspace was left as it was\./);
    expect(await holds()).toMatchObject({ sales: 6919, loads: 1 });
  });

  it('stops an analysis on the full disk with one sentence, and the workspace still opens', async () => {
    const fill = join(mountPoint, 'filler');
    execFileSync('sh', ['-c', `dd if=/dev/zero of=${fill} bs=64k 2>/dev/null || true`]);
    const r = await cli('analyze', '--workspace', workspace);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(
      /Out of disk: the disk that holds the workspace \(.*clientele-full-disk-.*\) is full/,
    );
    rmSync(fill, { force: true });
    expect(await holds()).toMatchObject({ sales: 6919, loads: 1 });
  });
});
