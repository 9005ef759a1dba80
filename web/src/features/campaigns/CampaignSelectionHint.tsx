import type { SelectionField, SelectionFields } from '../../api/types-campaigns.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/strings.js';

const GROUPS: SelectionField['group'][] = ['profile', 'segments', 'predictions', 'contacts'];

const GROUP_TITLES: Record<SelectionField['group'], MessageKey> = {
  profile: 'campaigns.hint.profile',
  segments: 'campaigns.hint.segments',
  predictions: 'campaigns.hint.predictions',
  contacts: 'campaigns.hint.contacts',
};

const CONTACT_NAMES: Record<string, MessageKey> = {
  name: 'campaigns.hint.contact.name',
  email: 'campaigns.hint.contact.email',
  phone: 'campaigns.hint.contact.phone',
};

const EXAMPLES = [
  "stage in ('falling_asleep', 'asleep')",
  'orders >= 2 and recency_days between 60 and 180',
  "rfm_segment = 'At Risk' and email is not null",
  "revenue_365d > 500 and not (region contains 'test')",
];

/** What a selection rule may test, field by field (click to insert), with the syntax and examples. */
export function CampaignSelectionHint({
  fields,
  onInsert,
}: {
  fields: SelectionFields;
  onInsert: (text: string) => void;
}) {
  const { t, date } = useI18n();
  const catalogue = useCatalogue();
  const dates = (list: string[]) =>
    list.length === 0
      ? t('campaigns.hint.noDates')
      : list.slice(0, 3).map(date).join(', ') + (list.length > 3 ? ' …' : '');
  return (
    <details className="options campaign-hint">
      <summary>{t('campaigns.hint.title')}</summary>
      <p className="muted">{t('campaigns.hint.syntax')}</p>
      {GROUPS.map((group) => {
        const list = fields.fields.filter((f) => f.group === group);
        if (list.length === 0) return null;
        return (
          <div key={group}>
            <h3>
              {t(GROUP_TITLES[group])}
              {group === 'segments' && <span className="muted"> — {dates(fields.analyses)}</span>}
              {group === 'predictions' && <span className="muted"> — {dates(fields.predictions)}</span>}
            </h3>
            <ul className="campaign-fields">
              {list.map((f) => {
                const metric = catalogue.metric(f.name);
                return (
                  <li key={f.name}>
                    <button
                      type="button"
                      className="link-button"
                      title={metric?.method ?? f.name}
                      aria-label={t('campaigns.hint.insert', { field: f.name })}
                      onClick={() => onInsert(f.name)}
                    >
                      <code>{f.name}</code>
                    </button>{' '}
                    <span className="muted">
                      {metric?.name ??
                        (CONTACT_NAMES[f.name] ? t(CONTACT_NAMES[f.name] as MessageKey) : f.name)}
                      {f.values && `: ${f.values.map((v) => `'${v}'`).join(', ')}`}
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      <h3>{t('campaigns.hint.examples')}</h3>
      <ul>
        {EXAMPLES.map((e) => (
          <li key={e}>
            <code>{e}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}
