import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { InputError, errorMessage } from '../../errors.js';
import { parseBytes } from '../../util/index.js';
import { createServer, DEFAULT_UPLOAD_LIMIT, type ServerOptions } from '../../server/create-server.js';
import type { Io } from '../io.js';
import { workspaceOption, type Context } from '../context.js';

export interface ServeOptions extends Omit<ServerOptions, 'logger' | 'logStream'> {
  port: number;
  host: string;
}

export function registerServe(program: Command, ctx: Context): void {
  const cmd = program
    .command('serve')
    .description('Serve the web app and the HTTP API (documented at /docs) over the workspace')
    .option('--port <port>', 'port to listen on', '8080')
    .option('--host <host>', 'interface to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--upload-limit <size>', 'largest file accepted for upload, e.g. 500MB or 2GB', '2GB')
    .option('--new-token', 'replace the stored API token with a new one and print it');
  workspaceOption(cmd).action(
    async (
      opts: { port: string; host: string; uploadLimit: string; newToken?: boolean; memoryLimit?: string },
      command: Command,
    ) => {
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65535)
        throw new InputError(`--port must be a number from 0 to 65535; got "${opts.port}".`);
      const uploadLimitBytes = parseBytes(opts.uploadLimit);
      if (uploadLimitBytes === undefined)
        throw new InputError(
          `--upload-limit must be a size such as 500MB or 2GB; got "${opts.uploadLimit}".`,
        );
      await serve(
        {
          workspacePath: ctx.workspacePath(command),
          ...(ctx.memoryLimit(command) ? { memoryLimit: ctx.memoryLimit(command)! } : {}),
          port,
          host: opts.host,
          uploadLimitBytes,
          resetToken: opts.newToken === true,
        },
        ctx.io,
        untilSignal(),
      );
    },
  );
}

/**
 * Starts the server, prints where it listens (and the token, when it was just created), and serves until
 * `stop` settles. Logs go to standard error, one JSON line per request without URLs or data.
 */
export async function serve(options: ServeOptions, io: Io, stop: Promise<unknown>): Promise<void> {
  const { port, host, ...serverOptions } = options;
  const server = await createServer({
    uploadLimitBytes: DEFAULT_UPLOAD_LIMIT,
    ...serverOptions,
    logger: true,
    logStream: new Writable({
      write(chunk: Buffer, _encoding, done) {
        io.err(chunk.toString());
        done();
      },
    }),
  });
  try {
    await server.app.listen({ port, host });
  } catch (error) {
    await server.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new InputError(`Port ${port} is already in use; pass another --port.`);
    throw new InputError(`Cannot listen on ${host}:${port}: ${errorMessage(error)}`);
  }
  const address = server.app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}/`;
  const lines = [`Clientele is serving ${options.workspacePath} at ${url}`];
  if (server.tokenCreated) {
    lines.push(
      `API token (shown only this once; it is stored in the workspace): ${server.token}`,
      `Open ${url}?token=${server.token} to sign in.`,
    );
  } else if (!options.token && !process.env['CLIENTELE_TOKEN']) {
    lines.push('Sign in with the API token printed at the first start (or restart with --new-token).');
  }
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    lines.push(`Listening beyond this machine (${host}): anyone who can reach it can try to sign in.`);
  }
  lines.push(`API documentation: ${url}docs · Stop with Ctrl+C.`);
  io.out(`${lines.join('\n')}\n`);
  await stop;
  await server.close();
}

export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      resolve();
    };
    process.on('SIGINT', done);
    process.on('SIGTERM', done);
  });
}
