import { useMemo, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { apiUrl } from '../../api/client.js';
import type { FitReport, PurchaseModel, ValidationReport } from '../../api/types-models.js';
import { useApi } from '../../api/use-api.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import { Chart } from '../../components/Chart.js';
import { ClvField } from './ClvField.js';
import { ModelParams } from './ClvFigures.js';
import { Help } from '../../components/Help.js';
import { KeyFigure } from '../../components/KeyFigure.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';

const DAY = 86_400_000;

/** The day halfway between two dates (YYYY-MM-DD). */
function midpoint(first: string, last: string): string {
  const a = Date.parse(first);
  const b = Date.parse(last);
  return new Date(a + Math.floor((b - a) / DAY / 2) * DAY).toISOString().slice(0, 10);
}

interface Query {
  model: PurchaseModel;
  calibration_end: string;
  holdout_end: string;
}

/**
 * Holdout validation on request: the model fitted up to a calibration end predicts each customer's purchases
 * after it, compared with what they did — by calibration frequency and as the cumulative tracking curve.
 */
export function ClvValidation({ first, last }: { first: string; last: string }) {
  const { t } = useI18n();
  const { help } = useCatalogue();
  const [form, setForm] = useState<Query>({
    model: 'bgnbd',
    calibration_end: midpoint(first, last),
    holdout_end: last,
  });
  const [query, setQuery] = useState<Query>();
  return (
    <Panel title={t('clv.validation')} help={help('clv.validation')}>
      <div className="form-row">
        <ClvField label={t('clv.model')}>
          {(id) => (
            <select
              id={id}
              value={form.model}
              onChange={(e) => setForm({ ...form, model: e.target.value as PurchaseModel })}
            >
              {(['bgnbd', 'pnbd', 'mbgnbd'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`clv.model.${m}`)}
                </option>
              ))}
            </select>
          )}
        </ClvField>
        <ClvField label={t('clv.calibrationEnd')} help={help('clv.calibrationEnd')}>
          {(id) => (
            <input
              id={id}
              type="date"
              value={form.calibration_end}
              onChange={(e) => setForm({ ...form, calibration_end: e.target.value })}
            />
          )}
        </ClvField>
        <ClvField label={t('clv.holdoutEnd')} help={help('clv.holdoutEnd')}>
          {(id) => (
            <input
              id={id}
              type="date"
              value={form.holdout_end}
              onChange={(e) => setForm({ ...form, holdout_end: e.target.value })}
            />
          )}
        </ClvField>
      </div>
      <button type="button" onClick={() => setQuery({ ...form })}>
        {t('clv.validate')}
      </button>
      {query && <ValidationResult query={query} />}
    </Panel>
  );
}

function ValidationResult({ query }: { query: Query }) {
  const i18n = useI18n();
  const { t, value, date } = i18n;
  const { help } = useCatalogue();
  const params = { ...query, time_unit: 'week' };
  const validation = useApi<ValidationReport>(apiUrl('/api/models/validate', params));
  const fit = useApi<FitReport>(
    apiUrl('/api/models/fit', {
      model: query.model,
      calibration_end: query.calibration_end,
      time_unit: 'week',
    }),
  );
  const v = validation.data;
  const [frequencyOption, trackingOption] = useMemo((): [EChartsCoreOption, EChartsCoreOption] | [] => {
    if (!v) return [];
    const tooltip = {
      trigger: 'axis',
      valueFormatter: (x: unknown) =>
        typeof x === 'number' ? i18n.num(x, { maximumFractionDigits: 2 }) : String(x),
    };
    const calibrationPeriod = v.tracking.findIndex((p) => p.end >= v.calibration_end);
    return [
      {
        tooltip,
        legend: { top: 0 },
        grid: { left: 56, right: 16, top: 36, bottom: 48 },
        xAxis: {
          type: 'category',
          data: v.by_frequency.map((b) => b.frequency),
          name: t('clv.val.frequencyAxis'),
          nameLocation: 'middle',
          nameGap: 30,
        },
        yAxis: { type: 'value' },
        series: [
          {
            type: 'bar',
            name: t('clv.val.actual'),
            data: v.by_frequency.map((b) => b.actual),
            itemStyle: { color: '#4f7cac' },
          },
          {
            type: 'bar',
            name: t('clv.val.predicted'),
            data: v.by_frequency.map((b) => b.predicted),
            itemStyle: { color: '#d1603d' },
          },
        ],
      },
      {
        tooltip,
        legend: { top: 0 },
        grid: { left: 64, right: 24, top: 36, bottom: 28 },
        xAxis: {
          type: 'category',
          data: v.tracking.map((p) => date(p.end)),
          axisLabel: { hideOverlap: true },
        },
        yAxis: { type: 'value' },
        series: [
          {
            type: 'line',
            name: t('clv.val.actual'),
            data: v.tracking.map((p) => p.actual),
            showSymbol: false,
            itemStyle: { color: '#4f7cac' },
            markLine:
              calibrationPeriod >= 0
                ? {
                    symbol: 'none',
                    label: { formatter: t('clv.val.calibrationLine') },
                    lineStyle: { type: 'dashed', color: '#888' },
                    data: [{ xAxis: calibrationPeriod }],
                  }
                : undefined,
          },
          {
            type: 'line',
            name: t('clv.val.predicted'),
            data: v.tracking.map((p) => p.predicted),
            showSymbol: false,
            lineStyle: { type: 'dashed' },
            itemStyle: { color: '#d1603d' },
          },
        ],
      },
    ];
  }, [v, i18n, t, date]);
  if (validation.error) return <ErrorMessage message={validation.error} status={validation.status} />;
  if (!v || !frequencyOption || !trackingOption) return <Loading />;
  const percent = (x: number) =>
    i18n.num(x / 100, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return (
    <>
      <div className="figures">
        <KeyFigure
          label={t('clv.val.customers')}
          value={value(v.customers, 'count')}
          help={help('clv.val.customers')}
        />
        <KeyFigure
          label={t('clv.val.actualTotal')}
          value={value(v.errors.actual_total, 'count')}
          help={help('clv.val.actualTotal')}
        />
        <KeyFigure
          label={t('clv.val.predictedTotal')}
          value={value(v.errors.predicted_total, 'count')}
          help={help('clv.val.predictedTotal')}
        />
        <KeyFigure
          label={t('clv.val.aggregateError')}
          value={percent(v.errors.aggregate_error_percent)}
          help={help('clv.val.aggregateError')}
        />
        <KeyFigure
          label={t('clv.val.mae')}
          value={i18n.num(v.errors.mae, { maximumFractionDigits: 3 })}
          help={help('clv.val.mae')}
        />
      </div>
      <div className="charts">
        <Panel title={t('clv.val.byFrequency')} help={help('clv.val.byFrequency')}>
          <Chart option={frequencyOption} label={t('clv.val.byFrequency')} />
        </Panel>
        <Panel title={t('clv.val.tracking')} help={help('clv.val.tracking')}>
          <Chart option={trackingOption} label={t('clv.val.tracking')} />
        </Panel>
      </div>
      <h3>
        {t('clv.val.params', { date: date(v.calibration_end) })}
        <Help text={help('clv.val.params')} />
      </h3>
      {fit.error && <ErrorMessage message={fit.error} status={fit.status} />}
      {fit.data ? (
        <dl className="facts">
          <ModelParams params={fit.data.params} errors={fit.data.std_errors} />
        </dl>
      ) : (
        !fit.error && <Loading />
      )}
    </>
  );
}
