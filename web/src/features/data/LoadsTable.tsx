import type { Row } from '../../api/types.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';
import { DataTable, type Column } from '../../components/DataTable.js';

const COUNTS = ['rows_read', 'rows_accepted', 'rows_rejected'] as const;

/** Every load into the workspace, newest first; a row shows that load's report. */
export function LoadsTable({ loads, onOpen }: { loads: Row[]; onOpen(loadId: number): void }) {
  const { t, value } = useI18n();
  const { help } = useCatalogue();
  const columns: Column[] = [
    {
      key: 'load_id',
      label: t('loads.load_id'),
      help: help('loads.load_id'),
      numeric: true,
      render: (v) => `#${String(v)}`,
    },
    {
      key: 'loaded_at',
      label: t('loads.loaded_at'),
      help: help('loads.loaded_at'),
      render: (v) => value(v, 'date'),
    },
    {
      key: 'kind',
      label: t('loads.kind'),
      help: help('loads.kind'),
      render: (v) => t(`kind.${String(v)}` as MessageKey),
    },
    { key: 'file', label: t('loads.file'), help: help('loads.file') },
    ...COUNTS.map((k) => ({
      key: k,
      label: t(`loads.${k}`),
      help: help(`loads.${k}`),
      numeric: true,
      render: (v: unknown) => value(v, 'count'),
    })),
  ];
  return (
    <DataTable
      columns={columns}
      rows={loads}
      onRowClick={(row) => onOpen(Number(row['load_id']))}
      label={t('loads.title')}
    />
  );
}
