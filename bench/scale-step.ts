/**
 * One measured step of `npm run bench:scale`: a command in its own Node process under GNU time, which gives the
 * peak resident memory of the whole process; meanwhile the workspace's spill folder is measured every 0.5 s.
 * A step that fails (exit code, signal, e.g. killed when memory ran out) is recorded with its message.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spillFolder, spillSize } from '../src/db/spill.js';

export interface StepResult {
  step: string;
  ok: boolean;
  seconds: number;
  /** Peak resident memory of the process, MB (GNU time's "Maximum resident set size"). */
  max_rss_mb: number | null;
  /** Largest size of the workspace's spill folder seen during the step, MB. */
  spill_peak_mb: number;
  /** Workspace file (and its WAL) after the step, MB. */
  workspace_mb: number | null;
  /** The command's one-sentence error, or how the process ended. */
  error?: string;
  /** What the step printed on stdout, parsed when it is JSON, else the text. */
  output?: unknown;
}

const TIME = '/usr/bin/time';
const MB = 1e6;
const SPILL_POLL_MS = 500;
const KEEP_STDERR = 1 << 16;
const KEEP_STDOUT = 1 << 24;

/** Runs `node <args>` as step `step` on `workspace` and measures it. */
export async function measureStep(
  step: string,
  args: readonly string[],
  workspace: string,
  timeoutS?: number,
): Promise<StepResult> {
  const dir = mkdtempSync(join(tmpdir(), 'clientele-bench-'));
  const timeFile = join(dir, 'time.txt');
  const spill = spillFolder(workspace);
  let spillPeak = 0;
  const poll = setInterval(() => (spillPeak = Math.max(spillPeak, spillSize(spill))), SPILL_POLL_MS);
  const started = performance.now();
  try {
    const child = spawn(TIME, ['-o', timeFile, '-f', '%M', process.execPath, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout = (stdout + d.toString()).slice(-KEEP_STDOUT)));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-KEEP_STDERR)));
    let timedOut = false;
    const stop = (): void => {
      timedOut = true;
      // GNU time's child, the measured process: time then reports how it ended and its peak memory.
      for (const pid of childrenOf(child.pid)) process.kill(pid, 'SIGKILL');
    };
    const timer = timeoutS === undefined ? undefined : setTimeout(stop, timeoutS * 1000);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (c) => resolve(c));
    });
    if (timer) clearTimeout(timer);
    const seconds = (performance.now() - started) / 1000;
    spillPeak = Math.max(spillPeak, spillSize(spill));
    const time = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
    const rss = /^(\d+)\s*$/m.exec(time);
    const result: StepResult = {
      step,
      ok: code === 0,
      seconds,
      max_rss_mb: rss ? (Number(rss[1]) * 1024) / MB : null,
      spill_peak_mb: spillPeak / MB,
      workspace_mb: workspaceSize(workspace),
    };
    if (code !== 0)
      result.error = timedOut ? `stopped at the ${timeoutS} s time limit` : failure(code, time, stderr);
    const text = stdout.trim();
    if (text) result.output = parsed(text);
    return result;
  } finally {
    clearInterval(poll);
    rmSync(dir, { recursive: true, force: true });
  }
}

function childrenOf(pid: number | undefined): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

function failure(code: number | null, time: string, stderr: string): string {
  const signal = /terminated by signal (\d+)/.exec(time)?.[1];
  if (signal === '9') return 'killed (signal 9: out of memory?)';
  if (signal) return `terminated by signal ${signal}`;
  const lines = stderr.split(/\r|\n/).map((l) => l.trim());
  const last = lines.filter((l) => l !== '').at(-1) ?? '';
  return `exit code ${code ?? '?'}: ${last.slice(0, 300)}`;
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function workspaceSize(path: string): number | null {
  if (!existsSync(path)) return null;
  const wal = `${path}.wal`;
  return (statSync(path).size + (existsSync(wal) ? statSync(wal).size : 0)) / MB;
}
