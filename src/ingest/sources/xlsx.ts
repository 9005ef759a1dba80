import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { InputError, errorMessage } from '../../errors.js';
import { literal } from '../../db/sql.js';
import { hashFile } from '../prepare.js';
import { refuseZipBomb } from './zip-bomb.js';
import { layout } from '../sniff.js';
import { detectDecimal, type Decimal } from '../date-decimal.js';
import type { SampleRecord } from '../tokenize.js';
import type { PreRejected, Source, SourceOptions } from '../source.js';

const SAMPLE_ROWS = 300;
export const XLSX_LINE_COLUMN = '__row';

interface Cell {
  text: string;
  number: number | null;
}

/**
 * The first worksheet (or `--sheet NAME`) of an .xlsx workbook, streamed row by row into a temporary CSV with
 * the sheet's row number in a column, so that rejects point at the row the user sees in Excel.
 * Date cells become `yyyy-mm-dd hh:mm:ss`; number cells are written with the file's decimal separator.
 */
export async function openXlsx(
  file: string,
  size: number,
  options: SourceOptions & { decimal?: Decimal },
): Promise<Source> {
  await refuseZipBomb(file);
  const { hash, bytes } = await hashFile(file, (b) => options.onBytes?.(b, size));
  mkdirSync(options.tmpDir, { recursive: true });
  const out = join(options.tmpDir, `xlsx-${process.pid}-${Date.now()}.csv`);
  const cleanup = (): void => rmSync(out, { force: true });
  try {
    const result = await convert(file, out, options);
    return {
      file,
      format: 'xlsx',
      hash: () => Promise.resolve(hash),
      bytes,
      encoding: null,
      delimiter: null,
      headerLine: result.headerLine,
      relation:
        `read_csv(${literal(out)}, delim = ',', quote = '"', escape = '"', header = true, auto_detect = false, ` +
        `columns = {${[XLSX_LINE_COLUMN, ...result.columns].map((c) => `${literal(c)}: 'VARCHAR'`).join(', ')}}, ` +
        `max_line_size = 8388608)`,
      columns: result.columns.map((name) => ({ name, type: 'VARCHAR' })),
      sample: result.sample,
      lineMap: { kind: 'column', column: XLSX_LINE_COLUMN },
      readerRejects: false,
      preRejected: result.preRejected,
      lineLabel: 'row',
      warnings: result.warnings,
      decimal: result.decimal,
      cleanup,
    };
  } catch (error) {
    cleanup();
    if (error instanceof InputError) throw error;
    throw new InputError(`${file} could not be read as an Excel .xlsx workbook: ${errorMessage(error)}`);
  }
}

interface Converted {
  columns: string[];
  headerLine: number | null;
  sample: string[][];
  preRejected: PreRejected[];
  warnings: string[];
  decimal: Decimal;
}

async function convert(
  file: string,
  out: string,
  options: SourceOptions & { decimal?: Decimal },
): Promise<Converted> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const names: string[] = [];
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name?: string }).name ?? `Sheet${names.length + 1}`;
    names.push(name);
    if (options.sheet !== undefined && options.sheet !== name) continue;
    return await convertSheet(sheet, out, options);
  }
  if (options.sheet !== undefined) {
    throw new InputError(`${file} has no worksheet "${options.sheet}". Worksheets: ${names.join(', ')}.`);
  }
  throw new InputError(`${file} has no worksheets.`);
}

async function convertSheet(
  sheet: AsyncIterable<ExcelJS.Row>,
  out: string,
  options: SourceOptions & { decimal?: Decimal },
): Promise<Converted> {
  const head: { line: number; cells: Cell[] }[] = [];
  const iterator = sheet[Symbol.asyncIterator]();
  let done = false;
  while (head.length < SAMPLE_ROWS) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const cells = rowCells(next.value);
    if (cells.some((c) => c.text !== '')) head.push({ line: next.value.number, cells });
  }
  const records: SampleRecord[] = head.map((r) => ({
    line: r.line,
    fields: trimRight(r.cells).map((c) => c.text),
  }));
  const found = layout(records, ',', null);
  if (!found) throw new InputError(`the worksheet has no table with a header row and at least two columns.`);
  const { dialect } = found;
  const width = dialect.columns.length;
  const decimal =
    options.decimal ??
    detectDecimal(
      head.flatMap((r) => r.cells.filter((c) => c.number === null).map((c) => c.text)),
      null,
    );
  const writer = createWriteStream(out, { highWaterMark: 1 << 22 });
  const preRejected: PreRejected[] = [];
  const sample: string[][] = [];
  let buffer = `${[XLSX_LINE_COLUMN, ...dialect.columns].map(csvField).join(',')}\n`;
  const emit = async (line: number, cells: Cell[]): Promise<void> => {
    if (line < dialect.firstDataLine || cells.every((c) => c.text === '')) return;
    const texts = cells.map((c) =>
      c.number !== null && decimal === ',' ? c.text.replace('.', ',') : c.text,
    );
    const extra = texts.slice(width).filter((t) => t !== '');
    if (extra.length > 0) {
      preRejected.push({
        line,
        reason: 'field_count',
        message: `row ${line} has values beyond the table's ${width} columns`,
        raw: texts.join(','),
      });
      return;
    }
    const row = Array.from({ length: width }, (_, i) => texts[i] ?? '');
    if (sample.length < SAMPLE_ROWS) sample.push(row);
    buffer += `${line},${row.map(csvField).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      if (!writer.write(buffer)) await once(writer, 'drain');
      buffer = '';
    }
  };
  try {
    for (const r of head) await emit(r.line, r.cells);
    while (!done) {
      const next = await iterator.next();
      if (next.done) break;
      await emit(next.value.number, rowCells(next.value));
    }
    writer.write(buffer);
    writer.end();
    await once(writer, 'finish');
  } catch (error) {
    writer.destroy();
    throw error;
  }
  return {
    columns: dialect.columns,
    headerLine: dialect.headerLine,
    sample,
    preRejected,
    warnings: [],
    decimal,
  };
}

function rowCells(row: ExcelJS.Row): Cell[] {
  const values = row.values as unknown[];
  const cells: Cell[] = [];
  for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
  return cells;
}

function trimRight(cells: Cell[]): Cell[] {
  let n = cells.length;
  while (n > 0 && cells[n - 1]!.text === '') n--;
  return cells.slice(0, n);
}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return { text: '', number: null };
  if (typeof value === 'number') return { text: Number.isFinite(value) ? String(value) : '', number: value };
  if (typeof value === 'string') return { text: value, number: null };
  if (typeof value === 'boolean') return { text: String(value), number: null };
  if (value instanceof Date) return { text: excelDate(value), number: null };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['richText'])) {
      return { text: (v['richText'] as { text?: string }[]).map((t) => t.text ?? '').join(''), number: null };
    }
    if ('result' in v) return cellOf(v['result']);
    if ('formula' in v || 'sharedFormula' in v) return { text: '', number: null };
    if (typeof v['text'] === 'string') return { text: v['text'], number: null };
    if (typeof v['error'] === 'string') return { text: v['error'], number: null };
  }
  return { text: String(value), number: null };
}

/** Excel stores wall-clock times; exceljs gives them as UTC dates. */
function excelDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
