import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { workspaceCatalogue } from '../../analyze/index.js';
import { InputError } from '../../errors.js';
import { catalogue } from '../../metrics/index.js';
import { workspaceOption, type Context } from '../context.js';
import { json } from '../terminal-text.js';

export function registerMetrics(program: Command, ctx: Context): void {
  const cmd = program
    .command('metrics')
    .description(
      'The metric catalogue: what every profile column means and how it is computed (with the cut points of the stored analysis)',
    )
    .option('--lang <lang>', 'en or ru', 'en')
    .option('--json', 'print the full catalogue (both languages and the SQL) as JSON');
  workspaceOption(cmd).action(async (opts: { lang: string; json?: boolean }, command: Command) => {
    if (opts.lang !== 'en' && opts.lang !== 'ru')
      throw new InputError(`--lang must be en or ru; got "${opts.lang}".`);
    const lang = opts.lang;
    // Without a workspace the catalogue states the default settings.
    const metrics = existsSync(ctx.workspacePath(command))
      ? await ctx.withWorkspace(command, workspaceCatalogue, { readOnly: true })
      : catalogue();
    if (opts.json) return ctx.io.out(json(metrics));
    const lines = metrics.map(
      (m) => `${m.id} (${m.group}, ${m.unit}) — ${m.name[lang]}\n    ${m.method[lang]}`,
    );
    ctx.io.out(`${lines.join('\n')}\n`);
  });
}
