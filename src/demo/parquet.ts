import { DuckDBInstance } from '@duckdb/node-api';
import { rm } from 'node:fs/promises';
import { TABLE_COLUMNS, type DemoTable } from './tables.js';

function quoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Rewrites a generated CSV file as Parquet with explicit column types (empty customer_id becomes NULL) through
 * an in-memory DuckDB, then deletes the CSV. Rows keep their order.
 */
export async function csvToParquet(table: DemoTable, csvPath: string, parquetPath: string): Promise<void> {
  const columns = TABLE_COLUMNS[table].map(([name, type]) => `${quoted(name)}: ${quoted(type)}`).join(', ');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`SET TimeZone = 'UTC'`);
    await connection.run(
      `COPY (SELECT * FROM read_csv(${quoted(csvPath)}, header = true, delim = ',', quote = '"', ` +
        `columns = {${columns}}, timestampformat = '%Y-%m-%d %H:%M:%S', dateformat = '%Y-%m-%d')) ` +
        `TO ${quoted(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  await rm(csvPath);
}
