import { useMemo, useState } from 'react';
import { apiUrl } from '../../api/client.js';
import type {
  CohortAxis,
  CohortCell,
  CohortMetric,
  Cohorts as CohortsData,
} from '../../api/types-history.js';
import { useApi } from '../../api/use-api.js';
import { useCatalogue } from '../../catalogue.js';
import { CohortHeatmap, METRIC_UNITS, type CohortGrid } from './CohortHeatmap.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { HistoryChoice } from './HistoryChoice.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';
import { formatMonth } from '../../i18n/numbers-dates.js';
import { useI18n } from '../../i18n/i18n.js';

const METRICS = ['retention', 'active', 'revenue'] as const satisfies readonly CohortMetric[];

/** Cohorts by month of first purchase: a heatmap of retention, active customers or revenue, and the table. */
export function Cohorts() {
  const { t, date } = useI18n();
  const [metric, setMetric] = useState<(typeof METRICS)[number]>('retention');
  const [axis, setAxis] = useState<CohortAxis>('month');
  const cohorts = useApi<CohortsData>('/api/cohorts');
  return (
    <div className="page">
      <h1>{t('cohorts.title')}</h1>
      {cohorts.error && (
        <ErrorMessage message={cohorts.error} status={cohorts.status} onRetry={cohorts.reload} />
      )}
      {!cohorts.data && !cohorts.error && <Loading />}
      {cohorts.data && (
        <>
          <p className="subtitle">{t('history.asOf', { date: date(cohorts.data.as_of) })}</p>
          <div className="toolbar">
            <HistoryChoice<(typeof METRICS)[number]>
              label={t('cohorts.metric')}
              value={metric}
              options={METRICS.map((value) => ({ value, label: t(`cohorts.metric.${value}`) }))}
              onChange={setMetric}
            />
            <HistoryChoice<CohortAxis>
              label={t('cohorts.axis')}
              value={axis}
              options={(['month', 'age'] as const).map((value) => ({
                value,
                label: t(`cohorts.axis.${value}`),
              }))}
              onChange={setAxis}
            />
          </div>
          <CohortView data={cohorts.data} metric={metric} axis={axis} />
        </>
      )}
    </div>
  );
}

function CohortView({ data, metric, axis }: { data: CohortsData; metric: CohortMetric; axis: CohortAxis }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { help } = useCatalogue();
  const grid = useMemo((): CohortGrid => {
    const keyOf = (c: CohortCell) => (axis === 'month' ? c.month : String(c.months_since_first));
    const ages = Math.max(0, ...data.cells.map((c) => c.months_since_first));
    const byCell = new Map(data.cells.map((c) => [`${c.cohort}|${keyOf(c)}`, c]));
    return {
      cohorts: [...new Set(data.cells.map((c) => c.cohort))].sort(),
      keys: axis === 'month' ? data.months : Array.from({ length: ages + 1 }, (_, i) => String(i)),
      columnLabel: (key) => (axis === 'month' ? formatMonth(key, lang) : t('cohorts.age', { n: key })),
      rowLabel: (cohort) => formatMonth(cohort, lang),
      value: (cohort, key) => byCell.get(`${cohort}|${key}`)?.[metric],
      cells: data.cells,
      keyOf,
    };
  }, [data, axis, metric, lang, t]);
  const metricName = t(`cohorts.metric.${metric}`);
  const unit = METRIC_UNITS[metric];
  const sizes = new Map(data.cells.map((c) => [c.cohort, c.customers]));
  const columns: Column[] = [
    {
      key: 'cohort',
      label: t('cohorts.cohort'),
      help: help('cohorts.cohort'),
      render: (v) => grid.rowLabel(String(v)),
    },
    {
      key: 'customers',
      label: t('cohorts.size'),
      help: help('cohorts.size'),
      numeric: true,
      render: (v) => i18n.value(v, 'count'),
    },
    ...grid.keys.map((key) => ({
      key: `k:${key}`,
      label: grid.columnLabel(key),
      help: `${metricName}, ${grid.columnLabel(key)}: ${help(`cohorts.${metric}`)}${axis === 'age' ? ` ${help('cohorts.age')}` : ''}`,
      numeric: true,
      render: (_: unknown, row: Record<string, unknown>) =>
        i18n.value(grid.value(String(row['cohort']), key), unit),
    })),
  ];
  const rows = grid.cohorts.map((cohort) => ({ cohort, customers: sizes.get(cohort) }));
  return (
    <>
      <CohortHeatmap grid={grid} metric={metric} title={t('cohorts.heatmap', { metric: metricName })} />
      <Panel
        title={t('cohorts.table')}
        actions={<Downloads url={apiUrl('/api/cohorts', { metric, axis })} />}
      >
        <DataTable columns={columns} rows={rows} label={t('cohorts.table')} tall />
      </Panel>
    </>
  );
}
