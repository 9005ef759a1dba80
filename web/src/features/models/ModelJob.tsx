import { useCallback, useEffect, useRef, useState } from 'react';
import { getJson, sendJson } from '../../api/client.js';
import type { Job } from '../../api/types.js';
import { useJobPolling } from '../../api/use-job.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';
import { JobProgress } from '../../components/JobProgress.js';
import { ErrorMessage } from '../../components/Status.js';

/** The models area's background jobs: `analyze` (POST /api/analyze) and `predict` (POST /api/predict). */
export type ModelJobKind = 'analyze' | 'predict';

export interface ModelJob {
  job: Job | undefined;
  /** Why the job could not start (bad options: the API's message). */
  error: string | undefined;
  running: boolean;
  start(kind: ModelJobKind, body: object): Promise<void>;
}

const URLS: Record<ModelJobKind, string> = { analyze: '/api/analyze', predict: '/api/predict' };

const isActive = (job: Job | undefined) =>
  job !== undefined && (job.state === 'queued' || job.state === 'running');

/**
 * Starts a models job and follows it until it ends (`onFinished` then runs once with the last state). A page
 * opened while such a job runs (started elsewhere, or before leaving the page) picks it up from /api/jobs.
 */
export function useModelJob(onFinished: (job: Job) => void): ModelJob {
  const [job, setJob] = useState<Job>();
  const [error, setError] = useState<string>();
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const reported = useRef<string>(undefined);
  useEffect(() => {
    let stopped = false;
    getJson<{ jobs: (Job & { kind: string })[] }>('/api/jobs').then(
      ({ jobs }) => {
        const running = jobs.find((j) => j.kind in URLS && isActive(j));
        if (!stopped && running) setJob((current) => current ?? running);
      },
      () => undefined,
    );
    return () => {
      stopped = true;
    };
  }, []);
  useJobPolling(job, setJob, () => undefined);
  useEffect(() => {
    if (job && !isActive(job) && reported.current !== job.id) {
      reported.current = job.id;
      finished.current(job);
    }
  }, [job]);
  const start = useCallback(async (kind: ModelJobKind, body: object) => {
    setError(undefined);
    try {
      const answer = await sendJson<{ job: Job }>('POST', URLS[kind], body);
      setJob(answer.job);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  return { job, error, running: isActive(job), start };
}

const PHASES: Record<string, MessageKey> = {
  queued: 'modelJob.queued',
  analyzing: 'modelJob.analyzing',
  fitting: 'modelJob.fitting',
  snapshots: 'modelJob.snapshots',
  recommending: 'modelJob.recommending',
  months: 'modelJob.months',
  sales: 'modelJob.facts',
  profile: 'modelJob.profile',
};

/** The job's progress while it runs, its error if it failed or could not start. */
export function ModelJobStatus({ state }: { state: ModelJob }) {
  const { t } = useI18n();
  const { job, error, running } = state;
  const progress = job?.progress;
  const label = progress === undefined ? '' : t(PHASES[progress.phase] ?? 'modelJob.working');
  return (
    <>
      {error && <ErrorMessage message={error} />}
      {running && progress && <JobProgress label={label} progress={progress} />}
      {job?.state === 'failed' && (
        <ErrorMessage message={t('modelJob.failed', { message: job.error ?? '' })} />
      )}
    </>
  );
}
