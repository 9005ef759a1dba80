import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { StageValueRow } from '../../api/types-models.js';
import { useApi } from '../../api/use-api.js';
import { useCatalogue } from '../../catalogue.js';
import { formatMonth } from '../../i18n/numbers-dates.js';
import { useI18n, type I18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';
import { Chart } from '../../components/Chart.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';

/** Lifecycle stages in their order, with one colour each (the same on every models chart). */
export const STAGE_COLORS: Record<string, string> = {
  new: '#6aa5d8',
  one_time: '#9bb7c9',
  active: '#5b9a68',
  falling_asleep: '#e3b448',
  asleep: '#d1603d',
  restored: '#8a6bb1',
  lost: '#7d7d7d',
};

export const STAGE_ORDER = Object.keys(STAGE_COLORS);

/** A stage's name in the current language (the raw value when it is not a known stage). */
export function stageName(stage: unknown, t: I18n['t']): string {
  const s = String(stage ?? '');
  return s in STAGE_COLORS ? t(`clv.stage.${s}` as MessageKey) : s || '—';
}

const URL = '/api/predictions/stages';

/** Mean CLV by lifecycle stage: at the latest snapshot, month by month, and as a table. */
export function ClvStages() {
  const i18n = useI18n();
  const { t, value, lang } = i18n;
  const { help } = useCatalogue();
  const stages = useApi<{ rows: StageValueRow[] }>(URL);
  const data = stages.data;
  const { rows, latest } = useMemo(() => {
    const all = data?.rows ?? [];
    const lastId = all.at(-1)?.snapshot_id;
    return { rows: all, latest: all.filter((r) => r.snapshot_id === lastId) };
  }, [data]);
  const [barOption, lineOption] = useMemo((): [EChartsCoreOption, EChartsCoreOption] => {
    const money = (v: unknown) => (typeof v === 'number' ? value(v, 'currency') : String(v));
    const months = [...new Set(rows.map((r) => r.month))];
    const present = STAGE_ORDER.filter((s) => rows.some((r) => r.stage === s));
    return [
      {
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => (typeof v === 'number' ? i18n.num(v) : String(v)),
        },
        legend: { top: 0 },
        grid: { left: 64, right: 56, top: 36, bottom: 56 },
        xAxis: {
          type: 'category',
          data: latest.map((r) => stageName(r.stage, t)),
          axisLabel: { interval: 0, rotate: 25 },
        },
        yAxis: [{ type: 'value' }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
        series: [
          {
            type: 'bar',
            name: t('clv.stages.meanClv'),
            data: latest.map((r) => ({ value: r.mean_clv, itemStyle: { color: STAGE_COLORS[r.stage] } })),
          },
          {
            type: 'line',
            name: t('clv.stages.customers'),
            yAxisIndex: 1,
            data: latest.map((r) => r.customers),
            itemStyle: { color: '#333' },
          },
        ],
      },
      {
        tooltip: { trigger: 'axis', valueFormatter: money },
        legend: { top: 0 },
        grid: { left: 64, right: 24, top: 48, bottom: 28 },
        xAxis: { type: 'category', data: months.map((m) => formatMonth(m, lang)) },
        yAxis: { type: 'value' },
        series: present.map((stage) => ({
          type: 'line',
          name: stageName(stage, t),
          itemStyle: { color: STAGE_COLORS[stage] },
          data: months.map((m) => rows.find((r) => r.month === m && r.stage === stage)?.mean_clv ?? null),
        })),
      },
    ];
  }, [rows, latest, lang, i18n, t, value]);
  const columns: Column[] = [
    {
      key: 'stage',
      label: t('clv.stages.stage'),
      help: help('clv.stages.stage'),
      render: (v) => stageName(v, t),
    },
    ...(
      [
        ['customers', 'count'],
        ['mean_clv', 'currency'],
        ['total_clv', 'currency'],
        ['mean_churn_risk', 'ratio'],
        ['mean_p_alive', 'ratio'],
        ['mean_expected_purchases', 'items'],
      ] as const
    ).map(([key, unit]) => ({
      key,
      label: t(`clv.stages.${key}`),
      help: help(`clv.stages.${key}`),
      numeric: true,
      render: (v: unknown) => value(v, unit),
    })),
  ];
  const month = latest[0]?.month;
  const title = t('clv.stages.title', { month: month ? formatMonth(month, lang) : '' });
  if (stages.error) {
    return (
      <Panel title={t('clv.stages.titlePlain')}>
        <ErrorMessage message={stages.error} status={stages.status} />
      </Panel>
    );
  }
  if (!stages.data) return <Loading />;
  return (
    <>
      <div className="charts">
        <Panel title={title} help={help('clv.stages.chart')}>
          <Chart option={barOption} label={title} />
        </Panel>
        <Panel title={t('clv.stages.trend')} help={help('clv.stages.trend')}>
          <Chart option={lineOption} label={t('clv.stages.trend')} />
        </Panel>
      </div>
      <Panel title={title} help={help('clv.stages.table')} actions={<Downloads url={URL} />}>
        <DataTable
          columns={columns}
          rows={latest.map((r) => ({ ...r }))}
          label={t('clv.stages.tableLabel')}
        />
      </Panel>
    </>
  );
}
