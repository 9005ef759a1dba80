import type { Rejects } from '../../api/types.js';
import { useApi } from '../../api/use-api.js';
import { useCatalogue } from '../../catalogue.js';
import { REASONS } from '../../i18n/help.js';
import { useI18n } from '../../i18n/i18n.js';
import { DataTable, type Column } from '../../components/DataTable.js';
import { Downloads } from '../../components/Downloads.js';
import { Panel } from '../../components/Panel.js';
import { ErrorMessage, Loading } from '../../components/Status.js';

const SHOWN = 100;

/** The first rejected rows of a load, with all of them downloadable. */
export function RejectsTable({ loadId }: { loadId: number }) {
  const { t, num, lang } = useI18n();
  const { help } = useCatalogue();
  const rejects = useApi<Rejects>(`/api/loads/${loadId}/rejects?limit=${SHOWN}`);
  const columns: Column[] = [
    {
      key: 'line',
      label: t('rejects.line'),
      help: help('rejects.line'),
      numeric: true,
      render: (v) => String(v),
    },
    {
      key: 'reason',
      label: t('rejects.reason'),
      help: help('rejects.reason'),
      render: (v) => REASONS[String(v)]?.[lang] ?? String(v),
    },
    { key: 'message', label: t('rejects.message'), help: help('rejects.message') },
    { key: 'column', label: t('rejects.column'), help: help('rejects.column') },
    {
      key: 'raw',
      label: t('rejects.raw'),
      help: help('rejects.raw'),
      render: (v) => <code>{String(v ?? '')}</code>,
    },
  ];
  return (
    <Panel
      title={`${t('rejects.title')}${rejects.data ? ` (${num(rejects.data.total)})` : ''}`}
      actions={<Downloads url={`/api/loads/${loadId}/rejects`} />}
    >
      {rejects.error && <ErrorMessage message={rejects.error} status={rejects.status} />}
      {!rejects.data && !rejects.error && <Loading />}
      {rejects.data && <DataTable columns={columns} rows={rejects.data.rows} label={t('rejects.title')} />}
    </Panel>
  );
}
