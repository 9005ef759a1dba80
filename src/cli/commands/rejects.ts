import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { writeQuery } from '../../export/index.js';
import { REJECTS_SQL, rejectsPage, requireLoad } from '../../ingest/index.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, json, table } from '../terminal-text.js';

function loadNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new InputError(`--load must be a load number; got "${text}".`);
  return n;
}

export function registerRejects(program: Command, ctx: Context): void {
  const cmd = program
    .command('rejects')
    .description('The rows a load rejected, with their source line numbers and reasons')
    .option('--load <id>', 'load number (default: the latest load)')
    .option('--limit <n>', 'rows to print', '50')
    .option('--out <file>', 'write all of them to a .csv, .xlsx, .parquet or .json file')
    .option('--json', 'print as JSON');
  workspaceOption(cmd).action(
    async (opts: { load?: string; limit: string; out?: string; json?: boolean }, command: Command) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 0)
        throw new InputError(`--limit must be a whole number; got "${opts.limit}".`);
      await ctx.withWorkspace(
        command,
        async (ws) => {
          const loadId = await requireLoad(ws, opts.load === undefined ? undefined : loadNumber(opts.load));
          if (opts.out) {
            const w = await writeQuery(ws, REJECTS_SQL, [loadId], opts.out);
            ctx.io.out(
              opts.json ? json(w) : `Wrote ${fmtInt(w.rows)} rejected rows of load #${loadId} to ${w.path}\n`,
            );
            return;
          }
          const page = await rejectsPage(ws, loadId, limit);
          const { total, rows } = page;
          if (opts.json) return ctx.io.out(json(page));
          if (total === 0) return ctx.io.out(`Load #${loadId} rejected no rows.\n`);
          // A linked table's lines have no numbers: their values say which they are.
          const byValue = page.line_label === 'value';
          ctx.io.out(
            `${table([
              byValue ? ['reason', 'message', 'values'] : ['line', 'reason', 'message'],
              ...rows.map((r) =>
                byValue
                  ? [String(r['reason']), String(r['message']), String(r['raw'])]
                  : [String(r['line']), String(r['reason']), String(r['message'])],
              ),
            ])}\n${total > rows.length ? `… ${fmtInt(total - rows.length)} more (use --out FILE for all)\n` : ''}`,
          );
        },
        { readOnly: true },
      );
    },
  );
}
