import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { Workspace } from '../../src/db/workspace.js';
import { createServer, type Server, type ServerOptions } from '../../src/server/create-server.js';
import { tempDir } from '../helpers/workspace.js';

export const TOKEN = 'test-token-0123456789abcdef';
export const AUTH = { authorization: `Bearer ${TOKEN}` };

export interface TestServer extends Server {
  dir: string;
  workspacePath: string;
  cleanup(): Promise<void>;
}

/** A server over a fresh workspace in its own temp folder; `prepare` fills the workspace before it starts. */
export async function startServer(
  options: Partial<ServerOptions> = {},
  prepare?: (ws: Workspace, dir: string) => Promise<void>,
): Promise<TestServer> {
  const { dir, cleanup } = tempDir('clientele-server-');
  const workspacePath = join(dir, 'ws.duckdb');
  if (prepare) {
    const ws = await Workspace.open(workspacePath);
    try {
      await prepare(ws, dir);
    } finally {
      ws.close();
    }
  }
  const server = await createServer({ workspacePath, token: TOKEN, ...options });
  return {
    ...server,
    dir,
    workspacePath,
    cleanup: async () => {
      await server.close();
      cleanup();
    },
  };
}

/** A multipart body: the text fields, and the file (a path, or a name and its content) in the field `file`. */
export function form(
  fields: Record<string, string>,
  file?: string | { name: string; content: string | Buffer },
): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  if (typeof file === 'string') data.set('file', new Blob([readFileSync(file)]), basename(file));
  else if (file) data.set('file', new Blob([file.content]), file.name);
  return data;
}

export function json<T = Record<string, unknown>>(response: LightMyRequestResponse): T {
  return JSON.parse(response.body) as T;
}

/** Expects a 4xx with `{ error }` whose message matches. */
export function expectError(response: LightMyRequestResponse, status: number, message?: RegExp): void {
  expect(response.statusCode, response.body).toBe(status);
  const body = json<{ error: unknown }>(response);
  expect(typeof body.error).toBe('string');
  if (message) expect(body.error).toMatch(message);
}

export interface JobBody {
  id: string;
  state: string;
  progress: {
    phase: string;
    done: number;
    total: number;
    unit?: string;
    elapsed_s?: number;
    eta_s?: number;
  };
  result: Record<string, unknown> | null;
  error: string | null;
}

/** Posts to /api/ingest and polls the job until it is done or failed. */
export async function ingest(app: FastifyInstance, payload: FormData): Promise<JobBody> {
  const started = await app.inject({ method: 'POST', url: '/api/ingest', headers: AUTH, payload });
  expect(started.statusCode, started.body).toBe(202);
  const { job_id: id } = json<{ job_id: string }>(started);
  expect(started.headers['location']).toBe(`/api/jobs/${id}`);
  return waitForJob(app, id);
}

export async function waitForJob(app: FastifyInstance, id: string): Promise<JobBody> {
  for (let i = 0; i < 600; i++) {
    const r = await app.inject({ url: `/api/jobs/${id}`, headers: AUTH });
    expect(r.statusCode).toBe(200);
    const job = json<JobBody>(r);
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} did not finish`);
}
