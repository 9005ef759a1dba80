import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { Row } from '../../api/types.js';
import type { PivotAnswer, PivotMeasureOption, PivotOption } from '../../api/types-segments.js';
import { useI18n } from '../../i18n/i18n.js';
import { orderValues, SEGMENT_COLOURS, segmentValue } from './segment-values.js';
import { Chart } from '../../components/Chart.js';
import { DataTable, type Column } from '../../components/DataTable.js';

interface Crosstab {
  rowValues: unknown[];
  colValues: unknown[];
  value(row: unknown, col: unknown): number | null;
}

function crosstab(answer: PivotAnswer, measure: string): Crosstab {
  const key = (v: unknown) => JSON.stringify(v ?? null);
  const cells = new Map<string, number | null>();
  for (const c of answer.cells) {
    const v = c[measure];
    cells.set(
      `${key(c[answer.rows])}|${answer.cols ? key(c[answer.cols]) : ''}`,
      typeof v === 'number' ? v : null,
    );
  }
  const rowValues = [...new Set(answer.cells.map((c) => c[answer.rows] ?? null))];
  const colValues = answer.cols
    ? orderValues(
        answer.cols,
        answer.cells.map((c) => c[answer.cols!] ?? null),
        answer.labels,
      )
    : [];
  return {
    rowValues,
    colValues,
    value: (row, col) => cells.get(`${key(row)}|${answer.cols ? key(col) : ''}`) ?? null,
  };
}

/**
 * A pivot answer as a crosstab table (rows × column values, with a total when the measure adds up) and as a bar
 * chart (one bar per row value, stacked by column value when the measure adds up).
 */
export function PivotView({
  answer,
  rows,
  cols,
  measure,
  chartLabel,
  tableLabel,
}: {
  answer: PivotAnswer;
  rows: PivotOption;
  cols: PivotOption | undefined;
  measure: PivotMeasureOption;
  chartLabel: string;
  tableLabel: string;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const x = useMemo(() => crosstab(answer, measure.id), [answer, measure.id]);
  const label = (dim: string, v: unknown) => segmentValue(dim, v, answer.labels, lang, t('pivot.entered'));
  const format = (v: unknown) => i18n.value(v, measure.unit);
  const option = useMemo((): EChartsCoreOption => {
    const categories = x.rowValues.map((r) => label(answer.rows, r));
    const series = answer.cols
      ? x.colValues.map((c) => ({
          type: 'bar',
          name: label(answer.cols!, c),
          stack: measure.additive ? 'total' : undefined,
          ...(answer.cols === 'rfm_segment' && SEGMENT_COLOURS[String(c)]
            ? { itemStyle: { color: SEGMENT_COLOURS[String(c)] } }
            : {}),
          data: x.rowValues.map((r) => x.value(r, c)),
        }))
      : [{ type: 'bar', name: measure.name[lang], data: x.rowValues.map((r) => x.value(r, undefined)) }];
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => format(v),
      },
      legend: answer.cols ? { type: 'scroll', top: 0 } : undefined,
      grid: { left: 72, right: 24, top: answer.cols ? 40 : 16, bottom: 64, containLabel: false },
      xAxis: {
        type: 'category',
        data: categories,
        axisLabel: { interval: 0, rotate: categories.length > 6 ? 30 : 0 },
      },
      yAxis: {
        type: 'value',
        axisLabel: {
          formatter: (v: number) => i18n.num(v, { notation: 'compact', maximumFractionDigits: 1 }),
        },
      },
      series,
    };
  }, [x, answer, measure, lang, i18n, t]);
  const columns: Column[] = [
    {
      key: 'row',
      label: rows.name[lang],
      help: rows.method[lang],
    },
    ...(answer.cols
      ? x.colValues.map((c, i) => ({
          key: `c${i}`,
          label: label(answer.cols!, c),
          help: `${cols?.name[lang] ?? ''}: ${label(answer.cols!, c)}. ${measure.name[lang]}: ${measure.method[lang]}`,
          numeric: true,
          render: format,
        }))
      : [
          {
            key: 'c0',
            label: measure.name[lang],
            help: measure.method[lang],
            numeric: true,
            render: format,
          },
        ]),
    ...(answer.cols && measure.additive
      ? [
          {
            key: 'total',
            label: t('pivot.total'),
            help: t('pivot.totalHelp'),
            numeric: true,
            render: format,
          },
        ]
      : []),
  ];
  const tableRows: Row[] = x.rowValues.map((r) => {
    const values = answer.cols ? x.colValues.map((c) => x.value(r, c)) : [x.value(r, undefined)];
    return {
      row: label(answer.rows, r),
      ...Object.fromEntries(values.map((v, i) => [`c${i}`, v])),
      total: values.reduce<number>((s, v) => s + (v ?? 0), 0),
    };
  });
  return (
    <>
      <Chart option={option} label={chartLabel} height={360} />
      <DataTable columns={columns} rows={tableRows} label={tableLabel} />
    </>
  );
}
