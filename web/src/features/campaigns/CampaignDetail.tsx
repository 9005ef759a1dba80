import { apiUrl } from '../../api/client.js';
import type { Row } from '../../api/types.js';
import type { CampaignDetail as Detail } from '../../api/types-campaigns.js';
import { useApi } from '../../api/use-api.js';
import { useCatalogue } from '../../catalogue.js';
import { stageLabel } from './campaign-format.js';
import { CampaignMembers } from './CampaignMembers.js';
import { CampaignResults } from './CampaignResults.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { Help } from '../../components/Help.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';
import { useI18n } from '../../i18n/i18n.js';
import type { HelpKey } from '../../i18n/help.js';
import type { MessageKey } from '../../i18n/strings.js';
import { Link } from '../../router.js';

/** One campaign: its definition, the contact lists per group, the results against the control group. */
export function CampaignDetail({ id }: { id: string }) {
  const { t } = useI18n();
  const valid = /^\d+$/.test(id);
  const detail = useApi<Detail>(valid ? `/api/campaigns/${id}` : null);
  return (
    <div className="page">
      <Link to="/campaigns" className="back">
        {t('campaign.back')}
      </Link>
      <h1>{t('campaign.title', { name: detail.data?.campaign.name ?? id })}</h1>
      {!valid && <ErrorMessage message={t('campaign.badId', { id })} />}
      {detail.error && <ErrorMessage message={detail.error} status={detail.status} onRetry={detail.reload} />}
      {valid && !detail.data && !detail.error && <Loading />}
      {detail.data && String(detail.data.campaign.campaign_id) === id && <DetailBody detail={detail.data} />}
    </div>
  );
}

function DetailBody({ detail }: { detail: Detail }) {
  const i18n = useI18n();
  const { t, date, value } = i18n;
  const { help } = useCatalogue();
  const c = detail.campaign;
  const fact = (key: string, text: string) => (
    <div key={key}>
      <dt>
        {t(`campaign.${key}` as MessageKey)}
        <Help text={help(`campaign.${key}` as HelpKey)} />
      </dt>
      <dd>{text}</dd>
    </div>
  );
  const base = `/api/campaigns/${c.campaign_id}`;
  const strataColumns: Column[] = [
    {
      key: 'stratum',
      label: t('campaign.col.stratum'),
      help: help('campaign.col.stratum'),
      render: (v) => stageLabel(i18n, v),
    },
    ...(['members', 'targets', 'controls'] as const).map((key) => ({
      key,
      label: t(`campaign.col.${key}`),
      help: help(`campaign.col.${key}`),
      numeric: true,
      render: (v: unknown) => value(v, 'count'),
    })),
  ];
  return (
    <>
      <Panel title={t('campaign.definition')}>
        <dl className="facts">
          {fact('segment', c.segment)}
          {fact('as_of', date(c.as_of))}
          {fact(
            'period',
            `${date(c.start)} … ${c.end ? date(c.end) : t('campaign.openEnd', { date: date(detail.last_day) })}`,
          )}
          {fact('members', value(c.members, 'count'))}
          {fact('control_share', value(c.control_share, 'ratio'))}
          {fact('seed', String(c.seed))}
          {fact('stratify', c.stratify ?? '—')}
          {fact('channel', c.channel ?? '—')}
          {fact('cost_per_contact', value(c.cost_per_contact, 'currency'))}
          {fact('created_at', date(c.created_at))}
        </dl>
      </Panel>
      <div className="charts">
        <Panel title={t('campaign.lists')} help={help('campaign.lists')}>
          <ul className="campaign-lists">
            <li>
              {t('campaign.targetList', { count: value(c.targets, 'count') })}{' '}
              <Downloads url={apiUrl(`${base}/contacts`, { arm: 'target' })} />
            </li>
            <li>
              {t('campaign.controlList', { count: value(c.controls, 'count') })}{' '}
              <Downloads url={apiUrl(`${base}/contacts`, { arm: 'control' })} />
            </li>
          </ul>
        </Panel>
        <Panel title={t('campaign.strata')} help={help('campaign.strata')} actions={<Downloads url={base} />}>
          <DataTable
            columns={strataColumns}
            rows={detail.strata as unknown as Row[]}
            label={t('campaign.strata')}
          />
        </Panel>
      </div>
      <CampaignResults detail={detail} />
      <CampaignMembers campaignId={c.campaign_id} />
    </>
  );
}
