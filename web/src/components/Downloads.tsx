import { useI18n } from '../i18n/i18n.js';

/** CSV and Excel links for a table endpoint (`?format=csv|xlsx`); the server writes the file, formulas neutralized. */
export function Downloads({ url }: { url: string }) {
  const { t } = useI18n();
  const href = (format: 'csv' | 'xlsx') => `${url}${url.includes('?') ? '&' : '?'}format=${format}`;
  return (
    <span className="downloads" aria-label={t('common.download')} title={t('common.download')}>
      <span aria-hidden="true">⤓</span>
      <a href={href('csv')} download>
        {t('common.csv')}
      </a>
      <a href={href('xlsx')} download>
        {t('common.xlsx')}
      </a>
    </span>
  );
}
