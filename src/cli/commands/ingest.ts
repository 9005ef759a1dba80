import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import {
  ENCODINGS,
  parseEncoding,
  parseDateFormat,
  parseDecimal,
  KINDS,
  type Kind,
  ingestSource,
  type LinkReport,
  CLICKHOUSE_PASSWORD_ENV,
  type LoadReport,
  parseMapArgs,
  DELIMITER_CHOICES,
  parseDelimiter,
} from '../../ingest/index.js';
import { workspaceOption, type Context } from '../context.js';
import { fmtInt, json, table } from '../terminal-text.js';
import { commandProgress } from '../progress.js';

export function registerIngest(program: Command, ctx: Context): void {
  const cmd = program
    .command('ingest')
    .description(
      'Load a sales, customers or products file (CSV/TSV/;-separated text, .xlsx, .parquet, .json/.ndjson), or link the sales table of a ClickHouse server (clickhouse://user@host:port/database/table)',
    )
    .argument('<file>', 'the file to load, or a clickhouse:// address')
    .option('--kind <kind>', `what the file holds: ${KINDS.join('|')} (default: guessed from the columns)`)
    .option('--map <pairs...>', 'column mapping canonical=Source, e.g. --map customer_id="Код карты",ts=Дата')
    .option('--encoding <name>', `text encoding: ${ENCODINGS.join(', ')} (default: detected)`)
    .option('--delimiter <char>', 'column separator: , ; tab | space (default: detected)')
    .option('--decimal <sep>', 'decimal separator: . or , (default: detected)')
    .option(
      '--date-format <format>',
      'date format, e.g. dd.mm.yyyy, mm/dd/yyyy, yyyymmdd, iso or %d.%m.%Y %H:%M',
    )
    .option('--sheet <name>', 'worksheet of an .xlsx workbook (default: the first)')
    .option(
      '--ssl',
      `reach the ClickHouse server over HTTPS (the password is read from ${CLICKHOUSE_PASSWORD_ENV})`,
    )
    .option('--json', 'print the load report as JSON');
  workspaceOption(cmd).action(async (file: string, opts: Record<string, unknown>, command: Command) => {
    const kind = opts['kind'] as string | undefined;
    if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) {
      throw new InputError(`--kind must be one of ${KINDS.join(', ')}; got "${kind}".`);
    }
    const encodingName = opts['encoding'] as string | undefined;
    const encoding = encodingName === undefined ? undefined : parseEncoding(encodingName);
    if (encodingName !== undefined && !encoding) {
      throw new InputError(`--encoding must be one of ${ENCODINGS.join(', ')}; got "${encodingName}".`);
    }
    const delimiterName = opts['delimiter'] as string | undefined;
    const delimiter = delimiterName === undefined ? undefined : parseDelimiter(delimiterName);
    if (delimiterName !== undefined && !delimiter) {
      throw new InputError(`--delimiter must be ${DELIMITER_CHOICES}; got "${delimiterName}".`);
    }
    const progress = commandProgress(ctx, { json: Boolean(opts['json']) });
    const report = await ctx.withWorkspace(command, (ws) =>
      ingestSource(ws, file, {
        kind: kind as Kind | undefined,
        map: parseMapArgs((opts['map'] as string[] | undefined) ?? []),
        encoding,
        delimiter,
        decimal: opts['decimal'] === undefined ? undefined : parseDecimal(String(opts['decimal'])),
        dateFormat:
          opts['dateFormat'] === undefined ? undefined : parseDateFormat(String(opts['dateFormat'])),
        sheet: opts['sheet'] as string | undefined,
        ssl: Boolean(opts['ssl']),
        onProgress: progress.listener,
      }).finally(() => progress.end()),
    );
    ctx.io.out(opts['json'] ? json(report) : describeLoad(report));
  });
}

export function describeLoad(r: LoadReport | LinkReport): string {
  const lines: string[] = [];
  if ('months' in r) {
    const m = r.months;
    const what = [
      m.loaded.length ? `${m.loaded.length} new month(s) transferred (${m.loaded.join(', ')})` : '',
      m.reloaded.length
        ? `${m.reloaded.length} changed month(s) transferred again (${m.reloaded.join(', ')})`
        : '',
      m.removed.length
        ? `${m.removed.length} month(s) no longer in the table removed (${m.removed.join(', ')})`
        : '',
      m.unchanged ? `${m.unchanged} month(s) unchanged` : '',
    ].filter(Boolean);
    lines.push(`${r.source}: ${what.length ? what.join('; ') : 'nothing changed'}.`);
  }
  if (r.already_loaded) {
    lines.push(
      `${r.file}: this content was already loaded as load #${r.load_id}; nothing was added. Its report:`,
    );
  }
  const d = r.detected;
  const how = [
    r.format,
    d.encoding,
    d.delimiter ? `delimiter ${JSON.stringify(d.delimiter === '\t' ? 'tab' : d.delimiter)}` : null,
    d.header_line ? `header on ${r.line_label} ${d.header_line}` : null,
    `decimal "${d.decimal}"`,
  ]
    .filter(Boolean)
    .join(', ');
  lines.push(`${r.already_loaded ? 'Loaded' : 'Loaded'} ${r.kind} from ${r.file} (${how})`);
  lines.push(
    `Mapping: ${Object.entries(r.mapping)
      .map(([k, v]) => `${k} ← ${v}${k === 'ts' || k === 'created_at' ? ` (${d.date_format ?? ''})` : ''}`)
      .join(', ')}`,
  );
  if (r.unmapped.length) lines.push(`Not used: ${r.unmapped.join(', ')}`);
  lines.push(
    `Rows read ${fmtInt(r.rows_read)} = accepted ${fmtInt(r.rows_accepted)} + rejected ${fmtInt(r.rows_rejected)}`,
  );
  if (r.kind === 'sales') {
    lines.push(
      `  anonymous (no customer) ${fmtInt(r.rows_anonymous)} · returns ${fmtInt(r.rows_returns)} · identical lines ${fmtInt(r.duplicate_lines)} (kept)`,
    );
    lines.push(`Customers ${fmtInt(r.customers)} · dates ${r.date_min ?? '—'} … ${r.date_max ?? '—'}`);
  } else {
    lines.push(`${r.kind === 'customers' ? 'Customers' : 'Products'} ${fmtInt(r.rows_accepted)}`);
  }
  const rejects = Object.entries(r.rejects);
  if (rejects.length) {
    lines.push(`Rejected (see \`clientele rejects --load ${r.load_id}\`):`);
    lines.push(
      table(
        rejects.map(([reason, s]) => [
          `  ${reason}`,
          fmtInt(s.count),
          `${r.line_label}s ${s.first_lines.join(', ')}${s.count > s.first_lines.length ? ', …' : ''}`,
          `e.g. ${s.example}`,
        ]),
        ['l', 'r', 'l', 'l'],
      ),
    );
  }
  for (const w of r.warnings) lines.push(`Warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
