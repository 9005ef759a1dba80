import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.js';

/**
 * A real two-shard ClickHouse cluster on the loopback interface for the tests: two `clickhouse-server` processes
 * (Debian's package), each with its own data folder and free ports, a `remote_servers` entry naming both as the
 * shards of cluster `clientele_test`, and users `default` (no password), `analyst` (password `secret`) and
 * `limited` (password `secret`; the server refuses its queries that read more than 1,000 rows).
 * Tables are created by the test: a MergeTree table on each shard and a Distributed table over them.
 */
export interface TestCluster {
  /** HTTP ports of the two shards; the first is where the Distributed table is queried. */
  httpPorts: [number, number];
  /** Native-protocol ports of the two shards (for clickhouse-client). */
  tcpPorts: [number, number];
  /** A query on one shard as the `default` user (plain text answer). */
  query(sql: string, shard?: 0 | 1, body?: string): Promise<string>;
  /** Stops one shard (to test an unreachable server) — `stop()` still cleans up. */
  stopShard(shard: 0 | 1): Promise<void>;
  stop(): Promise<void>;
}

export const CLICKHOUSE_SERVER = '/usr/sbin/clickhouse-server';

/** Whether Debian's clickhouse-server is installed (`.ci/run` installs it). */
export function clickhouseInstalled(): boolean {
  return existsSync(CLICKHOUSE_SERVER);
}

function configXml(dir: string, http: number, tcp: number, shards: number[]): string {
  const shardXml = shards
    .map((port) => `<shard><replica><host>127.0.0.1</host><port>${port}</port></replica></shard>`)
    .join('');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>5368709120</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
  <remote_servers><clientele_test>${shardXml}</clientele_test></remote_servers>
</yandex>
`;
}

const USERS_XML = `<?xml version="1.0"?>
<yandex>
  <profiles>
    <default><max_memory_usage>4000000000</max_memory_usage></default>
    <limited><max_memory_usage>4000000000</max_memory_usage><max_rows_to_read>1000</max_rows_to_read></limited>
  </profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
    <analyst><password>secret</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></analyst>
    <limited><password>secret</password><networks><ip>127.0.0.1</ip></networks><profile>limited</profile><quota>default</quota></limited>
  </users>
  <quotas><default></default></quotas>
</yandex>
`;

async function waitReady(port: number, child: ChildProcess, dir: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`clickhouse-server exited early; see ${dir}/error.log`);
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/ping`);
      if (answer.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`clickhouse-server on port ${port} did not start in 30 s`);
}

export async function startCluster(): Promise<TestCluster> {
  const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const http: [number, number] = [ports[0]!, ports[1]!];
  const tcp: [number, number] = [ports[2]!, ports[3]!];
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  for (const shard of [0, 1] as const) {
    const dir = mkdtempSync(join(tmpdir(), `clientele-ch${shard}-`));
    dirs.push(dir);
    writeFileSync(join(dir, 'config.xml'), configXml(dir, http[shard], tcp[shard], tcp));
    writeFileSync(join(dir, 'users.xml'), USERS_XML);
    const child = spawn(CLICKHOUSE_SERVER, [`--config-file=${join(dir, 'config.xml')}`], {
      cwd: dir,
      stdio: 'ignore',
    });
    children.push(child);
  }
  const alive = [true, true];
  const stopShard = async (shard: 0 | 1): Promise<void> => {
    const child = children[shard]!;
    if (!alive[shard]) return;
    alive[shard] = false;
    if (child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  };
  const stop = async (): Promise<void> => {
    await Promise.all([stopShard(0), stopShard(1)]);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.all([0, 1].map((i) => waitReady(http[i]!, children[i]!, dirs[i]!)));
  } catch (error) {
    await stop();
    throw error;
  }
  const query = async (sql: string, shard: 0 | 1 = 0, body?: string): Promise<string> => {
    const url = `http://127.0.0.1:${http[shard]}/?insert_distributed_sync=1&query=${encodeURIComponent(sql)}`;
    const answer = await fetch(url, { method: 'POST', body: body ?? '' });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`ClickHouse: ${text}`);
    return text;
  };
  return { httpPorts: http, tcpPorts: tcp, query, stopShard, stop };
}

/**
 * Creates `db.<name>_local` (MergeTree) on both shards and `db.<name>` (Distributed over them, sharded by a hash
 * of `shardKey`) on both, with the given columns (`name Type, …`).
 */
export async function createShardedTable(
  cluster: TestCluster,
  db: string,
  name: string,
  columns: string,
  shardKey: string,
  orderBy = 'tuple()',
): Promise<void> {
  for (const shard of [0, 1] as const) {
    await cluster.query(`CREATE DATABASE IF NOT EXISTS ${db}`, shard);
    await cluster.query(
      `CREATE TABLE ${db}.${name}_local (${columns}) ENGINE = MergeTree ORDER BY ${orderBy}`,
      shard,
    );
    await cluster.query(
      `CREATE TABLE ${db}.${name} AS ${db}.${name}_local
       ENGINE = Distributed(clientele_test, ${db}, ${name}_local, cityHash64(${shardKey}))`,
      shard,
    );
  }
}
