import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { ingestFile } from '../../src/ingest/load.js';
import { DATA } from '../helpers/workspace.js';
import { AUTH, json, startServer, waitForJob, type JobBody, type TestServer } from './helpers.js';

// Several clients at once on a real server over Online Retail: jobs submitted together never interleave, and
// readers that poll while an analysis publishes its results see the old results or the new ones, never a mix.

let s: TestServer;
beforeAll(async () => {
  s = await startServer({}, async (ws) => {
    await ingestFile(ws, `${DATA}online_retail/online_retail.csv`);
    await analyze(ws, { months: 3 });
  });
}, 300_000);
afterAll(async () => {
  await s?.cleanup();
});

interface Structure {
  as_of: string;
  snapshots: { month?: string; as_of?: string; snapshot?: string }[];
}

async function structure(): Promise<{ status: number; body: Structure }> {
  const r = await s.app.inject({ url: '/api/structure', headers: AUTH });
  return { status: r.statusCode, body: json<Structure>(r) };
}

async function submit(url: string, payload: object): Promise<string> {
  const r = await s.app.inject({ method: 'POST', url, headers: AUTH, payload });
  expect(r.statusCode, r.body).toBe(202);
  return json<{ job_id: string }>(r).job_id;
}

describe('concurrent clients', () => {
  it('readers during an analysis see the old snapshots or the new ones, never a mix', async () => {
    const before = await structure();
    expect(before.status).toBe(200);
    const oldCount = before.body.snapshots.length;
    const id = await submit('/api/analyze', { months: 12 });
    const seen = new Map<number, number>();
    let done = false;
    const finished = waitForJob(s.app, id).then((job) => {
      done = true;
      return job;
    });
    while (!done) {
      const r = await structure();
      expect(r.status).toBe(200);
      const n = r.body.snapshots.length;
      seen.set(n, (seen.get(n) ?? 0) + 1);
      expect(r.body.as_of).toBe(before.body.as_of);
    }
    const job = await finished;
    expect(job.state, job.error ?? '').toBe('done');
    const after = await structure();
    const newCount = after.body.snapshots.length;
    expect(newCount).toBeGreaterThan(oldCount);
    expect([...seen.keys()].every((n) => n === oldCount || n === newCount)).toBe(true);
    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(1);
  });

  it('two jobs submitted together run one after the other', async () => {
    const [a, b] = await Promise.all([submit('/api/analyze', { months: 6 }), submit('/api/predict', {})]);
    const [ja, jb] = await Promise.all([waitForJob(s.app, a), waitForJob(s.app, b)]);
    expect(ja.state, ja.error ?? '').toBe('done');
    expect(jb.state, jb.error ?? '').toBe('done');
    const span = (j: JobBody): [number, number] => [
      Date.parse(String((j as unknown as { started_at: string }).started_at)),
      Date.parse(String((j as unknown as { finished_at: string }).finished_at)),
    ];
    const [sa, fa] = span(ja);
    const [sb, fb] = span(jb);
    expect(fa <= sb || fb <= sa).toBe(true);
  });
});
