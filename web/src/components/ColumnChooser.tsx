import { useCatalogue } from '../catalogue.js';
import { useI18n } from '../i18n/i18n.js';

/** Which profile columns the table shows (customer_id always). */
export function ColumnChooser({
  available,
  chosen,
  onChange,
}: {
  available: string[];
  chosen: string[];
  onChange(columns: string[]): void;
}) {
  const { t } = useI18n();
  const catalogue = useCatalogue();
  const toggle = (id: string) =>
    onChange(
      chosen.includes(id)
        ? chosen.filter((c) => c !== id)
        : available.filter((c) => c === id || chosen.includes(c)),
    );
  return (
    <details className="chooser">
      <summary>{t('customers.columns')}</summary>
      <div className="chooser-list">
        {available
          .filter((id) => id !== 'customer_id')
          .map((id) => (
            <label key={id}>
              <input type="checkbox" checked={chosen.includes(id)} onChange={() => toggle(id)} />
              {catalogue.metric(id)?.name ?? id}
            </label>
          ))}
      </div>
    </details>
  );
}
