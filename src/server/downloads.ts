import { createReadStream, rmSync, statSync } from 'node:fs';
import type { FastifyReply } from 'fastify';
import type { DuckDBValue } from '@duckdb/node-api';
import { type Workspace } from '../db/index.js';
import { writeQuery } from '../export/index.js';
import type { UploadStore } from './uploads.js';

export type FileFormat = 'csv' | 'xlsx';

const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** A table written to the server's temp folder, ready to be sent. */
export interface TableFile {
  path: string;
  format: FileFormat;
}

/** Writes a query's result with the engine's exporter (formula text neutralized). Run it on a read connection. */
export async function writeTable(
  ws: Workspace,
  store: UploadStore,
  sql: string,
  params: readonly DuckDBValue[],
  format: FileFormat,
): Promise<TableFile> {
  const path = store.tempPath(format);
  await writeQuery(ws, sql, params, path);
  return { path, format };
}

/** Streams the file as a download and deletes it once sent (or once the client went away). */
export function sendTable(reply: FastifyReply, file: TableFile, name: string): FastifyReply {
  const filename = `${name}.${file.format}`;
  const ascii = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  const stream = createReadStream(file.path);
  stream.on('close', () => rmSync(file.path, { force: true }));
  return reply
    .header('content-type', CONTENT_TYPES[file.format])
    .header('content-length', statSync(file.path).size)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    )
    .send(stream);
}
