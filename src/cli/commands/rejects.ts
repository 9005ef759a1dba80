import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { writeQuery } from '../../export/write.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, json, table } from '../format.js';

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
          const loadId =
            opts.load === undefined
              ? Number(await ws.scalar(`SELECT max(load_id) FROM loads`))
              : Number(opts.load);
          if (
            !Number.isInteger(loadId) ||
            !(await ws.one(`SELECT 1 FROM loads WHERE load_id = $1`, [loadId]))
          ) {
            throw new InputError(
              opts.load === undefined ? 'There are no loads yet.' : `There is no load ${opts.load}.`,
            );
          }
          const sql = `SELECT line, reason, message, "column", raw FROM rejects WHERE load_id = ${loadId} ORDER BY line`;
          if (opts.out) {
            const w = await writeQuery(ws, sql, [], opts.out);
            ctx.io.out(
              opts.json ? json(w) : `Wrote ${fmtInt(w.rows)} rejected rows of load #${loadId} to ${w.path}\n`,
            );
            return;
          }
          const rows = await ws.all(`${sql} LIMIT ${limit}`);
          const total = Number(await ws.scalar(`SELECT count(*) FROM rejects WHERE load_id = $1`, [loadId]));
          if (opts.json) return ctx.io.out(json({ load_id: loadId, total, rows }));
          if (total === 0) return ctx.io.out(`Load #${loadId} rejected no rows.\n`);
          ctx.io.out(
            `${table([
              ['line', 'reason', 'message'],
              ...rows.map((r) => [String(r['line']), String(r['reason']), String(r['message'])]),
            ])}\n${total > rows.length ? `… ${fmtInt(total - rows.length)} more (use --out FILE for all)\n` : ''}`,
          );
        },
        { readOnly: true },
      );
    },
  );
}
