import { Command, CommanderError } from 'commander';
import { registerCampaign } from '../../src/cli/commands/campaign.js';
import { makeContext } from '../../src/cli/context.js';
import { cliFlag } from '../../src/cli/main.js';
import { isInputError } from '../../src/errors.js';

/**
 * Runs `clientele campaign …` in-process on a program that registers only the campaign command, with the exit
 * codes of src/cli/main.ts (0 ok, 1 failed, 2 bad input), capturing what it prints.
 */
export async function campaignCli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), tty: false };
  const program = new Command('clientele')
    .option('--workspace <path>', 'workspace')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  registerCampaign(program, makeContext(io, program));
  try {
    await program.parseAsync(['campaign', ...argv], { from: 'user' });
    return { code: 0, out, err };
  } catch (error) {
    if (error instanceof CommanderError) return { code: error.exitCode === 0 ? 0 : 2, out, err };
    if (isInputError(error)) return { code: 2, out, err: `${err}clientele: ${error.worded(cliFlag)}\n` };
    return { code: 1, out, err: `${err}clientele: internal error: ${String(error)}\n` };
  }
}
