import { randomUUID } from 'node:crypto';
import { errorMessage, isInputError } from '../errors.js';
import { apiMessage } from './api-words.js';
import { isResourceError } from '../db/index.js';
import { type Progress, type ProgressListener, ProgressTracker } from '../util/index.js';

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/** What `GET /api/jobs/:id` returns. */
export interface Job {
  id: string;
  kind: string;
  /** What the job works on, for people (e.g. the uploaded file's name). */
  label: string;
  state: JobState;
  progress: Progress;
  result: unknown;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/**
 * What a job's work gets: call `started()` when it actually begins (after waiting for its turn); `progress`
 * takes the work's plain events and keeps them, timed from `started()` (ProgressTracker), as job.progress.
 */
export interface JobControl {
  started(): void;
  progress: ProgressListener;
}

export type JobWork = (control: JobControl) => Promise<unknown>;

const KEEP_FINISHED = 100;

/**
 * Long work (loads) run in the background, one after another, with progress the UI polls. A job's failure
 * is its state, never the server's: InputError messages are kept as they are, other errors are reported as
 * internal errors.
 */
export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly pending = new Set<Promise<void>>();
  private stopped = false;

  /** `clock` (milliseconds) times the jobs' progress; tests pass their own. */
  constructor(private readonly clock: () => number = () => performance.now()) {}

  submit(kind: string, label: string, work: JobWork): Job {
    const job: Job = {
      id: randomUUID(),
      kind,
      label,
      state: 'queued',
      progress: { phase: 'queued', done: 0, total: 1 },
      result: null,
      error: null,
      created_at: new Date().toISOString(),
      started_at: null,
      finished_at: null,
    };
    this.jobs.set(job.id, job);
    const keep: ProgressListener = (p) => {
      job.progress = p;
    };
    let tracker: ProgressTracker | undefined;
    const control: JobControl = {
      started: () => {
        if (this.stopped) throw new Error('The server stopped before the job started.');
        job.state = 'running';
        job.started_at = new Date().toISOString();
        tracker = new ProgressTracker(keep, this.clock);
      },
      progress: (p) => (tracker ? tracker.listener(p) : keep(p)),
    };
    const settled = work(control).then(
      (result) => {
        job.state = 'done';
        job.result = result;
        job.progress = {
          ...job.progress,
          done: job.progress.total,
          ...(tracker ? { elapsed_s: tracker.elapsed(), eta_s: 0 } : {}),
        };
      },
      (error: unknown) => {
        job.state = 'failed';
        job.error =
          isInputError(error) || isResourceError(error)
            ? apiMessage(error)
            : this.stopped
              ? errorMessage(error)
              : `Internal error: ${errorMessage(error)}`;
      },
    );
    const tracked = settled.finally(() => {
      job.finished_at = new Date().toISOString();
      this.pending.delete(tracked);
      this.prune();
    });
    this.pending.add(tracked);
    return job;
  }

  get running(): boolean {
    return [...this.jobs.values()].some((j) => j.state === 'running');
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  /** Newest first. */
  list(): Job[] {
    return [...this.jobs.values()].reverse();
  }

  /** Refuses to start queued jobs and waits until the running one has settled. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.pending);
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state === 'done' || j.state === 'failed');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(job.id);
  }
}
