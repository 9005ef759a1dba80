import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spillFolder } from '../../src/db/spill.js';
import { Random } from '../../src/demo/random.js';
import { Workspace } from '../../src/db/workspace.js';
import { ingestFile } from '../../src/ingest/load.js';
import { createServer } from '../../src/server/create-server.js';
import { freePort } from '../helpers/ports.js';
import { DATA } from '../helpers/workspace.js';

// Kills at any moment: a real `clientele` process is killed (SIGKILL) while it works, at a point chosen from its
// own progress events (CLIENTELE_PROGRESS_EVENTS=1), so the kill provably lands in the middle of the work.
// After each kill: the workspace opens, every stored table is exactly as before the command, the dead
// process's spill folder is gone after the next start, and the same command then succeeds.
// The default run kills each command once; CLIENTELE_TEST_LONG=1 kills each 20 times at seeded event numbers.
// The server is killed once while an upload is being written.

const BIN = new URL('../../bin/clientele.js', import.meta.url).pathname;
const FILE = `${DATA}online_retail/online_retail.csv`;
const LONG = process.env['CLIENTELE_TEST_LONG'] === '1';
const KILLS = LONG ? 20 : 1;

let dir: string;
let loaded: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clientele-kill-'));
  loaded = join(dir, 'loaded.duckdb');
  const ws = await Workspace.open(loaded);
  try {
    await ingestFile(ws, FILE);
    await ws.run('CHECKPOINT');
  } finally {
    ws.close();
  }
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every stored table by name: its row count and a hash of all its rows. */
async function digest(path: string): Promise<Record<string, string>> {
  const db = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
  const c = await db.connect();
  try {
    const names = (
      await c.runAndReadAll(
        `SELECT table_name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main' ORDER BY 1`,
      )
    )
      .getRows()
      .map((r) => String(r[0]));
    const out: Record<string, string> = {};
    for (const name of names) {
      const r = await c.runAndReadAll(
        `SELECT count(*)::VARCHAR || ':' || coalesce(sum(hash(t))::VARCHAR, '0') FROM "${name.replaceAll('"', '""')}" t`,
      );
      out[name] = String(r.getRows()[0]?.[0]);
    }
    return out;
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** Runs the command; kills it at its `at`-th progress event that `when` accepts. Resolves with how it ended. */
function runAndKill(
  args: string[],
  when: (event: { phase: string; done: number; total: number }) => boolean,
  at: number,
): Promise<{ pid: number; signal: NodeJS.Signals | null; code: number | null; events: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, CLIENTELE_PROGRESS_EVENTS: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let seen = 0;
    let events = 0;
    createInterface({ input: child.stderr }).on('line', (line) => {
      if (!line.startsWith('progress ')) return;
      events++;
      const event = JSON.parse(line.slice('progress '.length)) as {
        phase: string;
        done: number;
        total: number;
      };
      if (when(event) && ++seen === at) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ pid: child.pid!, signal, code, events }));
  });
}

interface Case {
  command: string;
  args: (workspace: string) => string[];
  /** The workspace the command starts from: 'empty' or the one with Online Retail loaded. */
  from: 'empty' | 'loaded';
  /** Which progress events are inside the work (the command has not committed yet). */
  when: (e: { phase: string; done: number; total: number }) => boolean;
  /** How many such events a run emits (the seeded kills pick one of them). */
  events: number;
}

const CASES: Case[] = [
  {
    command: 'ingest',
    args: (w) => ['ingest', FILE, '--workspace', w],
    from: 'empty',
    when: (e) => e.phase === 'reading' || (e.phase === 'loading' && e.done < e.total),
    events: 8,
  },
  {
    command: 'analyze',
    args: (w) => ['analyze', '--workspace', w],
    from: 'loaded',
    when: (e) => e.phase === 'sales' || (e.phase === 'months' && e.done < e.total),
    events: 10,
  },
  {
    command: 'predict',
    args: (w) => ['predict', '--workspace', w],
    from: 'loaded',
    when: (e) => e.phase === 'fitting' && e.done < e.total,
    events: 1,
  },
  {
    command: 'recommend',
    args: (w) => ['recommend', '--workspace', w],
    from: 'loaded',
    when: (e) => e.phase === 'recommending' && e.done < e.total,
    events: 1,
  },
];

describe('kills at any moment of a command', () => {
  for (const c of CASES) {
    it(`${c.command}: ${KILLS} kill(s) mid-work, each leaving the workspace as it was; then it succeeds`, async () => {
      // Seeded, so the long run kills at the same points every time.
      const random = new Random(20261208, c.command.length);
      let killed = 0;
      for (let k = 0; k < KILLS; k++) {
        const workspace = join(dir, `${c.command}-${k}.duckdb`);
        if (c.from === 'loaded') copyFileSync(loaded, workspace);
        const before = c.from === 'loaded' ? await digest(workspace) : {};
        const at = KILLS === 1 ? Math.ceil(c.events / 2) : 1 + random.int(c.events);
        const run = await runAndKill(c.args(workspace), c.when, at);
        expect(run.signal, `${c.command} ended by itself after ${run.events} events`).toBe('SIGKILL');
        killed++;
        if (c.from === 'loaded' || existsSync(workspace)) {
          // Opening it (as the next command would) must work and must bring back exactly what was there.
          const ws = await Workspace.open(workspace);
          ws.close();
          const after = await digest(workspace);
          if (c.from === 'loaded') expect(after).toEqual(before);
          else
            for (const [name, rows] of Object.entries(after))
              if (name !== 'meta') expect(rows, name).toBe('0:0');
        }
        expect(existsSync(join(spillFolder(workspace), String(run.pid)))).toBe(false);
      }
      expect(killed).toBe(KILLS);
      // The same command then succeeds on the last workspace.
      const workspace = join(dir, `${c.command}-${KILLS - 1}.duckdb`);
      const again = await new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...c.args(workspace)], { stdio: 'ignore' });
        child.on('exit', (code) => resolve(code));
      });
      expect(again).toBe(0);
    });
  }
});

describe('a kill of the server in the middle of an upload', () => {
  it('leaves no upload file once the server starts again, and the workspace as it was', async () => {
    const workspace = join(dir, 'served.duckdb');
    copyFileSync(loaded, workspace);
    const before = await digest(workspace);
    const uploads = join(dir, '.clientele-uploads');
    const token = 'kill-test-token-0123456789';
    const port = await freePort();
    const server = spawn(process.execPath, [BIN, 'serve', '--workspace', workspace, '--port', String(port)], {
      env: { ...process.env, CLIENTELE_TOKEN: token },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      server.on('exit', (_code, signal) => resolve(signal)),
    );
    for (let i = 0; i < 200; i++) {
      if (
        await fetch(`http://127.0.0.1:${port}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // An upload that promises 50 MB and sends 2 MB; the server is killed while its file is being written.
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.on('error', () => undefined);
    const boundary = 'kill-test-boundary';
    socket.write(
      `POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${50 * 2 ** 20}\r\n\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n` +
        `customer,date,amount\n${'A,2024-01-05,10\n'.repeat(2 ** 17)}`,
    );
    let writing = false;
    for (let i = 0; i < 200 && !writing; i++) {
      await new Promise((r) => setTimeout(r, 50));
      writing =
        existsSync(uploads) &&
        readdirSync(uploads, { recursive: true, withFileTypes: true }).some((e) => e.isFile());
    }
    expect(writing).toBe(true);
    server.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    socket.destroy();
    // The next start of the server (here in-process, on the same workspace) removes what the dead one left.
    const again = await createServer({ workspacePath: workspace, token });
    try {
      const left = readdirSync(uploads, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(left).toEqual([]);
    } finally {
      await again.close();
    }
    expect(await digest(workspace)).toEqual(before);
  });
});
