import { Command, CommanderError } from 'commander';
import { errorMessage, isInputError } from '../errors.js';
import { isResourceError } from '../db/index.js';
import { makeContext } from './context.js';
import { processIo, type Io } from './io.js';
import { registerStatus } from './commands/status.js';
import { registerIngest } from './commands/ingest.js';
import { registerProfile } from './commands/profile.js';
import { registerMetrics } from './commands/metrics.js';
import { registerRejects } from './commands/rejects.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerHistory } from './commands/history.js';
import { registerSegments } from './commands/segments.js';
import { registerFlows } from './commands/flows.js';
import { registerTriggers } from './commands/triggers.js';
import { registerCohorts } from './commands/cohorts.js';
import { registerPivot } from './commands/pivot.js';
import { registerProducts } from './commands/products.js';
import { registerDemo } from './commands/demo.js';
import { registerStart } from './commands/start.js';
import { registerServe } from './commands/serve.js';
import { registerModel } from './commands/model.js';
import { registerPredict } from './commands/predict.js';
import { registerCampaign } from './commands/campaign.js';
import { registerRecommend } from './commands/recommend.js';

import { VERSION } from '../version.js';

/** Exit codes: 0 ok, 1 the engine failed, 2 bad usage or bad input. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

/**
 * The `clientele` command line. Returns the exit code instead of exiting, so tests can run it in-process.
 * Bad input prints one paragraph (no stack trace) and returns 2.
 */
/** The flag that sets the engine option `name`: `asOf` → `--as-of` (see InputError). */
export function cliFlag(name: string): string {
  return `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export async function runCli(argv: readonly string[], io: Io = processIo): Promise<number> {
  const program = new Command('clientele')
    .description(
      'Customer analytics for CRM and loyalty marketers: load sales, profile every customer, segment, predict.',
    )
    .version(VERSION)
    .option(
      '--workspace <path>',
      'workspace database file (default: clientele.duckdb, or $CLIENTELE_WORKSPACE)',
    )
    .option(
      '--memory-limit <size>',
      "memory budget, e.g. 8GB (default: a third of the machine's memory, or $CLIENTELE_MEMORY_LIMIT)",
    )
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  const ctx = makeContext(io, program);
  for (const register of [
    registerStart,
    registerServe,
    registerDemo,
    registerIngest,
    registerStatus,
    registerProfile,
    registerAnalyze,
    registerSegments,
    registerHistory,
    registerFlows,
    registerTriggers,
    registerCohorts,
    registerPivot,
    registerProducts,
    registerModel,
    registerPredict,
    registerRecommend,
    registerCampaign,
    registerMetrics,
    registerRejects,
  ]) {
    register(program, ctx);
  }
  program.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
      )
        return EXIT.ok;
      return EXIT.badInput;
    }
    if (isInputError(error)) {
      io.err(`clientele: ${error.worded(cliFlag)}\n`);
      return EXIT.badInput;
    }
    if (isResourceError(error)) {
      io.err(`clientele: ${error.message}\n`);
      return EXIT.failed;
    }
    io.err(`clientele: internal error: ${errorMessage(error)}\n`);
    if (process.env['CLIENTELE_DEBUG'] && error instanceof Error && error.stack) io.err(`${error.stack}\n`);
    else io.err('Set CLIENTELE_DEBUG=1 to see the details.\n');
    return EXIT.failed;
  }
}
