import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { existsSync, accessSync, constants } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { errorMessage, field, InputError } from '../errors.js';
import { SCHEMA_DDL, SCHEMA_VERSION } from './schema.js';
import { MACROS_SQL } from './macros.js';
import { prepareSales } from './sales-parts.js';
import { stagedTables } from './staged-tables.js';
import { ident } from './sql.js';
import { toPlain, type Row } from './values.js';
import { resolveBudget, type MemoryBudget } from './memory-budget.js';
import { asResourceError } from './resource-error.js';
import { asMoneyOverflow } from './money-overflow.js';
import { prepareSpill, removeSpill } from './spill.js';
import { forcedPartitions } from './partitions.js';

export const DEFAULT_WORKSPACE = 'clientele.duckdb';

/** Below this much engine memory a workspace runs DuckDB on one thread (see Workspace.open). */
const SMALL_ENGINE = 1e9;

export type Params = readonly DuckDBValue[];

export interface OpenOptions {
  /** Open without creating the file or its tables (commands that only read). */
  readOnly?: boolean;
  /** Process customers in this many partitions in every partitioned step (tests; default: from the budget). */
  partitions?: number;
  /** The memory budget, e.g. '8GB' (`--memory-limit`). Defaults to CLIENTELE_MEMORY_LIMIT, else the machine's (memory-budget.ts). */
  memoryLimit?: string;
  /** The most the spill folder may hold, e.g. '2GB'. Defaults to CLIENTELE_SPILL_LIMIT, else min(20 GB, half the free disk). */
  spillLimit?: string;
}

/**
 * One workspace = one DuckDB database file holding the canonical tables and every computed result.
 * Opened once per command; all SQL goes through `run`/`all` with bound parameters.
 */
export class Workspace {
  private constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    /** The memory and spill this workspace may use (memory-budget.ts). */
    readonly budget: MemoryBudget,
    /** This process's spill folder. */
    readonly spill: string,
    /** A forced number of customer partitions (partitions.ts); undefined: chosen from the budget. */
    readonly partitions: number | undefined,
    private readonly ownsInstance = true,
  ) {}

  static async open(path: string = DEFAULT_WORKSPACE, options: OpenOptions = {}): Promise<Workspace> {
    const full = resolve(path);
    if (options.readOnly && !existsSync(full)) {
      throw new InputError(
        `The workspace ${path} does not exist yet. Load data first with \`clientele ingest FILE\` or \`clientele demo\`, or pass ${field('workspace')} PATH.`,
      );
    }
    if (!options.readOnly) {
      try {
        accessSync(dirname(full), constants.W_OK);
      } catch {
        throw new InputError(
          `Cannot create the workspace ${path}: the folder ${dirname(full)} is not writable.`,
        );
      }
    }
    const budget = resolveBudget(dirname(full), options.memoryLimit, options.spillLimit);
    const partitions = options.partitions ?? forcedPartitions();
    const spill = prepareSpill(full);
    const config: Record<string, string> = {
      memory_limit: `${budget.engineBytes}B`,
      temp_directory: spill,
      max_temp_directory_size: `${Math.floor(budget.spillBytes)}B`,
    };
    // Each thread fills a row group of every column it writes (~120 k rows) before it can spill: under a
    // small budget one thread leaves room for the work itself.
    if (budget.engineBytes < SMALL_ENGINE) config['threads'] = '1';
    if (options.readOnly) config['access_mode'] = 'READ_ONLY';
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(full, config);
    } catch (error) {
      removeSpill(spill);
      const message = errorMessage(error);
      if (/lock/i.test(message)) {
        throw new InputError(
          `The workspace ${path} is in use by another Clientele process (DuckDB allows one writer). Close it and try again.`,
        );
      }
      throw new InputError(`Cannot open the workspace ${path}: ${firstLine(message)}`);
    }
    const connection = await instance.connect();
    const workspace = new Workspace(full, instance, connection, budget, spill, partitions);
    await connection.run(`SET TimeZone = 'UTC'`);
    await connection.run(MACROS_SQL);
    try {
      await workspace.checkFormat(path);
      if (!options.readOnly) await workspace.migrate();
    } catch (error) {
      workspace.close();
      throw error;
    }
    return workspace;
  }

  /**
   * Another connection to the same open database, with its own transactions and temp tables: one process
   * (the HTTP server) can read on it while a load runs on this one. Closing it leaves this workspace open.
   */
  async connect(): Promise<Workspace> {
    const connection = await this.instance.connect();
    await connection.run(`SET TimeZone = 'UTC'`);
    await connection.run(MACROS_SQL);
    return new Workspace(
      this.path,
      this.instance,
      connection,
      this.budget,
      this.spill,
      this.partitions,
      false,
    );
  }

  /** The workspace format stored in `meta` (0 for a new, empty file); a newer one than this release reads is refused. */
  private async checkFormat(path: string): Promise<void> {
    const hasMeta = await this.scalar(
      `SELECT count(*) FROM duckdb_tables() WHERE table_name = 'meta' AND schema_name = 'main' AND NOT temporary`,
    );
    if (Number(hasMeta) === 0) return;
    const stored = Number(await this.scalar(`SELECT value FROM meta WHERE key = 'schema_version'`));
    if (Number.isFinite(stored) && stored > SCHEMA_VERSION) {
      throw new InputError(
        `The workspace ${path} was written by a newer Clientele (workspace format ${stored}; this one reads formats up to ${SCHEMA_VERSION}). Update Clientele to open it.`,
      );
    }
  }

  /**
   * Brings the workspace to this release's format in one transaction: a new or older workspace gets the
   * tables it lacks (every change so far adds tables or columns), and the format number is stored last, so an
   * upgrade that fails leaves the workspace in its old format.
   */
  private async migrate(): Promise<void> {
    await this.transaction(async () => {
      for (const ddl of SCHEMA_DDL) await this.connection.run(ddl);
      for (const table of await stagedTables(this)) await this.connection.run(`DROP TABLE ${ident(table)}`);
      await prepareSales(this);
      await this.connection.run(`INSERT OR REPLACE INTO meta VALUES ('schema_version', $1)`, [
        String(SCHEMA_VERSION),
      ]);
    });
  }

  async run(sql: string, params: Params = []): Promise<void> {
    try {
      await this.connection.run(sql, params as DuckDBValue[]);
    } catch (error) {
      throw this.explain(error);
    }
  }

  /** Rows as plain JSON-friendly objects (bigint → number, dates → ISO text). For small results only. */
  async all<T = Row>(sql: string, params: Params = []): Promise<T[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql, params as DuckDBValue[]);
      return reader.getRowObjectsJS().map((row) => toPlain(row) as T);
    } catch (error) {
      throw this.explain(error);
    }
  }

  /**
   * An engine error as the user should read it: running out of memory or disk becomes a ResourceError, a
   * total beyond the money type an InputError.
   */
  explain(error: unknown): unknown {
    return asMoneyOverflow(asResourceError(error, this.budget, this.spill));
  }

  async one<T = Row>(sql: string, params: Params = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async scalar(sql: string, params: Params = []): Promise<unknown> {
    const row = await this.one(sql, params);
    return row ? Object.values(row)[0] : undefined;
  }

  /** Runs `fn` inside one transaction: all of it is committed, or none of it. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    await this.connection.run('BEGIN TRANSACTION');
    try {
      const result = await fn();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      await this.connection.run('ROLLBACK').catch(() => undefined);
      // A commit can fail on its own (the write-ahead log cannot grow on a full disk): explained as the rest.
      throw this.explain(error);
    }
  }

  /** Whether a table or a view of this name exists (`customer_snapshots` and `snapshot_predictions` are views). */
  async tableExists(name: string): Promise<boolean> {
    const n = await this.scalar(
      `SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name = $1)
         + (SELECT count(*) FROM duckdb_views() WHERE view_name = $1 AND NOT internal)`,
      [name],
    );
    return Number(n) > 0;
  }

  close(): void {
    this.connection.closeSync();
    if (this.ownsInstance) {
      this.instance.closeSync();
      removeSpill(this.spill);
    }
  }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
