import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobQueue } from '../../src/server/jobs.js';
import { DATA } from '../helpers/workspace.js';
import { AUTH, form, ingest, json, startServer, type JobBody, type TestServer } from './helpers.js';

/** The server's job queue, on a clock the test moves (milliseconds). */
let now = 0;
const jobs = new JobQueue(() => now);
let s: TestServer;
beforeAll(async () => {
  s = await startServer({ jobs });
});
afterAll(async () => {
  await s.cleanup();
});

async function jobAt(id: string): Promise<JobBody> {
  const r = await s.app.inject({ url: `/api/jobs/${id}`, headers: AUTH });
  expect(r.statusCode, r.body).toBe(200);
  return json<JobBody>(r);
}

describe("a job's progress through the API", () => {
  it('carries the unit, the time elapsed since the job started and the estimated time left', async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    now = 5_000;
    const job = jobs.submit('predict', 'predictions as of 2025-12-31', async (control) => {
      control.started();
      control.progress({ phase: 'snapshots', done: 0, total: 24, unit: 'snapshots' });
      now = 80_000;
      control.progress({ phase: 'snapshots', done: 6, total: 24, unit: 'snapshots' });
      await gate;
      now = 305_000;
      return { snapshots: 24 };
    });
    // Started at 5 s: 75 s for 6 snapshots is 12.5 s each, so 18 more take 225 s.
    const running = await jobAt(job.id);
    expect(running.state).toBe('running');
    expect(running.progress).toEqual({
      phase: 'snapshots',
      done: 6,
      total: 24,
      unit: 'snapshots',
      elapsed_s: 75,
      eta_s: 225,
    });
    const listed = json<{ jobs: JobBody[] }>(await s.app.inject({ url: '/api/jobs', headers: AUTH }));
    expect(listed.jobs.find((j) => j.id === job.id)?.progress).toEqual(running.progress);
    release();
    await expect.poll(async () => (await jobAt(job.id)).state).toBe('done');
    expect((await jobAt(job.id)).progress).toEqual({
      phase: 'snapshots',
      done: 24,
      total: 24,
      unit: 'snapshots',
      elapsed_s: 300,
      eta_s: 0,
    });
  });

  it('a load reports what it counts, in its own phases, to the end', async () => {
    const job = await ingest(s.app, form({}, join(DATA, 'cdnow/cdnowElog.csv')));
    expect(job.state).toBe('done');
    expect(job.progress).toMatchObject({ phase: 'checking', done: 1, total: 1, unit: 'steps', eta_s: 0 });
    expect(job.progress.elapsed_s).toBeGreaterThanOrEqual(0);
  });
});
