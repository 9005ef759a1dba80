import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/load.js';
import { DATA } from '../helpers/workspace.js';
import { AUTH, startServer, type TestServer } from './helpers.js';

// A command line run on a workspace that `clientele serve` holds (DuckDB allows one writing process): one
// sentence saying so, exit code 2, and the server goes on serving.

const BIN = new URL('../../bin/clientele.js', import.meta.url).pathname;
let s: TestServer;

beforeAll(async () => {
  s = await startServer({}, async (ws) => {
    await ingestFile(ws, `${DATA}cdnow/cdnowElog.csv`);
  });
});
afterAll(async () => {
  await s?.cleanup();
});

describe('a workspace held by the server', () => {
  for (const args of [['status'], ['analyze'], ['ingest', `${DATA}cdnow/cdnowElog.csv`]]) {
    it(`makes \`clientele ${args[0]}\` in another process say so in one sentence`, () => {
      const r = spawnSync(process.execPath, [BIN, ...args, '--workspace', s.workspacePath], {
        encoding: 'utf8',
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        /^clientele: The workspace .*ws\.duckdb is in use by another Clientele process \(DuckDB allows one writer\)\. Close it and try again\.\n$/,
      );
    });
  }

  it('keeps serving meanwhile', async () => {
    const r = await s.app.inject({
      url: '/api/status',
      headers: AUTH,
    });
    expect(r.statusCode).toBe(200);
    expect((JSON.parse(r.body) as { tables: Record<string, number> }).tables['sales']).toBe(6919);
  });
});
