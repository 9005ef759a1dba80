import type { Command } from 'commander';
import { DEFAULT_WORKSPACE, Workspace, type OpenOptions } from '../db/index.js';
import type { Io } from './io.js';

/** What every command gets: where to write, and how to open the workspace named by --workspace. */
export interface Context {
  io: Io;
  workspacePath(cmd: Command): string;
  /** The --memory-limit given to the command or the program, if any. */
  memoryLimit(cmd: Command): string | undefined;
  withWorkspace<T>(cmd: Command, fn: (ws: Workspace) => Promise<T>, options?: OpenOptions): Promise<T>;
}

export function makeContext(io: Io, program: Command): Context {
  const workspacePath = (cmd: Command): string =>
    (cmd.opts()['workspace'] as string | undefined) ??
    (program.opts()['workspace'] as string | undefined) ??
    process.env['CLIENTELE_WORKSPACE'] ??
    DEFAULT_WORKSPACE;
  const memoryLimit = (cmd: Command): string | undefined =>
    (cmd.opts()['memoryLimit'] as string | undefined) ??
    (program.opts()['memoryLimit'] as string | undefined);
  return {
    io,
    workspacePath,
    memoryLimit,
    async withWorkspace(cmd, fn, options) {
      const limit = memoryLimit(cmd);
      const ws = await Workspace.open(workspacePath(cmd), {
        ...(limit ? { memoryLimit: limit } : {}),
        ...options,
      });
      try {
        return await fn(ws);
      } catch (error) {
        throw ws.explain(error);
      } finally {
        ws.close();
      }
    },
  };
}

export function workspaceOption(cmd: Command): Command {
  return cmd
    .option(
      '--workspace <path>',
      `workspace database file (default: ${DEFAULT_WORKSPACE}, or $CLIENTELE_WORKSPACE)`,
    )
    .option(
      '--memory-limit <size>',
      "memory budget, e.g. 8GB (default: a third of the machine's memory, or $CLIENTELE_MEMORY_LIMIT)",
    );
}
