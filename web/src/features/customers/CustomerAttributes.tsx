import type { Row } from '../../api/types.js';
import { useCatalogue } from '../../catalogue.js';
import { useI18n } from '../../i18n/i18n.js';
import { Help } from '../../components/Help.js';
import { Panel } from '../../components/Panel.js';

const ATTRIBUTES = ['name', 'email', 'phone', 'region', 'created_at'] as const;

/** The customer's row of the customers file: the standard fields, then any other columns it had. */
export function CustomerAttributes({ attributes }: { attributes: Row | null }) {
  const { t, value } = useI18n();
  const { help } = useCatalogue();
  if (!attributes) {
    return (
      <Panel title={t('card.attributes')}>
        <p className="muted">{t('card.noAttributes')}</p>
      </Panel>
    );
  }
  const extra = Object.keys(attributes).filter((k) => !(ATTRIBUTES as readonly string[]).includes(k));
  return (
    <Panel title={t('card.attributes')}>
      <dl className="metrics">
        {ATTRIBUTES.map((key) => (
          <div key={key} className="metric">
            <dt>
              {t(`attr.${key}`)}
              <Help text={help(`attr.${key}`)} />
            </dt>
            <dd>{value(attributes[key], key === 'created_at' ? 'date' : 'text')}</dd>
          </div>
        ))}
        {extra.map((key) => (
          <div key={key} className="metric">
            <dt>
              {key}
              <Help text={help('attr.other')} />
            </dt>
            <dd>{value(attributes[key], 'text')}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
