import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Workspace } from '../../src/db/workspace.js';
import { createServer } from '../../src/server/create-server.js';
import { tempDir } from '../helpers/workspace.js';
import { AUTH, TOKEN, expectError, json, startServer, type TestServer } from './helpers.js';

const PROTECTED = [
  '/api/status',
  '/api/metrics',
  '/api/profile',
  '/api/profile/summary',
  '/api/overview/monthly',
  '/api/customers/1',
  '/api/customers/1/sales',
  '/api/loads',
  '/api/loads/1',
  '/api/loads/1/rejects',
  '/api/jobs',
  '/api/jobs/x',
  '/api/nothing-here',
  '/docs',
  '/docs/json',
];

let s: TestServer;
let webRoot: string;
let removeWebRoot: () => void;
beforeAll(async () => {
  const { dir, cleanup } = tempDir('clientele-web-');
  removeWebRoot = cleanup;
  webRoot = join(dir, 'web');
  mkdirSync(join(webRoot, 'assets'), { recursive: true });
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(webRoot, 'assets', 'app-123.js'), 'console.log(1)');
  s = await startServer({ webRoot });
});
afterAll(async () => {
  await s.cleanup();
  removeWebRoot();
});

describe('authentication', () => {
  it('answers /api/health without a token', async () => {
    const r = await s.app.inject({ url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(json(r)).toMatchObject({ ok: true });
  });

  it('answers 401 with a message on every other endpoint without a token', async () => {
    for (const url of PROTECTED) {
      const r = await s.app.inject({ url });
      expectError(r, 401, /Bearer/);
      expect(r.headers['www-authenticate']).toBe('Bearer');
    }
    for (const url of ['/api/ingest', '/api/ingest/preview']) {
      expectError(await s.app.inject({ method: 'POST', url }), 401);
    }
  });

  it('answers 401 to a wrong or malformed Authorization header', async () => {
    for (const authorization of [`Bearer ${TOKEN}x`, TOKEN, 'Bearer', `Basic ${TOKEN}`]) {
      expectError(await s.app.inject({ url: '/api/status', headers: { authorization } }), 401);
    }
  });

  it('answers with the right bearer token', async () => {
    for (const url of ['/api/status', '/api/metrics', '/api/loads', '/api/jobs', '/docs/json']) {
      const r = await s.app.inject({ url, headers: AUTH });
      expect(r.statusCode, url).toBe(200);
    }
    expect((await s.app.inject({ url: '/docs', headers: AUTH })).statusCode).toBeLessThan(400);
  });

  it('signs a browser in from /?token= with an HttpOnly SameSite=Strict cookie and a redirect without the token', async () => {
    const r = await s.app.inject({ url: `/?token=${TOKEN}` });
    expect(r.statusCode).toBe(302);
    expect(r.headers['location']).toBe('/');
    const cookie = String(r.headers['set-cookie']);
    expect(cookie).toMatch(/^clientele_session=[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(';')[0] ?? '';
    const status = await s.app.inject({ url: '/api/status', headers: { cookie: session } });
    expect(status.statusCode).toBe(200);
    expect(json(await s.app.inject({ url: '/api/session', headers: { cookie: session } }))).toEqual({
      authenticated: true,
    });
    const deeper = await s.app.inject({ url: `/customers/7?token=${TOKEN}&x=1` });
    expect(deeper.headers['location']).toBe('/customers/7?x=1');
  });

  it('does not sign in from a wrong token in the address, and says so', async () => {
    const r = await s.app.inject({ url: '/?token=wrong' });
    expect(r.statusCode).toBe(302);
    expect(r.headers['location']).toBe('/?signin=failed');
    expect(r.headers['set-cookie']).toBeUndefined();
    expectError(
      await s.app.inject({ url: '/api/status', headers: { cookie: 'clientele_session=forged' } }),
      401,
    );
  });

  it('signs in and out with the form endpoint', async () => {
    expect(json(await s.app.inject({ url: '/api/session' }))).toEqual({ authenticated: false });
    expectError(
      await s.app.inject({ method: 'POST', url: '/api/session', payload: { token: 'nope' } }),
      401,
      /not valid/,
    );
    expectError(await s.app.inject({ method: 'POST', url: '/api/session', payload: {} }), 400, /token/);
    const ok = await s.app.inject({ method: 'POST', url: '/api/session', payload: { token: TOKEN } });
    expect(ok.statusCode).toBe(200);
    expect(String(ok.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const out = await s.app.inject({ method: 'DELETE', url: '/api/session' });
    expect(String(out.headers['set-cookie'])).toMatch(/Max-Age=0/);
  });
});

describe('the web app', () => {
  it('serves index.html with a content security policy, and for app paths (SPA fallback)', async () => {
    for (const url of ['/', '/customers', '/customers/42', '/data']) {
      const r = await s.app.inject({ url });
      expect(r.statusCode, url).toBe(200);
      expect(r.body).toContain('<title>app</title>');
      expect(r.headers['content-security-policy']).toMatch(/script-src 'self'/);
    }
    const asset = await s.app.inject({ url: '/assets/app-123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
  });

  it('answers 404 JSON for missing files and unknown API paths', async () => {
    expectError(await s.app.inject({ url: '/assets/missing.js' }), 404);
    expectError(await s.app.inject({ url: '/api/nothing-here', headers: AUTH }), 404, /nothing-here/);
  });
});

describe('the token', () => {
  const saved = process.env['CLIENTELE_TOKEN'];
  afterEach(() => {
    if (saved === undefined) delete process.env['CLIENTELE_TOKEN'];
    else process.env['CLIENTELE_TOKEN'] = saved;
  });

  it('is generated at first start, stored in the workspace, and kept at the next start', async () => {
    delete process.env['CLIENTELE_TOKEN'];
    const { dir, cleanup } = tempDir();
    const workspacePath = join(dir, 'ws.duckdb');
    const first = await createServer({ workspacePath });
    expect(first.tokenCreated).toBe(true);
    expect(first.token).toMatch(/^[\w-]{40,}$/);
    await first.close();
    const ws = await Workspace.open(workspacePath);
    expect(await ws.scalar(`SELECT value FROM meta WHERE key = 'api_token'`)).toBe(first.token);
    ws.close();
    const second = await createServer({ workspacePath });
    expect(second.tokenCreated).toBe(false);
    expect(second.token).toBe(first.token);
    await second.close();
    const reset = await createServer({ workspacePath, resetToken: true });
    expect(reset.tokenCreated).toBe(true);
    expect(reset.token).not.toBe(first.token);
    await reset.close();
    cleanup();
  });

  it('comes from CLIENTELE_TOKEN when set, which must be long enough', async () => {
    const { dir, cleanup } = tempDir();
    process.env['CLIENTELE_TOKEN'] = 'from-the-environment-123';
    const server = await createServer({ workspacePath: join(dir, 'ws.duckdb') });
    expect(server.token).toBe('from-the-environment-123');
    expect(server.tokenCreated).toBe(false);
    await server.close();
    process.env['CLIENTELE_TOKEN'] = 'short';
    await expect(createServer({ workspacePath: join(dir, 'ws.duckdb') })).rejects.toThrow(/at least 16/);
    cleanup();
  });
});

describe('logs', () => {
  it('hold method, route, status and duration only: no ids, searches or tokens', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const logged = await startServer({ logger: true, logStream: stream });
    await logged.app.inject({ url: '/api/customers/secret-customer-42', headers: AUTH });
    await logged.app.inject({ url: '/api/profile?search=Ivanova', headers: AUTH });
    await logged.app.inject({ url: `/?token=${TOKEN}` });
    await logged.app.inject({ url: '/api/status', headers: AUTH });
    await logged.cleanup();
    const text = lines.join('\n');
    for (const secret of ['secret-customer-42', 'Ivanova', TOKEN]) expect(text).not.toContain(secret);
    const requests = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l['msg'] === 'request');
    expect(requests).toHaveLength(4);
    expect(requests[0]).toMatchObject({ method: 'GET', route: '/api/customers/:id', status: 404 });
    for (const r of requests) expect(typeof r['ms']).toBe('number');
  });
});
