import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { DistributionColumn, HistogramBin, PredictionsSummary } from '../../api/types-models.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n, type I18n } from '../../i18n/i18n.js';
import { Chart } from '../../components/Chart.js';
import { Panel } from '../../components/Panel.js';

const COLORS: Record<DistributionColumn, string> = {
  clv: '#4f7cac',
  p_alive: '#5b9a68',
  churn_risk: '#d1603d',
  expected_purchases: '#8a6bb1',
};

function edge(column: DistributionColumn, v: number, i18n: I18n): string {
  if (column === 'p_alive' || column === 'churn_risk')
    return i18n.num(v, { style: 'percent', maximumFractionDigits: 0 });
  return i18n.num(v, { notation: 'compact', maximumFractionDigits: column === 'clv' ? 1 : 2 });
}

function binLabel(column: DistributionColumn, b: HistogramBin, i18n: I18n): string {
  return b.overflow
    ? `> ${edge(column, b.from, i18n)}`
    : `${edge(column, b.from, i18n)}–${edge(column, b.to, i18n)}`;
}

function Histogram({ column, bins }: { column: DistributionColumn; bins: HistogramBin[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const catalogue = useCatalogue();
  const name = catalogue.metric(column)?.name ?? column;
  const option = useMemo(
    (): EChartsCoreOption => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? i18n.num(v) : String(v)),
      },
      grid: { left: 56, right: 16, top: 16, bottom: 56 },
      xAxis: {
        type: 'category',
        data: bins.map((b) => binLabel(column, b, i18n)),
        name,
        nameLocation: 'middle',
        nameGap: 40,
        axisLabel: { hideOverlap: true },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('clv.customersAxis'),
          data: bins.map((b) => b.customers),
          barCategoryGap: '8%',
          itemStyle: { color: COLORS[column] },
        },
      ],
    }),
    [bins, column, name, i18n, t],
  );
  const title = t('clv.distribution', { metric: name });
  const method = catalogue.metric(column)?.method ?? '';
  return (
    <Panel title={title} help={`${catalogue.help('clv.histogram')} ${name}: ${method}`}>
      <Chart option={option} label={title} height={240} />
    </Panel>
  );
}

/** How CLV, P(alive), churn risk and expected purchases are spread over the customers. */
export function ClvDistributions({ summary }: { summary: PredictionsSummary }) {
  const columns: DistributionColumn[] = ['clv', 'churn_risk', 'p_alive', 'expected_purchases'];
  return (
    <div className="charts">
      {columns.map((c) => (
        <Histogram key={c} column={c} bins={summary.distributions[c]} />
      ))}
    </div>
  );
}
