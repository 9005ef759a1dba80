/**
 * The canonical workspace tables (sales live in one table per load behind the `sales` view, see
 * sales-parts.ts). Column names are a contract shared by
 * ingest, metrics, exports and the API. `SCHEMA_VERSION`, the workspace format, is stored in `meta`: a
 * workspace of an older format is upgraded when opened (workspace.ts), one of a newer format is refused.
 *
 * Formats: 1, the first; 2, the ClickHouse link's `linked_source` and `linked_months`. A workspace made in
 * format 2 is kept in test/fixtures, and every later format must open it (test/db/workspace-format.test.ts).
 */
export const SCHEMA_VERSION = 2;

export const SCHEMA_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
  `CREATE SEQUENCE IF NOT EXISTS load_id_seq START 1`,
  `CREATE TABLE IF NOT EXISTS loads (
     load_id INTEGER PRIMARY KEY,
     kind VARCHAR NOT NULL,
     file VARCHAR NOT NULL,
     content_hash VARCHAR NOT NULL,
     bytes BIGINT NOT NULL,
     format VARCHAR NOT NULL,
     encoding VARCHAR,
     delimiter VARCHAR,
     mapping JSON NOT NULL,
     options JSON NOT NULL,
     rows_read BIGINT NOT NULL,
     rows_accepted BIGINT NOT NULL,
     rows_rejected BIGINT NOT NULL,
     rows_anonymous BIGINT NOT NULL,
     rows_returns BIGINT NOT NULL,
     duplicate_lines BIGINT NOT NULL,
     customers BIGINT NOT NULL,
     date_min TIMESTAMP,
     date_max TIMESTAMP,
     warnings JSON NOT NULL,
     loaded_at TIMESTAMP NOT NULL,
     seconds DOUBLE NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS rejects (
     load_id INTEGER NOT NULL,
     line BIGINT NOT NULL,
     reason VARCHAR NOT NULL,
     message VARCHAR NOT NULL,
     "column" VARCHAR,
     raw VARCHAR
   )`,
  `CREATE TABLE IF NOT EXISTS customers (
     customer_id VARCHAR NOT NULL,
     created_at TIMESTAMP,
     name VARCHAR,
     email VARCHAR,
     phone VARCHAR,
     region VARCHAR,
     attributes JSON,
     load_id INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS products (
     sku VARCHAR NOT NULL,
     name VARCHAR,
     category VARCHAR,
     brand VARCHAR,
     price DECIMAL(18,2),
     attributes JSON,
     load_id INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS runs (
     run_id INTEGER,
     command VARCHAR NOT NULL,
     params JSON NOT NULL,
     started_at TIMESTAMP NOT NULL,
     finished_at TIMESTAMP NOT NULL
   )`,
  // A workspace whose sales live in a ClickHouse table (src/ingest/clickhouse): the table, its mapping, and per
  // month of sales what was transferred (lines and a signature of their values) and by which load.
  `CREATE TABLE IF NOT EXISTS linked_source (
     source VARCHAR NOT NULL,
     database VARCHAR NOT NULL,
     "table" VARCHAR NOT NULL,
     mapping JSON NOT NULL,
     linked_at TIMESTAMP NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS linked_months (
     month VARCHAR NOT NULL,
     lines BIGINT NOT NULL,
     signature VARCHAR NOT NULL,
     load_id INTEGER NOT NULL
   )`,
  `CREATE TABLE IF NOT EXISTS precomputed (
     name VARCHAR NOT NULL,
     as_of DATE NOT NULL,
     version VARCHAR NOT NULL,
     info JSON NOT NULL,
     computed_at TIMESTAMP NOT NULL
   )`,
];

/** The tables `status` reports, in display order. */
export const CANONICAL_TABLES = ['sales', 'customers', 'products', 'loads', 'rejects'] as const;
