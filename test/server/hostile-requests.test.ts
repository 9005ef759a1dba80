import { existsSync, readdirSync } from 'node:fs';
import { once } from 'node:events';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_TRIES_PER_MINUTE } from '../../src/server/routes/session.js';
import { AUTH, expectError, form, json, startServer, TOKEN, type TestServer } from './helpers.js';

// Requests a careless or hostile client may send to a real server (Fastify's inject, the full stack of hooks):
// file names that try to leave the upload folder, token guessing at the sign-in, and the headers every answer
// carries.

/** An absolute path a client might send as the file name (in the temp folder, never written to). */
const ABSOLUTE = join(tmpdir(), 'clientele-absolute-upload', 'sales.csv');
const SALES = 'customer,date,amount\nA,2024-01-05,10\nB,2024-01-06,20\n';
let s: TestServer;

beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await s?.cleanup();
});

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('upload file names', () => {
  const names = [
    '../../../../etc/passwd.csv',
    ABSOLUTE,
    '..\\..\\windows\\sales.csv',
    'a"b<c>|d?*:e.csv',
    '.hidden.csv',
    '  спорт; продажи ☃.csv',
    `${'x'.repeat(300)}.csv`,
  ];
  for (const name of names) {
    it(`keeps ${JSON.stringify(name.slice(0, 40))} inside the upload folder, with a safe name`, async () => {
      const before = new Set(filesUnder(dirname(s.workspacePath)));
      const r = await s.app.inject({
        method: 'POST',
        url: '/api/ingest/preview',
        headers: AUTH,
        payload: form({}, { name, content: SALES }),
      });
      expect(r.statusCode, r.body).toBe(200);
      const preview = json<{ file: string; columns: string[] }>(r);
      expect(preview.columns).toEqual(['customer', 'date', 'amount']);
      expect(preview.file).not.toMatch(/[/\\]|^\.|[<>:"|?*]/);
      expect(preview.file.length).toBeLessThanOrEqual(120);
      expect(preview.file.endsWith('.csv')).toBe(true);
      const added = filesUnder(dirname(s.workspacePath)).filter((f) => !before.has(f));
      expect(added.length).toBeGreaterThan(0);
      for (const file of added)
        expect(file.startsWith(join(dirname(s.workspacePath), '.clientele-uploads'))).toBe(true);
      expect(existsSync(ABSOLUTE)).toBe(false);
    });
  }
});

describe('an upload aborted half-way', () => {
  it('leaves no file and no load behind', async () => {
    await s.app.listen({ port: 0, host: '127.0.0.1' });
    const address = s.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const uploads = join(dirname(s.workspacePath), '.clientele-uploads');
    const before = new Set(filesUnder(uploads));
    const boundary = 'clientele-test-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    socket.write(
      `POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${50 * 2 ** 20}\r\n\r\n${head}`,
    );
    // About 2 MB of the promised 50 MB, then the connection drops.
    const chunk = `${'customer,date,amount\n'}${'A,2024-01-05,10\n'.repeat(2 ** 17)}`;
    socket.write(chunk);
    // The upload is being written (its file exists) when the connection drops: the abort lands mid-upload.
    let started = false;
    for (let i = 0; i < 100 && !started; i++) {
      await new Promise((r) => setTimeout(r, 50));
      started = filesUnder(uploads).some((f) => !before.has(f));
    }
    expect(started).toBe(true);
    socket.destroy();
    // The server notices the closed connection; give it a moment, then nothing of the upload may remain.
    let left: string[] = [];
    for (let i = 0; i < 50; i++) {
      await new Promise((r) => setTimeout(r, 100));
      left = filesUnder(uploads).filter((f) => !before.has(f));
      if (left.length === 0) break;
    }
    expect(left).toEqual([]);
    const loads = await s.app.inject({ url: '/api/loads', headers: AUTH });
    expect(json<{ loads: unknown[] }>(loads).loads).toEqual([]);
    const jobs = await s.app.inject({ url: '/api/jobs', headers: AUTH });
    expect(json<{ jobs: unknown[] }>(jobs).jobs).toEqual([]);
  });
});

describe('the sign-in', () => {
  it(`answers 429 after ${SIGN_IN_TRIES_PER_MINUTE} tries a minute from one address, and then refuses even the right token`, async () => {
    const tryToken = (token: string) =>
      s.app.inject({ method: 'POST', url: '/api/session', payload: { token }, remoteAddress: '10.0.0.7' });
    for (let i = 0; i < SIGN_IN_TRIES_PER_MINUTE; i++) {
      expectError(await tryToken(`wrong-token-${i}`), 401, /not valid/);
    }
    const limited = await tryToken(TOKEN);
    expectError(limited, 429, /too many/i);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not slowed down by the first one's guesses.
    const other = await s.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { token: TOKEN },
      remoteAddress: '10.0.0.8',
    });
    expect(other.statusCode).toBe(200);
    expect(String(other.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
  });
});

describe('security headers', () => {
  for (const url of ['/', '/api/status', '/api/health', '/api/nothing-here']) {
    it(`are on the answer to ${url}`, async () => {
      const r = await s.app.inject({ url, headers: AUTH });
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(String(r.headers['content-security-policy'])).toMatch(
        /default-src 'self'.*frame-ancestors 'none'/,
      );
      expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
    });
  }
});
