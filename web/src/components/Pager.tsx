import { useI18n } from '../i18n/i18n.js';

export function Pager({
  offset,
  limit,
  total,
  onChange,
}: {
  offset: number;
  limit: number;
  total: number;
  onChange(offset: number): void;
}) {
  const { t, num } = useI18n();
  if (total === 0) return null;
  return (
    <nav className="pager">
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - limit))}>
        {t('common.prev')}
      </button>
      <span>
        {t('common.rows', {
          from: num(offset + 1),
          to: num(Math.min(total, offset + limit)),
          total: num(total),
        })}
      </span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onChange(offset + limit)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
