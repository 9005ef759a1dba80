import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';
import { InputError } from '../../errors.js';
import { CLICKHOUSE_PASSWORD_ENV, type ClickHouseTarget } from './target.js';

/**
 * A connection to the ClickHouse server of a linked workspace (the official client, over HTTP). Every failure
 * becomes one sentence: unreachable, wrong credentials, unknown database or table, or the query the server
 * refused with its own message. The client's own logging is off: queries may carry customer ids.
 */
export class ClickHouseConnection {
  private readonly client: ClickHouseClient;

  constructor(readonly target: ClickHouseTarget) {
    this.client = createClient({
      url: target.url,
      username: target.username,
      password: target.password,
      request_timeout: 3_600_000,
      compression: { response: true },
      log: { level: ClickHouseLogLevel.OFF },
      clickhouse_settings: { max_result_rows: '0' },
    });
  }

  /** The rows of a query, as objects (JSONEachRow; 64-bit integers come back as strings). */
  async rows<T>(sql: string): Promise<T[]> {
    try {
      const result = await this.client.query({ query: sql, format: 'JSONEachRow' });
      return await result.json<T>();
    } catch (error) {
      throw this.sentence(error);
    }
  }

  /**
   * Streams a query's answer in CSV to a file. The server compresses it (gzip) and it is decompressed here, so
   * `wire` is what crossed the network and `bytes` what was written.
   */
  async toFile(
    sql: string,
    file: string,
    onBytes?: (bytes: number) => void,
  ): Promise<{ bytes: number; wire: number }> {
    let wire = 0;
    let bytes = 0;
    try {
      const result = await this.client.exec({
        query: `${sql} FORMAT CSV`,
        decompress_response_stream: false,
      });
      const countWire = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          wire += chunk.length;
          done(null, chunk);
        },
      });
      const countBytes = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          bytes += chunk.length;
          onBytes?.(bytes);
          done(null, chunk);
        },
      });
      const gzipped = /gzip/i.test(String(result.response_headers['content-encoding'] ?? ''));
      await pipeline(
        result.stream,
        countWire,
        ...(gzipped ? [createGunzip()] : []),
        countBytes,
        createWriteStream(file),
      );
      return { bytes, wire };
    } catch (error) {
      throw this.sentence(error);
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  /** One sentence for a failure, naming the server as the user wrote it (never the password). */
  sentence(error: unknown): InputError {
    const where = this.target.display;
    const err = error as { code?: string; message?: string; cause?: { code?: string } };
    const code = err.code ?? err.cause?.code ?? '';
    const message = String(err.message ?? error);
    if (
      /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ECONNRESET|EPIPE)$/.test(code)
    ) {
      const why =
        code === 'ECONNREFUSED'
          ? 'the connection was refused'
          : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
            ? 'the host name is unknown'
            : 'the network did not answer';
      return new InputError(
        `The ClickHouse server of ${where} cannot be reached (${why}); check the host and port and that the server runs.`,
      );
    }
    const server = /Code: (\d+)/.exec(message)?.[1] ?? (/^\d+$/.test(code) ? code : undefined);
    if (
      server === '193' ||
      server === '516' ||
      server === '192' ||
      /Authentication failed|Wrong password/i.test(message)
    ) {
      return new InputError(
        `The ClickHouse server of ${where} refused user "${this.target.username}": wrong user name or password (the password is read from ${CLICKHOUSE_PASSWORD_ENV}).`,
      );
    }
    if (server === '81') {
      return new InputError(`The ClickHouse server of ${where} has no database "${this.target.database}".`);
    }
    if (server === '60') {
      return new InputError(
        `The ClickHouse database "${this.target.database}" of ${where} has no table or view "${this.target.table}".`,
      );
    }
    const text = message
      .replace(/^Code: \d+, e\.displayText\(\) = DB::Exception: /, '')
      .replace(/, e\.what\(\) = DB::Exception\s*$/s, '')
      .split('\n')[0]!
      .trim();
    return new InputError(`The ClickHouse server of ${where} refused the query: ${text}`);
  }
}
