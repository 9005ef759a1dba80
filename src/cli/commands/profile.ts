import type { Command } from 'commander';
import { runProfile, type ProfileSummary } from '../../profile/index.js';
import { withQueryProgress } from '../../util/index.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, fmtNum, json } from '../terminal-text.js';
import { commandProgress } from '../progress.js';

export function registerProfile(program: Command, ctx: Context): void {
  const cmd = program
    .command('profile')
    .description('One row per customer with the catalogue metrics, as of a date (default: the latest sale)')
    .option('--as-of <date>', 'compute with sales up to this date, YYYY-MM-DD')
    .option('--out <file>', 'write the profile to a .csv, .xlsx, .parquet or .json file')
    .option('--json', 'print the summary as JSON');
  workspaceOption(cmd).action(
    async (opts: { asOf?: string; out?: string; json?: boolean }, command: Command) => {
      const progress = commandProgress(ctx, opts);
      const summary = await ctx
        .withWorkspace(
          command,
          (ws) =>
            withQueryProgress(ws, 'profiling', progress.listener, () =>
              runProfile(ws, { asOf: opts.asOf, out: opts.out }),
            ),
          { readOnly: true },
        )
        .finally(() => progress.end());
      ctx.io.out(opts.json ? json(summary) : describeProfile(summary));
    },
  );
}

export function describeProfile(s: ProfileSummary): string {
  const lines = [
    `Customer profile as of ${s.as_of}: ${fmtInt(s.customers)} customers with at least one purchase`,
    `  orders ${fmtInt(s.orders)} · gross revenue ${fmtNum(s.gross_revenue)} · returns ${fmtNum(s.returns)} · net revenue ${fmtNum(s.revenue)}`,
    `  bought more than once ${fmtInt(s.repeat_customers)} (${s.customers ? fmtNum((100 * s.repeat_customers) / s.customers, 1) : '—'} %) · bought in the last 90 days ${fmtInt(s.active_90d)}`,
    `  median orders ${fmtNum(s.median_orders, 1)} · median days since last purchase ${fmtNum(s.median_recency_days, 0)} · mean order value ${fmtNum(s.mean_aov)}`,
    s.segments ? '' : '  (run `clientele analyze` to add lifecycle stage, RFM and ABC/XYZ columns)',
    s.out
      ? `Wrote ${fmtInt(s.out.rows)} rows × ${s.columns.length} columns to ${s.out.path}`
      : `${s.columns.length} columns per customer; write them with --out profile.csv (or .xlsx, .parquet, .json). \`clientele metrics\` explains each.`,
  ];
  return `${lines.filter((l) => l !== '').join('\n')}\n`;
}
