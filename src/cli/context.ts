import type { Command } from 'commander';
import { DEFAULT_WORKSPACE, Workspace, type OpenOptions } from '../db/workspace.js';
import type { Io } from './io.js';

/** What every command gets: where to write, and how to open the workspace named by --workspace. */
export interface Context {
  io: Io;
  workspacePath(cmd: Command): string;
  withWorkspace<T>(cmd: Command, fn: (ws: Workspace) => Promise<T>, options?: OpenOptions): Promise<T>;
}

export function makeContext(io: Io, program: Command): Context {
  const workspacePath = (cmd: Command): string =>
    (cmd.opts()['workspace'] as string | undefined) ??
    (program.opts()['workspace'] as string | undefined) ??
    process.env['CLIENTELE_WORKSPACE'] ??
    DEFAULT_WORKSPACE;
  return {
    io,
    workspacePath,
    async withWorkspace(cmd, fn, options) {
      const ws = await Workspace.open(workspacePath(cmd), options);
      try {
        return await fn(ws);
      } finally {
        ws.close();
      }
    },
  };
}

export function workspaceOption(cmd: Command): Command {
  return cmd.option(
    '--workspace <path>',
    `workspace database file (default: ${DEFAULT_WORKSPACE}, or $CLIENTELE_WORKSPACE)`,
  );
}
