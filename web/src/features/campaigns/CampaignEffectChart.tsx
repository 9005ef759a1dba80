import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { ResultRow } from '../../api/types-campaigns.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';
import { Chart } from '../../components/Chart.js';
import { formatFigure } from './campaign-format.js';

const SHOWN = ['incremental_revenue', 'incremental_revenue_cuped'] as const;

/**
 * Incremental revenue (and its CUPED-adjusted estimate) as bars with their 95 % intervals as error bars drawn by
 * mark lines, and a line at zero: an interval that crosses zero is an effect within chance.
 */
export function CampaignEffectChart({ rows }: { rows: ResultRow[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const option = useMemo((): EChartsCoreOption => {
    const shown = SHOWN.flatMap((m) => rows.filter((r) => r.measure === m));
    const labels = shown.map((r) => t(`campaign.measure.${r.measure}` as MessageKey));
    const money = (v: number) => formatFigure(i18n, v, 'currency');
    const whiskers = shown.flatMap((r, i) => {
      if (r.lower === null || r.upper === null) return [];
      const x = labels[i] as string;
      return [
        [
          { coord: [x, r.lower], symbol: 'none' },
          { coord: [x, r.upper], symbol: 'none' },
        ],
      ];
    });
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (params: { dataIndex: number }[]) => {
          const r = shown[params[0]?.dataIndex ?? 0];
          if (!r) return '';
          return `${labels[shown.indexOf(r)] ?? ''}<br/>${money(r.estimate ?? 0)}<br/>${t(
            'campaign.interval',
            {
              lower: formatFigure(i18n, r.lower, 'currency'),
              upper: formatFigure(i18n, r.upper, 'currency'),
            },
          )}`;
        },
      },
      grid: { left: 72, right: 24, top: 20, bottom: 28 },
      xAxis: { type: 'category', data: labels },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (v: number) => i18n.num(v, { notation: 'compact', maximumFractionDigits: 1 }),
        },
      },
      series: [
        {
          type: 'bar',
          name: t('campaign.effectChart'),
          data: shown.map((r) => r.estimate),
          barMaxWidth: 80,
          itemStyle: { color: '#4f7cac' },
          markLine: {
            silent: true,
            symbol: ['none', 'none'],
            lineStyle: { color: '#333', width: 2, type: 'solid' },
            label: { show: false },
            data: [...whiskers, { yAxis: 0, lineStyle: { color: '#999', width: 1, type: 'dashed' } }],
          },
        },
        {
          type: 'scatter',
          name: t('campaign.interval', { lower: '', upper: '' }),
          symbol: 'rect',
          symbolSize: [24, 2],
          itemStyle: { color: '#333' },
          silent: true,
          data: shown.flatMap((r, i) =>
            r.lower === null || r.upper === null
              ? []
              : [
                  [labels[i], r.lower],
                  [labels[i], r.upper],
                ],
          ),
        },
      ],
    };
  }, [rows, i18n, t]);
  return <Chart option={option} label={t('campaign.effectChart')} />;
}

/** Conversion rate and revenue per customer, target next to control, on two small panels of one chart. */
export function CampaignArmsChart({ rows }: { rows: ResultRow[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const option = useMemo((): EChartsCoreOption => {
    const conversion = rows.find((r) => r.measure === 'conversion_rate');
    const revenue = rows.find((r) => r.measure === 'revenue_per_customer');
    const arms = [t('campaign.arm.target'), t('campaign.arm.control')];
    const colors = ['#4f7cac', '#b0b7c3'];
    const bars = (r: ResultRow | undefined) =>
      [r?.target ?? null, r?.control ?? null].map((value, i) => ({ value, itemStyle: { color: colors[i] } }));
    return {
      tooltip: { trigger: 'item' },
      title: [
        { text: t('campaign.measure.conversion_rate'), left: '3%', top: 0, textStyle: { fontSize: 13 } },
        {
          text: t('campaign.measure.revenue_per_customer'),
          left: '53%',
          top: 0,
          textStyle: { fontSize: 13 },
        },
      ],
      grid: [
        { left: '8%', width: '38%', top: 36, bottom: 28 },
        { left: '58%', width: '38%', top: 36, bottom: 28 },
      ],
      xAxis: [
        { type: 'category', data: arms, gridIndex: 0 },
        { type: 'category', data: arms, gridIndex: 1 },
      ],
      yAxis: [
        {
          type: 'value',
          gridIndex: 0,
          axisLabel: {
            formatter: (v: number) => i18n.num(v, { style: 'percent', maximumFractionDigits: 1 }),
          },
        },
        {
          type: 'value',
          gridIndex: 1,
          axisLabel: {
            formatter: (v: number) => i18n.num(v, { notation: 'compact', maximumFractionDigits: 1 }),
          },
        },
      ],
      series: [
        {
          type: 'bar',
          name: t('campaign.measure.conversion_rate'),
          xAxisIndex: 0,
          yAxisIndex: 0,
          barMaxWidth: 60,
          data: bars(conversion),
          tooltip: { valueFormatter: (v: number) => formatFigure(i18n, v, 'ratio') },
        },
        {
          type: 'bar',
          name: t('campaign.measure.revenue_per_customer'),
          xAxisIndex: 1,
          yAxisIndex: 1,
          barMaxWidth: 60,
          data: bars(revenue),
          tooltip: { valueFormatter: (v: number) => formatFigure(i18n, v, 'currency') },
        },
      ],
    };
  }, [rows, i18n, t]);
  return <Chart option={option} label={t('campaign.armsChart')} />;
}
