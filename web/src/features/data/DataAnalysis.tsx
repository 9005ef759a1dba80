import { useEffect, useRef } from 'react';
import type { LoadReport } from '../../api/types.js';
import type { AnalyzeResult, ModelsStatus } from '../../api/types-models.js';
import { useApi } from '../../api/use-api.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import { Link } from '../../router.js';
import { ModelJobStatus, useModelJob } from '../models/ModelJob.js';
import { Panel } from '../../components/Panel.js';

/**
 * The analysis and predictions of what is loaded: what is stored, a button to (re)compute both in the
 * background, and the automatic run after a load that added sales, so an uploaded file ends up analyzed.
 */
export function DataAnalysis({ loaded }: { loaded: LoadReport | undefined }) {
  const { t, date, num } = useI18n();
  const { help } = useCatalogue();
  const stored = useApi<ModelsStatus>('/api/models/status');
  const job = useModelJob(() => stored.reload());
  const started = useRef<number>(undefined);
  const { start } = job;
  useEffect(() => {
    if (!loaded || loaded.kind !== 'sales' || loaded.already_loaded || loaded.rows_accepted === 0) return;
    if (started.current === loaded.load_id) return;
    started.current = loaded.load_id;
    void start('analyze', { predict: true });
  }, [loaded, start]);
  const analysis = stored.data?.analysis;
  const predictions = stored.data?.predictions;
  const result = job.job?.state === 'done' ? (job.job.result as unknown as AnalyzeResult | null) : null;
  return (
    <Panel title={t('dataAnalysis.title')} help={help('dataAnalysis.title')}>
      {stored.data && (
        <p className="muted">
          {analysis
            ? t('dataAnalysis.analysis', { date: date(analysis.as_of) })
            : t('dataAnalysis.noAnalysis')}{' '}
          {predictions
            ? t('dataAnalysis.predictions', { date: date(predictions.as_of) })
            : t('dataAnalysis.noPredictions')}
        </p>
      )}
      <button
        type="button"
        className="primary"
        disabled={job.running}
        onClick={() => void start('analyze', { predict: true })}
      >
        {t('dataAnalysis.run')}
      </button>
      <ModelJobStatus state={job} />
      {result?.analysis && (
        <div className="report" role="status">
          <p>
            {t('dataAnalysis.done', {
              date: date(result.analysis.as_of),
              customers: num(result.analysis.customers),
              snapshots: num(result.analysis.snapshots.length),
            })}{' '}
            {result.predictions &&
              t('dataAnalysis.predicted', {
                customers: num(result.predictions.customers),
                atRisk: num(result.predictions.churn_risk_over_half),
              })}
          </p>
          {result.predictions_error && (
            <p className="notice">{t('dataAnalysis.predictFailed', { message: result.predictions_error })}</p>
          )}
          <p>
            <Link to="/">{t('nav.overview')}</Link> · <Link to="/clv">{t('nav.clv')}</Link>
          </p>
        </div>
      )}
    </Panel>
  );
}
