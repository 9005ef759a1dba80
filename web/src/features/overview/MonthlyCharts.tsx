import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { Month } from '../../api/types.js';
import { useCatalogue } from '../../catalogue.js';
import { formatMonth } from '../../i18n/numbers-dates.js';
import { useI18n } from '../../i18n/i18n.js';
import { Chart } from '../../components/Chart.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Panel } from '../../components/Panel.js';

/** Net revenue with active customers, and new customers, month by month. */
export function MonthlyCharts({ months }: { months: Month[] }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { help } = useCatalogue();
  const [revenueOption, newOption] = useMemo((): [EChartsCoreOption, EChartsCoreOption] => {
    const labels = months.map((m) => formatMonth(m.month, lang));
    const compact = (v: number) => i18n.num(v, { notation: 'compact', maximumFractionDigits: 1 });
    const tooltip = {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? i18n.num(v) : String(v)),
    };
    return [
      {
        tooltip,
        legend: { top: 0 },
        grid: { left: 56, right: 56, top: 40, bottom: 28 },
        xAxis: { type: 'category', data: labels },
        yAxis: [
          { type: 'value', axisLabel: { formatter: compact } },
          { type: 'value', axisLabel: { formatter: compact }, splitLine: { show: false } },
        ],
        series: [
          {
            type: 'bar',
            name: t('monthly.revenue'),
            data: months.map((m) => m.revenue),
            itemStyle: { color: '#4f7cac' },
          },
          {
            type: 'line',
            name: t('monthly.active_customers'),
            yAxisIndex: 1,
            data: months.map((m) => m.active_customers),
            itemStyle: { color: '#d1603d' },
          },
        ],
      },
      {
        tooltip,
        grid: { left: 56, right: 24, top: 20, bottom: 28 },
        xAxis: { type: 'category', data: labels },
        yAxis: { type: 'value', axisLabel: { formatter: compact } },
        series: [
          {
            type: 'bar',
            name: t('monthly.new_customers'),
            data: months.map((m) => m.new_customers),
            itemStyle: { color: '#5b9a68' },
          },
        ],
      },
    ];
  }, [months, lang, i18n, t]);
  return (
    <div className="charts">
      <Panel
        title={t('overview.revenueChart')}
        help={`${help('monthly.revenue')} ${help('monthly.active_customers')}`}
      >
        <Chart option={revenueOption} label={t('overview.revenueChart')} />
      </Panel>
      <Panel title={t('overview.newChart')} help={help('monthly.new_customers')}>
        <Chart option={newOption} label={t('overview.newChart')} />
      </Panel>
    </div>
  );
}

/** The monthly series as a table, newest month first. */
export function MonthlyTable({ months }: { months: Month[] }) {
  const { t, value, lang } = useI18n();
  const { help } = useCatalogue();
  const columns: Column[] = [
    {
      key: 'month',
      label: t('monthly.month'),
      help: help('monthly.month'),
      render: (v) => formatMonth(String(v), lang),
    },
    ...(['new_customers', 'active_customers', 'orders'] as const).map((key) => ({
      key,
      label: t(`monthly.${key}`),
      help: help(`monthly.${key}`),
      numeric: true,
      render: (v: unknown) => value(v, 'count'),
    })),
    {
      key: 'revenue',
      label: t('monthly.revenue'),
      help: help('monthly.revenue'),
      numeric: true,
      render: (v) => value(v, 'currency'),
    },
  ];
  const rows = [...months].reverse().map((m) => ({ ...m }));
  return <DataTable columns={columns} rows={rows} label={t('overview.months')} tall />;
}
