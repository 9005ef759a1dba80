import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { literal } from '../../db/sql.js';
import type { Source } from '../source.js';
import type { LinkedColumn } from './columns.js';
import type { ClickHouseConnection } from './connection.js';
import { chIdent, chTable } from './quote.js';

/** A transferred part of the table, opened for loading; `wireBytes` crossed the network (compressed). */
export type PulledSource = Source & { wireBytes: number };

/**
 * The mapped columns of the linked table's lines that satisfy `where` (one month, or all), transferred in CSV
 * (compressed on the wire) into a temporary file and opened as a `Source`, so that they are checked and stored
 * by the same rules as a file's lines. Only the mapped columns travel.
 */
export async function pullSource(
  conn: ClickHouseConnection,
  columns: LinkedColumn[],
  where: string | null,
  options: {
    tmpDir: string;
    sample: string[][];
    signature: string;
    part: string;
    onBytes?: (bytes: number) => void;
  },
): Promise<PulledSource> {
  const { database, table } = conn.target;
  const file = join(options.tmpDir, `clickhouse-${process.pid}-${options.part}.csv`);
  const sql = `SELECT ${columns.map((c) => chIdent(c.name)).join(', ')} FROM ${chTable(database, table)}${where ? ` WHERE ${where}` : ''}`;
  let moved: { bytes: number; wire: number };
  try {
    moved = await conn.toFile(sql, file, options.onBytes);
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
  const types = columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ');
  return {
    file: conn.target.display,
    format: 'clickhouse',
    hash: () => Promise.resolve(options.signature),
    bytes: moved.bytes,
    wireBytes: moved.wire,
    encoding: null,
    delimiter: null,
    headerLine: null,
    relation: `read_csv(${literal(file)}, header = false, delim = ',', quote = '"', escape = '"',
      nullstr = '\\N', allow_quoted_nulls = false, auto_detect = false,
      columns = {${types}})`,
    columns: columns.map((c) => ({ name: c.name, type: c.type })),
    sample: options.sample,
    lineMap: { kind: 'ordinal', offset: 1 },
    readerRejects: false,
    lineLabel: 'value',
    warnings: [],
    cleanup: () => rmSync(file, { force: true }),
  };
}
