import type { ReactNode } from 'react';
import type { Preview } from '../../api/types.js';
import { useCatalogue } from '../../catalogue.js';
import type { HelpKey } from '../../i18n/help.js';
import { formatBytes } from '../../i18n/numbers-dates.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';
import { Help } from '../../components/Help.js';
import { MappingEditor } from './MappingEditor.js';
import { Panel } from '../../components/Panel.js';

const SAMPLE_ROWS = 10;

function delimiterName(delimiter: string | null): string {
  if (delimiter === null) return '—';
  if (delimiter === '\t') return 'tab';
  if (delimiter === 'whitespace') return 'space';
  return `"${delimiter}"`;
}

/** What loading would do: the detected layout, the column mapping (editable) and the first rows. */
export function PreviewView({
  preview,
  mapping,
  onMapping,
  busy,
  actions,
}: {
  preview: Preview;
  mapping: Record<string, string>;
  onMapping(mapping: Record<string, string>): void;
  busy: boolean;
  actions: ReactNode;
}) {
  const { t, lang } = useI18n();
  const { help } = useCatalogue();
  const facts: [MessageKey & HelpKey, string][] = [
    ['layout.kind', t(`kind.${preview.kind}` as MessageKey)],
    ['layout.format', preview.format],
    ['layout.encoding', preview.encoding ?? '—'],
    ['layout.delimiter', delimiterName(preview.delimiter)],
    ['layout.header_line', preview.header_line === null ? '—' : String(preview.header_line)],
    ['layout.decimal', `"${preview.decimal}"`],
    ['layout.date_format', preview.date_format ?? '—'],
    ['layout.bytes', formatBytes(preview.bytes, lang)],
  ];
  const fieldOf = (column: string) => Object.entries(mapping).find(([, c]) => c === column)?.[0];
  return (
    <Panel title={t('data.preview', { file: preview.file })} actions={actions}>
      <p className="muted">{t('data.previewText')}</p>
      <h3>{t('data.layout')}</h3>
      <dl className="facts">
        {facts.map(([key, value]) => (
          <div key={key}>
            <dt>
              {t(key)}
              <Help text={help(key)} />
            </dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('data.mapping')}</h3>
      <MappingEditor preview={preview} mapping={mapping} onChange={onMapping} disabled={busy} />
      {preview.unmapped.length > 0 && (
        <p className="muted">{t('mapping.unmapped', { columns: preview.unmapped.join(', ') })}</p>
      )}
      <h3>{t('data.sample')}</h3>
      <div className="table-wrap">
        <table className="data sample-table" aria-label={t('data.sample')}>
          <thead>
            <tr>
              {preview.columns.map((c) => {
                const field = fieldOf(c);
                return (
                  <th key={c} scope="col">
                    {c}
                    {field && <span className="field-tag">→ {field}</span>}
                    <Help text={`${help('sample.column')} ${field ? `→ ${field}` : t('mapping.none')}`} />
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {preview.sample.slice(0, SAMPLE_ROWS).map((row, i) => (
              <tr key={i}>
                {preview.columns.map((c, j) => (
                  <td key={c}>{row[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
