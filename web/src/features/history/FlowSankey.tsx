import { useMemo } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { Flows } from '../../api/types-history.js';
import { useCatalogue } from '../../catalogue.js';
import { labelColor, labelName } from '../../history-labels.js';
import { formatMonth } from '../../i18n/numbers-dates.js';
import { useI18n } from '../../i18n/i18n.js';
import { Chart } from '../../components/Chart.js';
import type { Measure } from './HistoryMeasure.js';
import { Panel } from '../../components/Panel.js';

const ENTERED_COLOR = '#cbd2d9';

/**
 * The flows matrix as a Sankey diagram: the earlier month's stages on the left, the later month's on the right.
 * Node names carry their month, so the two sides stay distinct (a Sankey may not have cycles).
 */
export function FlowSankey({ data, measure }: { data: Flows; measure: Measure }) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { help } = useCatalogue();
  const title = t('flows.sankey', { from: formatMonth(data.from, lang), to: formatMonth(data.to, lang) });
  const option = useMemo((): EChartsCoreOption => {
    const fromName = (id: string | null) =>
      `${id === null ? t('flows.entered') : labelName(data.labels, id, lang)} · ${formatMonth(data.from, lang)}`;
    const toName = (id: string) => `${labelName(data.labels, id, lang)} · ${formatMonth(data.to, lang)}`;
    const links = data.matrix
      .filter((r) => r[measure] > 0)
      .map((r) => ({ source: fromName(r.from_stage), target: toName(r.to_stage), value: r[measure] }));
    const used = new Set(links.flatMap((l) => [l.source, l.target]));
    const nodes = [
      { name: fromName(null), itemStyle: { color: ENTERED_COLOR } },
      ...data.labels.map((l, i) => ({ name: fromName(l.id), itemStyle: { color: labelColor(l.id, i) } })),
      ...data.labels.map((l, i) => ({
        name: toName(l.id),
        itemStyle: { color: labelColor(l.id, i) },
        label: { position: 'left' },
      })),
    ].filter((n) => used.has(n.name));
    const unit = measure === 'customers' ? 'count' : 'currency';
    return {
      tooltip: {
        trigger: 'item',
        valueFormatter: (v: unknown) => (typeof v === 'number' ? i18n.value(v, unit) : String(v)),
      },
      series: [
        {
          type: 'sankey',
          left: 8,
          right: 8,
          top: 8,
          bottom: 8,
          nodeGap: 10,
          layoutIterations: 0,
          emphasis: { focus: 'adjacency' },
          lineStyle: { color: 'gradient', opacity: 0.35 },
          data: nodes,
          links,
        },
      ],
    };
  }, [data, measure, lang, i18n, t]);
  return (
    <Panel title={title} help={help('flows.sankey')}>
      <Chart option={option} label={title} height={440} />
    </Panel>
  );
}
