import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { RfmGrid } from '../../api/types-segments.js';
import { useI18n } from '../../i18n/i18n.js';
import { SEGMENT_COLOURS } from './segment-values.js';
import { Chart } from '../../components/Chart.js';

export type RfmColouring = 'segment' | 'count';

/** Whether white text reads better than dark text on `#rrggbb` (relative luminance below ~0.4). */
function isDark(hex: string): boolean {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
}

/**
 * The R × FM grid as a heatmap: R (recency score, 5 = most recent) up, FM = (F + M) / 2 across; each cell shows
 * its customers and 12-month revenue, coloured by the segment it maps to or by its number of customers.
 */
export function RfmHeatmap({
  grid,
  colouring,
  label,
}: {
  grid: RfmGrid;
  colouring: RfmColouring;
  label: string;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const option = useMemo((): EChartsCoreOption => {
    const fm = grid.fm_values;
    const rs = [...grid.r_values].sort((a, b) => a - b);
    const max = Math.max(1, ...grid.cells.map((c) => c.customers));
    const name = (segment: string) => grid.segments.find((s) => s.segment === segment)?.name[lang] ?? segment;
    const compact = (v: number) => i18n.num(v, { notation: 'compact', maximumFractionDigits: 1 });
    const data = grid.cells.map((c) => {
      const colour = SEGMENT_COLOURS[c.segment] ?? '#cccccc';
      const dark = colouring === 'segment' ? isDark(colour) : c.customers > 0.55 * max;
      return {
        value: [fm.indexOf(c.fm), rs.indexOf(c.r), c.customers],
        cell: c,
        label: { color: dark ? '#ffffff' : '#1f2933' },
        ...(colouring === 'segment' ? { itemStyle: { color: colour } } : {}),
      };
    });
    return {
      tooltip: {
        formatter: (p: { data: (typeof data)[number] }) => {
          const c = p.data.cell;
          return [
            `<b>${name(c.segment)}</b>`,
            `R ${c.r} · FM ${i18n.num(c.fm)}`,
            `${t('rfm.customers')}: ${i18n.num(c.customers)}`,
            `${t('rfm.revenue')}: ${i18n.value(c.revenue, 'currency')}`,
          ].join('<br>');
        },
      },
      grid: { left: 64, right: 16, top: 16, bottom: colouring === 'count' ? 88 : 56 },
      xAxis: {
        type: 'category',
        data: fm.map((v) => i18n.num(v)),
        name: t('rfm.fmAxis'),
        nameLocation: 'middle',
        nameGap: 30,
        splitArea: { show: false },
      },
      yAxis: {
        type: 'category',
        data: rs.map(String),
        name: t('rfm.rAxis'),
        nameLocation: 'middle',
        nameGap: 40,
      },
      ...(colouring === 'count'
        ? {
            visualMap: {
              min: 0,
              max,
              orient: 'horizontal',
              left: 'center',
              bottom: 0,
              itemHeight: 160,
              calculable: false,
              inRange: { color: ['#f0f4f9', '#9db8d6', '#2f5f8f'] },
              text: [i18n.num(max), '0'],
            },
          }
        : {}),
      series: [
        {
          type: 'heatmap',
          data,
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: {
            show: true,
            formatter: (p: { data: (typeof data)[number] }) =>
              `{n|${i18n.num(p.data.cell.customers)}}\n{r|${compact(p.data.cell.revenue)}}`,
            rich: {
              n: { fontWeight: 'bold', fontSize: 13, lineHeight: 18 },
              r: { fontSize: 11, lineHeight: 14 },
            },
          },
          emphasis: { itemStyle: { borderColor: '#1f2933', borderWidth: 2 } },
        },
      ],
    };
  }, [grid, colouring, i18n, t, lang]);
  return <Chart option={option} label={label} height={420} />;
}
