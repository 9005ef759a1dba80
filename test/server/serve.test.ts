import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContext } from '../../src/cli/context.js';
import { registerServe, serve } from '../../src/cli/commands/serve.js';
import { tempDir } from '../helpers/workspace.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

/** Runs `serve` until `use` is done with the printed text, then stops it. */
async function serving(workspacePath: string, use: (out: string) => Promise<void>): Promise<string> {
  let out = '';
  let stop = (): void => undefined;
  let printed = (): void => undefined;
  const ready = new Promise<void>((resolve) => (printed = resolve));
  const io = {
    out: (t: string) => {
      out += t;
      printed();
    },
    err: (t: string) => void (out += t),
    tty: false,
  };
  const done = serve(
    { workspacePath, port: 0, host: '127.0.0.1', uploadLimitBytes: 1_000_000 },
    io,
    new Promise<void>((resolve) => (stop = resolve)),
  );
  await Promise.race([ready, done]);
  try {
    await use(out);
  } finally {
    stop();
    await done;
  }
  return out;
}

describe('clientele serve', () => {
  it('prints the URL, and the token on the first start only; the server answers over HTTP', async () => {
    const saved = process.env['CLIENTELE_TOKEN'];
    delete process.env['CLIENTELE_TOKEN'];
    try {
      const workspacePath = join(dir, 'serve.duckdb');
      let token = '';
      const first = await serving(workspacePath, async (out) => {
        const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out)?.[1] ?? '';
        token = /stored in the workspace\): (\S+)/.exec(out)?.[1] ?? '';
        expect(url).not.toBe('');
        expect(token.length).toBeGreaterThan(30);
        expect(out).toContain(`${url}?token=${token}`);
        const health = await fetch(`${url}api/health`);
        expect(health.status).toBe(200);
        expect((await fetch(`${url}api/status`)).status).toBe(401);
        const status = await fetch(`${url}api/status`, { headers: { authorization: `Bearer ${token}` } });
        expect(status.status).toBe(200);
      });
      expect(first).toMatch(/API documentation: http:\/\/127\.0\.0\.1:\d+\/docs/);
      const second = await serving(workspacePath, async () => undefined);
      expect(second).not.toContain(token);
      expect(second).toMatch(/printed at the first start/);
    } finally {
      if (saved !== undefined) process.env['CLIENTELE_TOKEN'] = saved;
    }
  });

  it('registers its options and checks them', async () => {
    let out = '';
    const io = { out: (t: string) => void (out += t), err: (t: string) => void (out += t), tty: false };
    const program = new Command('clientele')
      .exitOverride()
      .configureOutput({ writeOut: io.out, writeErr: io.err });
    registerServe(program, makeContext(io, program));
    const serveCommand = program.commands.find((c) => c.name() === 'serve');
    expect(serveCommand?.helpInformation()).toMatch(
      /--port <port>[\s\S]*--host <host>[\s\S]*--workspace <path>/,
    );
    serveCommand?.exitOverride();
    await expect(program.parseAsync(['serve', '--port', 'http'], { from: 'user' })).rejects.toThrow(
      /--port must be a number/,
    );
    await expect(program.parseAsync(['serve', '--upload-limit', 'lots'], { from: 'user' })).rejects.toThrow(
      /--upload-limit must be a size/,
    );
  });
});
