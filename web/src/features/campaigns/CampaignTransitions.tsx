import type { Row } from '../../api/types.js';
import type { CampaignEvaluation } from '../../api/types-campaigns.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatFigure, formatP, stageLabel } from './campaign-format.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { Panel } from '../../components/Panel.js';

/** Moves between lifecycle stages, target against control, with the two-proportion test of each move. */
export function CampaignTransitions({ evaluation: e, url }: { evaluation: CampaignEvaluation; url: string }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const { help } = useCatalogue();
  const stage = (v: unknown) => stageLabel(i18n, v);
  const share = (part: 'target' | 'control') => (_v: unknown, row: Row) =>
    `${formatFigure(i18n, row[`${part}_share`] as number, 'ratio')} (${i18n.num(row[`${part}_moved`] as number)} / ${i18n.num(row[`${part}_from`] as number)})`;
  const columns: Column[] = [
    { key: 'from', label: t('campaign.col.from'), help: help('campaign.col.from'), render: stage },
    { key: 'to', label: t('campaign.col.to'), help: help('campaign.col.to'), render: stage },
    {
      key: 'target_share',
      label: t('campaign.arm.target'),
      help: help('campaign.col.target_share'),
      numeric: true,
      render: share('target'),
    },
    {
      key: 'control_share',
      label: t('campaign.arm.control'),
      help: help('campaign.col.control_share'),
      numeric: true,
      render: share('control'),
    },
    {
      key: 'difference',
      label: t('campaign.col.estimate'),
      help: help('campaign.col.move_difference'),
      numeric: true,
      render: (v) => formatFigure(i18n, v as number, 'points', true),
    },
    {
      key: 'p_value',
      label: t('campaign.col.p_value'),
      help: help('campaign.col.move_p_value'),
      numeric: true,
      render: (v) => formatP(i18n, v as number | null),
    },
    {
      key: 'p_value_holm',
      label: t('campaign.col.p_value_holm'),
      help: help('campaign.col.p_value_holm'),
      numeric: true,
      render: (v) => formatP(i18n, v as number | null),
    },
  ];
  const tr = e.transitions;
  return (
    <Panel
      title={t('campaign.transitions')}
      help={help('campaign.transitions')}
      actions={tr.available ? <Downloads url={url} /> : undefined}
    >
      {tr.available ? (
        <>
          <p className="muted">
            {t('campaign.transitionsBasis', { from: date(tr.from.as_of), to: date(tr.to.as_of) })}
          </p>
          <DataTable columns={columns} rows={e.moves as unknown as Row[]} label={t('campaign.transitions')} />
        </>
      ) : (
        <p className="muted">{tr.reason}</p>
      )}
    </Panel>
  );
}
