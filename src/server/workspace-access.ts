import { Workspace, type OpenOptions } from '../db/index.js';
import { Serial } from './serial.js';

/**
 * The server's one open workspace (DuckDB lets one process write a file). Loads run on the writer connection;
 * API reads run on a second connection of the same database, so a long load does not hold them up. Each
 * connection is used by one piece of work at a time.
 */
export class WorkspaceAccess {
  private readonly reads = new Serial();
  private readonly writes = new Serial();

  private constructor(
    private readonly writer: Workspace,
    private readonly reader: Workspace,
  ) {}

  static async open(path: string, options: OpenOptions = {}): Promise<WorkspaceAccess> {
    const writer = await Workspace.open(path, options);
    try {
      return new WorkspaceAccess(writer, await writer.connect());
    } catch (error) {
      writer.close();
      throw error;
    }
  }

  get path(): string {
    return this.writer.path;
  }

  read<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
    return this.reads.run(() => fn(this.reader));
  }

  write<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
    return this.writes.run(() => fn(this.writer));
  }

  /** Stops the query running on the writer, if any (its transaction rolls back). */
  interruptWrites(): void {
    this.writer.connection.interrupt();
  }

  close(): void {
    this.reader.close();
    this.writer.close();
  }
}
