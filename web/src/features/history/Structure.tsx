import { useMemo, useState } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { Structure as StructureData, StructureSnapshot } from '../../api/types-history.js';
import { useApi } from '../../api/use-api.js';
import { useCatalogue } from '../../catalogue.js';
import { Chart } from '../../components/Chart.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { HistoryMeasure, type Measure } from './HistoryMeasure.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';
import { labelColor, labelName } from '../../history-labels.js';
import { formatMonth } from '../../i18n/numbers-dates.js';
import { useI18n } from '../../i18n/i18n.js';

const URL = '/api/structure';

/** The base by lifecycle stage at every stored snapshot: a stacked chart and the month × stage table. */
export function Structure() {
  const { t, date } = useI18n();
  const [measure, setMeasure] = useState<Measure>('customers');
  const [shares, setShares] = useState(false);
  const structure = useApi<StructureData>(URL);
  return (
    <div className="page">
      <h1>{t('structure.title')}</h1>
      {structure.error && (
        <ErrorMessage message={structure.error} status={structure.status} onRetry={structure.reload} />
      )}
      {!structure.data && !structure.error && <Loading />}
      {structure.data && (
        <>
          <p className="subtitle">{t('history.asOf', { date: date(structure.data.as_of) })}</p>
          <div className="toolbar">
            <HistoryMeasure value={measure} onChange={setMeasure} />
            <label>
              <input type="checkbox" checked={shares} onChange={(e) => setShares(e.target.checked)} />{' '}
              {t('structure.shares')}
            </label>
          </div>
          <StructureChart data={structure.data} measure={measure} shares={shares} />
          <StructureTable data={structure.data} measure={measure} shares={shares} />
        </>
      )}
    </div>
  );
}

interface ViewProps {
  data: StructureData;
  measure: Measure;
  shares: boolean;
}

/** A stage's value in a snapshot: customers or revenue, or its share of the snapshot's total. */
function stageValue(row: StructureSnapshot, stage: string, measure: Measure, shares: boolean): number {
  const v = Number(row[`${stage}_${measure}`] ?? 0);
  if (!shares) return v;
  const total = Number(row[measure]);
  return total === 0 ? 0 : v / total;
}

function StructureChart({ data, measure, shares }: ViewProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { help } = useCatalogue();
  const title = t(measure === 'customers' ? 'structure.chart' : 'structure.chartRevenue');
  const option = useMemo((): EChartsCoreOption => {
    const format = (v: number) =>
      shares ? i18n.value(v, 'ratio') : i18n.num(v, { notation: 'compact', maximumFractionDigits: 1 });
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) =>
          typeof v !== 'number'
            ? String(v)
            : shares
              ? i18n.value(v, 'ratio')
              : i18n.value(v, measure === 'customers' ? 'count' : 'currency'),
      },
      legend: { top: 0 },
      grid: { left: 64, right: 24, top: 48, bottom: 28 },
      xAxis: { type: 'category', data: data.snapshots.map((s) => formatMonth(s.month, lang)) },
      yAxis: { type: 'value', max: shares ? 1 : undefined, axisLabel: { formatter: format } },
      series: data.stages.map((stage, i) => ({
        type: 'bar',
        stack: 'stages',
        name: labelName(data.stages, stage.id, lang),
        emphasis: { focus: 'series' },
        itemStyle: { color: labelColor(stage.id, i) },
        data: data.snapshots.map((s) => stageValue(s, stage.id, measure, shares)),
      })),
    };
  }, [data, measure, shares, lang, i18n]);
  return (
    <Panel title={title} help={help('structure.chart')}>
      <Chart option={option} label={title} height={360} />
    </Panel>
  );
}

function StructureTable({ data, measure, shares }: ViewProps) {
  const { t, lang, value } = useI18n();
  const { help } = useCatalogue();
  const unit = shares ? 'ratio' : measure === 'customers' ? 'count' : 'currency';
  const columns: Column[] = [
    {
      key: 'month',
      label: t('history.month'),
      help: help('history.month'),
      render: (v) => formatMonth(String(v), lang),
    },
    {
      key: measure,
      label: t('history.total'),
      help: help(measure === 'customers' ? 'structure.customers' : 'structure.revenue'),
      numeric: true,
      render: (v) => value(v, measure === 'customers' ? 'count' : 'currency'),
    },
    ...data.stages.map((stage) => ({
      key: stage.id,
      label: labelName(data.stages, stage.id, lang),
      help: `${labelName(data.stages, stage.id, lang)}: ${help('structure.stage')}`,
      numeric: true,
      render: (_: unknown, row: Record<string, unknown>) =>
        value(stageValue(row as StructureSnapshot, stage.id, measure, shares), unit),
    })),
  ];
  const rows = [...data.snapshots].reverse();
  return (
    <Panel title={t('structure.table')} actions={<Downloads url={URL} />}>
      <DataTable columns={columns} rows={rows} label={t('structure.table')} tall />
    </Panel>
  );
}
