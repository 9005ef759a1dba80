import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { CustomerCard } from '../../api/types.js';
import { useCatalogue } from '../../catalogue.js';
import { formatMonth } from '../../i18n/numbers-dates.js';
import { useI18n } from '../../i18n/i18n.js';
import { Chart } from '../../components/Chart.js';
import { Panel } from '../../components/Panel.js';

/** One customer's net revenue and orders per calendar month. */
export function CustomerMonthly({ monthly }: { monthly: CustomerCard['monthly'] }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { help } = useCatalogue();
  const option = useMemo(
    (): EChartsCoreOption => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? i18n.num(v) : String(v)),
      },
      legend: { top: 0 },
      grid: { left: 56, right: 40, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: monthly.map((m) => formatMonth(m.month, lang)) },
      yAxis: [{ type: 'value' }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
      series: [
        {
          type: 'bar',
          name: t('monthly.revenue'),
          data: monthly.map((m) => m.revenue),
          itemStyle: { color: '#4f7cac' },
        },
        {
          type: 'line',
          name: t('monthly.orders'),
          yAxisIndex: 1,
          data: monthly.map((m) => m.orders),
          itemStyle: { color: '#d1603d' },
        },
      ],
    }),
    [monthly, lang, i18n, t],
  );
  return (
    <Panel title={t('card.monthly')} help={help('card.monthly')}>
      <Chart option={option} label={t('card.monthly')} height={220} />
    </Panel>
  );
}
