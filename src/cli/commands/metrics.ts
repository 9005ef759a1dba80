import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { catalogue } from '../../metrics/index.js';
import type { Context } from '../context.js';
import { json } from '../format.js';

export function registerMetrics(program: Command, ctx: Context): void {
  program
    .command('metrics')
    .description('The metric catalogue: what every profile column means and how it is computed')
    .option('--lang <lang>', 'en or ru', 'en')
    .option('--json', 'print the full catalogue (both languages and the SQL) as JSON')
    .action((opts: { lang: string; json?: boolean }) => {
      if (opts.lang !== 'en' && opts.lang !== 'ru')
        throw new InputError(`--lang must be en or ru; got "${opts.lang}".`);
      const lang = opts.lang;
      const metrics = catalogue();
      if (opts.json) return ctx.io.out(json(metrics));
      const lines = metrics.map(
        (m) => `${m.id} (${m.group}, ${m.unit}) — ${m.name[lang]}\n    ${m.method[lang]}`,
      );
      ctx.io.out(`${lines.join('\n')}\n`);
    });
}
