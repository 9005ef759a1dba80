import { useEffect, useState } from 'react';
import type { PredictionsSummary, PurchaseModel, TimeUnit } from '../../api/types-models.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import { ClvField } from './ClvField.js';
import { ModelJobStatus, type ModelJob } from './ModelJob.js';
import { Panel } from '../../components/Panel.js';

const MODELS: PurchaseModel[] = ['bgnbd', 'pnbd', 'mbgnbd'];
const UNITS: TimeUnit[] = ['day', 'week', 'month'];

interface Options {
  model: PurchaseModel;
  horizon: string;
  unit: TimeUnit;
  discount_rate: string;
  margin: string;
}

const DEFAULTS: Options = { model: 'bgnbd', horizon: '12', unit: 'month', discount_rate: '0', margin: '1' };

function fromSummary(s: PredictionsSummary | undefined): Options {
  if (!s) return DEFAULTS;
  return {
    model: s.model.name,
    horizon: String(s.horizon),
    unit: s.unit,
    discount_rate: String(s.discount_rate),
    margin: String(s.margin),
  };
}

/** The options of the predictions and the button that (re)computes them in the background, with its progress. */
export function ClvPredictForm({
  job,
  current,
  asOf,
}: {
  job: ModelJob;
  current: PredictionsSummary | undefined;
  asOf: string;
}) {
  const { t, date } = useI18n();
  const { help } = useCatalogue();
  const [options, setOptions] = useState<Options>(() => fromSummary(current));
  useEffect(() => setOptions(fromSummary(current)), [current]);
  const set = (patch: Partial<Options>) => setOptions((o) => ({ ...o, ...patch }));
  const submit = () =>
    void job.start('predict', {
      ...(asOf ? { as_of: asOf } : {}),
      model: options.model,
      horizon: Number(options.horizon),
      unit: options.unit,
      discount_rate: Number(options.discount_rate),
      margin: Number(options.margin),
    });
  return (
    <Panel title={t('clv.compute')} help={help('clv.compute')}>
      <p className="muted">{t('clv.computeText', { date: asOf ? date(asOf) : t('clv.latestSale') })}</p>
      <details className="options">
        <summary>{t('clv.options')}</summary>
        <div className="form-row">
          <ClvField label={t('clv.model')} help={help('clv.model')}>
            {(id) => (
              <select
                id={id}
                value={options.model}
                onChange={(e) => set({ model: e.target.value as PurchaseModel })}
              >
                {MODELS.map((m) => (
                  <option key={m} value={m}>
                    {t(`clv.model.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </ClvField>
          <ClvField label={t('clv.horizon')} help={help('clv.horizon')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={1}
                max={1200}
                step={1}
                value={options.horizon}
                onChange={(e) => set({ horizon: e.target.value })}
              />
            )}
          </ClvField>
          <ClvField label={t('clv.unit')}>
            {(id) => (
              <select
                id={id}
                value={options.unit}
                onChange={(e) => set({ unit: e.target.value as TimeUnit })}
              >
                {UNITS.map((u) => (
                  <option key={u} value={u}>
                    {t(`clv.unit.${u}`)}
                  </option>
                ))}
              </select>
            )}
          </ClvField>
          <ClvField label={t('clv.discount')} help={help('clv.discount')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={0}
                max={0.99}
                step={0.001}
                value={options.discount_rate}
                onChange={(e) => set({ discount_rate: e.target.value })}
              />
            )}
          </ClvField>
          <ClvField label={t('clv.margin')} help={help('clv.margin')}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={0}
                max={1}
                step={0.01}
                value={options.margin}
                onChange={(e) => set({ margin: e.target.value })}
              />
            )}
          </ClvField>
        </div>
      </details>
      <button type="button" className="primary" onClick={submit} disabled={job.running}>
        {t('clv.computeButton')}
      </button>
      <ModelJobStatus state={job} />
    </Panel>
  );
}
