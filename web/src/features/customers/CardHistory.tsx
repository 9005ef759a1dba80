import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { Row } from '../../api/types.js';
import type { CustomerHistory, ModelsStatus } from '../../api/types-models.js';
import { useApi } from '../../api/use-api.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import { metricColumn } from '../../profile-columns.js';
import { Chart } from '../../components/Chart.js';
import { STAGE_COLORS, STAGE_ORDER, stageName } from '../models/ClvStages.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';

const METRICS = [
  'days_in_stage',
  'rfm_segment',
  'r_score',
  'f_score',
  'm_score',
  'abc',
  'xyz',
  'orders',
  'revenue',
  'recency_days',
  'rhythm_days',
  'days_overdue',
];
const PREDICTIONS = ['clv', 'churn_risk', 'p_alive', 'expected_purchases'];

/**
 * One customer's history over the analysis snapshots: the lifecycle stage month by month, CLV and churn risk
 * (when predicted at the snapshots), and the table of every characteristic at every snapshot.
 */
export function CardHistory({ id }: { id: string }) {
  const { t } = useI18n();
  const stored = useApi<ModelsStatus>('/api/models/status');
  if (!stored.data) return null;
  if (!stored.data.analysis)
    return (
      <Panel title={t('cardHistory.title')}>
        <p className="notice">{t('cardHistory.noAnalysis')}</p>
      </Panel>
    );
  return <HistoryView id={id} />;
}

function HistoryView({ id }: { id: string }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const catalogue = useCatalogue();
  const url = `/api/customers/${encodeURIComponent(id)}/history`;
  const history = useApi<CustomerHistory>(url);
  const data = history.data?.customer_id === id ? history.data : undefined;
  const [stageOption, valueOption] = useMemo((): [EChartsCoreOption, EChartsCoreOption] | [] => {
    if (!data) return [];
    const dates = data.rows.map((r) => date(String(r['as_of'])));
    return [
      {
        tooltip: { trigger: 'axis' },
        grid: { left: 120, right: 24, top: 16, bottom: 28 },
        xAxis: { type: 'category', data: dates, axisLabel: { hideOverlap: true } },
        yAxis: { type: 'category', data: STAGE_ORDER.map((s) => stageName(s, t)) },
        series: [
          {
            type: 'line',
            step: 'end',
            name: t('cardHistory.stage'),
            symbolSize: 9,
            showAllSymbol: true,
            lineStyle: { color: '#999' },
            data: data.rows.map((r) => ({
              value: stageName(r['stage'], t),
              itemStyle: { color: STAGE_COLORS[String(r['stage'])] ?? '#999' },
            })),
          },
        ],
      },
      {
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) =>
            typeof v === 'number' ? i18n.num(v, { maximumFractionDigits: 2 }) : '—',
        },
        legend: { top: 0 },
        grid: { left: 64, right: 56, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: dates, axisLabel: { hideOverlap: true } },
        yAxis: [
          { type: 'value' },
          {
            type: 'value',
            min: 0,
            max: 1,
            splitLine: { show: false },
            axisLabel: { formatter: (v: number) => i18n.num(v, { style: 'percent' }) },
          },
        ],
        series: [
          {
            type: 'bar',
            name: catalogue.metric('clv')?.name ?? 'clv',
            data: data.rows.map((r) => r['clv'] ?? null),
            itemStyle: { color: '#4f7cac' },
          },
          {
            type: 'line',
            name: catalogue.metric('churn_risk')?.name ?? 'churn_risk',
            yAxisIndex: 1,
            data: data.rows.map((r) => r['churn_risk'] ?? null),
            itemStyle: { color: '#d1603d' },
          },
        ],
      },
    ];
  }, [data, t, date, i18n, catalogue]);
  if (history.error) {
    return (
      <Panel title={t('cardHistory.title')}>
        <ErrorMessage message={history.error} status={history.status} />
      </Panel>
    );
  }
  if (!data || !stageOption || !valueOption) return <Loading />;
  if (data.rows.length === 0) {
    return (
      <Panel title={t('cardHistory.title')}>
        <p className="muted">{t('cardHistory.none', { date: date(data.analysis_as_of) })}</p>
      </Panel>
    );
  }
  const columns: Column[] = [
    {
      key: 'as_of',
      label: t('cardHistory.asOf'),
      help: catalogue.help('cardHistory.asOf'),
      render: (v) => date(String(v)),
    },
    { ...metricColumn('stage', catalogue, i18n), render: (v: unknown) => stageName(v, t) },
    ...METRICS.map((m) => metricColumn(m, catalogue, i18n)),
    ...(['period_orders', 'period_revenue'] as const).map((key) => ({
      key,
      label: t(`cardHistory.${key}`),
      help: catalogue.help(`cardHistory.${key}`),
      numeric: true,
      render: (v: unknown) => i18n.value(v, key === 'period_orders' ? 'count' : 'currency'),
    })),
    ...(data.predictions ? PREDICTIONS.map((m) => metricColumn(m, catalogue, i18n)) : []),
  ];
  const rows: Row[] = [...data.rows].reverse();
  return (
    <>
      <div className="charts">
        <Panel title={t('cardHistory.stages')} help={catalogue.help('cardHistory.stages')}>
          <Chart option={stageOption} label={t('cardHistory.stages')} height={240} />
        </Panel>
        {data.predictions && (
          <Panel title={t('cardHistory.values')} help={catalogue.help('cardHistory.values')}>
            <Chart option={valueOption} label={t('cardHistory.values')} height={240} />
          </Panel>
        )}
      </div>
      <Panel
        title={t('cardHistory.title')}
        help={catalogue.help('cardHistory.title')}
        actions={<Downloads url={url} />}
      >
        <DataTable columns={columns} rows={rows} label={t('cardHistory.title')} tall />
      </Panel>
    </>
  );
}
