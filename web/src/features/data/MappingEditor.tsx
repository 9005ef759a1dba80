import type { Preview } from '../../api/types.js';
import { useCatalogue } from '../../catalogue.js';
import { FIELD_HELP } from '../../i18n/help.js';
import { useI18n } from '../../i18n/i18n.js';
import { Help } from '../../components/Help.js';

/** One select per canonical field of the detected kind: which column of the file fills it. */
export function MappingEditor({
  preview,
  mapping,
  onChange,
  disabled,
}: {
  preview: Preview;
  mapping: Record<string, string>;
  onChange(mapping: Record<string, string>): void;
  disabled: boolean;
}) {
  const { t, lang } = useI18n();
  const { help } = useCatalogue();
  const sample = (column: string | undefined): string => {
    const i = column === undefined ? -1 : preview.columns.indexOf(column);
    if (i < 0) return '';
    return preview.sample
      .slice(0, 3)
      .map((row) => row[i] ?? '')
      .join(' · ');
  };
  return (
    <div className="table-wrap">
      <table className="data mapping" aria-label={t('data.mapping')}>
        <thead>
          <tr>
            <th scope="col">{t('mapping.field')}</th>
            <th scope="col">
              {t('mapping.column')}
              <Help text={help('mapping.column')} />
            </th>
            <th scope="col">
              {t('mapping.sample')}
              <Help text={help('mapping.sample')} />
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.fields.map(({ field }) => {
            const group = preview.required_groups.find((g) => g.includes(field));
            const others = group?.filter((f) => f !== field) ?? [];
            return (
              <tr key={field}>
                <td>
                  <code>{field}</code>
                  {group && (
                    <span className="required">
                      {' '}
                      *{' '}
                      {others.length
                        ? t('mapping.requiredOr', { fields: others.join(', ') })
                        : t('mapping.required')}
                    </span>
                  )}
                  {FIELD_HELP[field] && <Help text={FIELD_HELP[field][lang]} />}
                </td>
                <td>
                  <select
                    aria-label={field}
                    value={mapping[field] ?? ''}
                    disabled={disabled}
                    onChange={(e) => {
                      const next = { ...mapping };
                      if (e.target.value === '') delete next[field];
                      else next[field] = e.target.value;
                      onChange(next);
                    }}
                  >
                    <option value="">{t('mapping.none')}</option>
                    {preview.columns.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="sample">{sample(mapping[field])}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
