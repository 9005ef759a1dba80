import { useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type { Status } from '../../api/types.js';
import type { ModelsStatus, PredictionsSummary } from '../../api/types-models.js';
import { useApi } from '../../api/use-api.js';
import { useAsOf } from '../../as-of.js';
import { ClvAtRisk } from './ClvAtRisk.js';
import { ClvDistributions } from './ClvDistributions.js';
import { ClvFigures, ClvModel } from './ClvFigures.js';
import { ClvPredictForm } from './ClvPredictForm.js';
import { ClvStages } from './ClvStages.js';
import { ClvValidation } from './ClvValidation.js';
import { useModelJob } from './ModelJob.js';
import { ErrorMessage, Loading } from '../../components/Status.js';
import { useI18n } from '../../i18n/i18n.js';
import { Link } from '../../router.js';

/**
 * CLV and churn: the stored predictions (key figures, distributions, the model), CLV by lifecycle stage, the
 * valuable customers at risk, a holdout check of the model on request, and the button that recomputes them.
 */
export function Clv() {
  const { t, date, num } = useI18n();
  const { asOf } = useAsOf();
  const status = useApi<Status>('/api/status');
  const sales = status.data?.sales;
  const hasSales = sales ? sales.customers > 0 : false;
  const stored = useApi<ModelsStatus>('/api/models/status');
  const predictions = stored.data?.predictions;
  const ready = predictions && (!asOf || asOf === predictions.as_of);
  const summary = useApi<PredictionsSummary>(ready ? apiUrl('/api/predictions', { as_of: asOf }) : null);
  const [generation, setGeneration] = useState(0);
  const job = useModelJob((finished) => {
    if (finished.state !== 'done') return;
    stored.reload();
    summary.reload();
    setGeneration((g) => g + 1);
  });
  if (!status.data || !stored.data) return <Loading />;
  if (!hasSales || !sales?.date_min || !sales.date_max) {
    return (
      <div className="page">
        <h1>{t('nav.clv')}</h1>
        <p>{t('empty.text')}</p>
        <Link to="/data" className="button">
          {t('empty.link')}
        </Link>
      </div>
    );
  }
  const s = ready ? summary.data : undefined;
  const notice = !predictions
    ? t('clv.none')
    : !ready
      ? t('clv.otherDate', { stored: date(predictions.as_of), asked: date(asOf) })
      : undefined;
  return (
    <div className="page">
      <h1>{t('nav.clv')}</h1>
      {s && (
        <p className="subtitle">
          {t('clv.subtitle', {
            date: date(s.as_of),
            customers: num(s.customers),
            model: t(`clv.model.${s.model.name}`),
            horizon: t(`clv.per.${s.unit}`, { n: s.horizon }),
          })}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {summary.error && (
        <ErrorMessage message={summary.error} status={summary.status} onRetry={summary.reload} />
      )}
      {ready && !s && !summary.error && <Loading />}
      <ClvPredictForm job={job} current={s} asOf={asOf} />
      {s && (
        <>
          <ClvFigures summary={s} />
          <ClvDistributions summary={s} />
          {predictions?.snapshots ? (
            <ClvStages key={`stages-${generation}`} />
          ) : (
            <p className="notice">{t('clv.stages.none')}</p>
          )}
          <ClvAtRisk key={`risk-${generation}`} asOf={asOf} />
          <ClvModel summary={s} />
        </>
      )}
      <ClvValidation
        key={s?.as_of ?? sales.date_max}
        first={sales.date_min.slice(0, 10)}
        last={s?.as_of ?? sales.date_max.slice(0, 10)}
      />
    </div>
  );
}
