import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { CohortCell, CohortMetric } from '../../api/types-history.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import { Chart } from '../../components/Chart.js';
import { Panel } from '../../components/Panel.js';

/** Cohort cells laid out for display: the row and column keys, their labels, and the value of each cell. */
export interface CohortGrid {
  cohorts: string[];
  keys: string[];
  columnLabel(key: string): string;
  rowLabel(cohort: string): string;
  value(cohort: string, key: string): number | undefined;
  cells: CohortCell[];
  keyOf(cell: CohortCell): string;
}

export const METRIC_UNITS = {
  retention: 'ratio',
  active: 'count',
  revenue: 'currency',
  customers: 'count',
} as const;

/** The heatmap of one cohort metric: cohorts down, months (calendar or since the first purchase) across. */
export function CohortHeatmap({
  grid,
  metric,
  title,
}: {
  grid: CohortGrid;
  metric: CohortMetric;
  title: string;
}) {
  const i18n = useI18n();
  const { help } = useCatalogue();
  const option = useMemo((): EChartsCoreOption => {
    const unit = METRIC_UNITS[metric];
    // Retention is 100 % in every cohort's first month: the colour scale ends at the highest later value.
    const scaled = grid.cells.filter((c) => metric !== 'retention' || c.months_since_first > 0);
    const cap = Math.max(...scaled.map((c) => c[metric]), 0) || 1;
    const data = grid.cells.map((c) => [
      grid.keys.indexOf(grid.keyOf(c)),
      grid.cohorts.indexOf(c.cohort),
      Math.max(0, Math.min(c[metric], cap)),
      c[metric],
    ]);
    return {
      tooltip: {
        formatter: (p: { value: [number, number, number, number] }) =>
          `${grid.rowLabel(grid.cohorts[p.value[1]] ?? '')} · ${grid.columnLabel(grid.keys[p.value[0]] ?? '')}: ${i18n.value(p.value[3], unit)}`,
      },
      grid: { left: 90, right: 96, top: 8, bottom: 28 },
      xAxis: { type: 'category', data: grid.keys.map(grid.columnLabel), splitArea: { show: true } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: grid.cohorts.map(grid.rowLabel),
        splitArea: { show: true },
      },
      visualMap: {
        min: 0,
        max: cap,
        dimension: 2,
        calculable: true,
        orient: 'vertical',
        right: 0,
        top: 'middle',
        inRange: { color: ['#f0f4f8', '#9fb8d3', '#2f5f8f', '#173652'] },
        formatter: (v: number) => i18n.value(v, unit),
      },
      series: [
        { type: 'heatmap', data, emphasis: { itemStyle: { borderColor: '#1f2933', borderWidth: 1 } } },
      ],
    };
  }, [grid, metric, i18n]);
  return (
    <Panel title={title} help={help('cohorts.heatmap')}>
      <Chart option={option} label={title} height={Math.max(260, grid.cohorts.length * 18 + 60)} />
    </Panel>
  );
}
