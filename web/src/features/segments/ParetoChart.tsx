import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { ProductsAnswer } from '../../api/types-segments.js';
import { useI18n } from '../../i18n/i18n.js';
import { Chart } from '../../components/Chart.js';

/**
 * The Pareto curve of products: the cumulative share of revenue against the share of SKUs taken by revenue rank,
 * with the A and B limits of the ABC classes marked.
 */
export function ParetoChart({ answer, label }: { answer: ProductsAnswer; label: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const option = useMemo((): EChartsCoreOption => {
    const pct = (v: number) => i18n.num(v, { style: 'percent', maximumFractionDigits: 1 });
    const limit = (share: number, name: string) => ({
      yAxis: share,
      name,
      label: { formatter: `${name} ${pct(share)}`, position: 'insideEndTop' },
    });
    return {
      tooltip: {
        trigger: 'axis',
        formatter: (params: { data: [number, number, number] }[]) => {
          const d = params[0]?.data;
          if (!d) return '';
          return [
            t('pareto.tooltipSkus', { rank: i18n.num(d[2]), share: pct(d[0]) }),
            t('pareto.tooltipRevenue', { share: pct(d[1]) }),
          ].join('<br>');
        },
      },
      grid: { left: 64, right: 24, top: 24, bottom: 48 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: t('pareto.x'),
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: { formatter: pct },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 1,
        name: t('pareto.y'),
        nameLocation: 'middle',
        nameGap: 48,
        axisLabel: { formatter: pct },
      },
      series: [
        {
          type: 'line',
          name: t('pareto.y'),
          showSymbol: false,
          areaStyle: { opacity: 0.15 },
          itemStyle: { color: '#2f5f8f' },
          data: [[0, 0, 0], ...answer.pareto.map((p) => [p.sku_share, p.revenue_share ?? 0, p.rank])],
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#888' },
            data: [limit(answer.thresholds.a, 'A'), limit(answer.thresholds.b, 'B')],
          },
        },
      ],
    };
  }, [answer, i18n, t]);
  return <Chart option={option} label={label} />;
}
