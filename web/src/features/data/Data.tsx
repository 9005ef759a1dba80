import { useState } from 'react';
import { postForm } from '../../api/client.js';
import type { Job, LoadReport, Preview, Row, Status } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { useJobPolling } from '../../api/use-job.js';
import { DataAnalysis } from './DataAnalysis.js';
import { Downloads } from '../../components/Downloads.js';
import { LoadReportView } from './LoadReportView.js';
import { LoadsTable } from './LoadsTable.js';
import { Panel } from '../../components/Panel.js';
import { JobProgress } from '../../components/JobProgress.js';
import { PreviewView } from './PreviewView.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { ErrorMessage, Loading } from '../../components/Status.js';
import { DETECT, UploadForm, type ReadOptions } from './UploadForm.js';
import { formatBytes } from '../../i18n/numbers-dates.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';

const PHASES: MessageKey[] = ['phase.queued', 'phase.reading', 'phase.loading', 'phase.checking'];

interface Busy {
  label: string;
  fraction: number;
}

/**
 * Upload → preview with the detected layout and mapping → load in the background → the report; then the
 * analysis and predictions of the new data (started by themselves after a sales load); the list of loads.
 */
export function Data() {
  const { t, lang } = useI18n();
  const status = useApi<Status>('/api/status');
  const loads = useApi<{ loads: Row[] }>('/api/loads');
  const [options, setOptions] = useState<ReadOptions>(DETECT);
  const [preview, setPreview] = useState<Preview>();
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<Busy>();
  const [error, setError] = useState<string>();
  const [job, setJob] = useState<Job>();
  const [openLoad, setOpenLoad] = useState<number>();
  const limit = status.data?.upload_limit_bytes;
  const limitText = limit === undefined ? '…' : formatBytes(limit, lang);

  const form = (fields: Record<string, string>): FormData => {
    const data = new FormData();
    for (const [k, v] of Object.entries({ ...options, ...fields })) if (v !== '') data.set(k, v);
    return data;
  };

  const sendPreview = async (data: FormData) => {
    setError(undefined);
    try {
      const answer = await postForm<Preview>('/api/ingest/preview', data, (fraction) =>
        setBusy({ label: t('data.uploading'), fraction }),
      );
      setPreview(answer);
      setMapping(answer.mapping);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(undefined);
    }
  };

  const onFile = (file: File) => {
    setJob(undefined);
    setPreview(undefined);
    if (limit !== undefined && file.size > limit) return setError(t('data.tooLarge', { limit: limitText }));
    setBusy({ label: t('data.uploading'), fraction: 0 });
    const data = form({});
    data.set('file', file, file.name);
    void sendPreview(data);
  };

  const onMapping = (next: Record<string, string>) => {
    setMapping(next);
    if (preview) void sendPreview(form({ upload_id: preview.upload_id, map: JSON.stringify(next) }));
  };

  const onLoad = async () => {
    if (!preview) return;
    setError(undefined);
    try {
      const answer = await postForm<{ job: Job }>(
        '/api/ingest',
        form({ upload_id: preview.upload_id, map: JSON.stringify(mapping) }),
      );
      setJob(answer.job);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  useJobPolling(job, setJob, () => {
    loads.reload();
    status.reload();
  });

  const reset = () => {
    setJob(undefined);
    setPreview(undefined);
    setError(undefined);
  };
  const running = job !== undefined && (job.state === 'queued' || job.state === 'running');
  const phase = job ? t(PHASES.find((p) => p === `phase.${job.progress.phase}`) ?? 'phase.loading') : '';

  return (
    <div className="page">
      <h1>{t('data.title')}</h1>
      <Panel title={t('data.upload')}>
        <UploadForm
          options={options}
          onOptions={setOptions}
          onFile={onFile}
          onReread={() => preview && void sendPreview(form({ upload_id: preview.upload_id }))}
          canReread={preview !== undefined && job === undefined}
          limitText={limitText}
          disabled={busy !== undefined || running}
        />
        {busy && <ProgressBar label={busy.label} fraction={busy.fraction} />}
        {error && <ErrorMessage message={error} />}
      </Panel>
      {preview && job === undefined && (
        <PreviewView
          preview={preview}
          mapping={mapping}
          onMapping={onMapping}
          busy={busy !== undefined}
          actions={
            <button
              type="button"
              className="primary"
              onClick={() => void onLoad()}
              disabled={busy !== undefined}
            >
              {t('data.load')}
            </button>
          }
        />
      )}
      {job && running && (
        <Panel title={job.label}>
          <JobProgress label={phase} progress={job.progress} />
        </Panel>
      )}
      {job?.state === 'failed' && <ErrorMessage message={t('job.failed', { message: job.error ?? '' })} />}
      {job?.state === 'done' && job.result && <LoadReportView report={job.result} />}
      {job && !running && (
        <button type="button" onClick={reset}>
          {t('data.again')}
        </button>
      )}
      <DataAnalysis loaded={job?.state === 'done' && job.result ? job.result : undefined} />
      {status.data?.linked && (
        <Panel title={t('linked.title')}>
          <p data-testid="linked-source">
            {t('linked.source', { source: status.data.linked.source, months: status.data.linked.months })}
          </p>
          <p className="muted">
            {t('linked.mapping')}{' '}
            {Object.entries(status.data.linked.mapping)
              .map(([field, column]) => `${field} ← ${column}`)
              .join(', ')}
          </p>
        </Panel>
      )}
      <Panel title={t('loads.title')} actions={<Downloads url="/api/loads" />}>
        {loads.error && <ErrorMessage message={loads.error} status={loads.status} onRetry={loads.reload} />}
        {!loads.data && !loads.error && <Loading />}
        {loads.data &&
          (loads.data.loads.length === 0 ? (
            <p className="muted">{t('loads.none')}</p>
          ) : (
            <LoadsTable loads={loads.data.loads} onOpen={setOpenLoad} />
          ))}
      </Panel>
      {openLoad !== undefined && <StoredReport loadId={openLoad} />}
    </div>
  );
}

function StoredReport({ loadId }: { loadId: number }) {
  const report = useApi<LoadReport>(`/api/loads/${loadId}`);
  if (report.error) return <ErrorMessage message={report.error} status={report.status} />;
  if (!report.data || report.data.load_id !== loadId) return <Loading />;
  return <LoadReportView report={report.data} />;
}
