import { useI18n } from '../i18n/i18n.js';
import { Link, usePath } from '../router.js';

/** The API's status for "the workspace is not ready for this yet" (no analysis, no predictions, no sales). */
const NOT_READY = 409;

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/**
 * A failed request. `status` is the API's HTTP status when there is one: a 409 is no error of the app but
 * something not computed yet, shown as a notice with where to compute it; anything else as an error.
 */
export function ErrorMessage({
  message,
  status,
  onRetry,
}: {
  message: string;
  status?: number | undefined;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  if (status === NOT_READY) return <NotReady message={message} />;
  return (
    <div className="error" role="alert">
      {t('common.error', { message })}
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** The API's message of what to run (English, as the API speaks), and the page where the app runs it. */
function NotReady({ message }: { message: string }) {
  const { t } = useI18n();
  const onData = usePath() === '/data';
  return (
    <div className="notice not-ready" role="status">
      <p>
        <strong>{t('common.notReady')}</strong> <span lang="en">{message}</span>
      </p>
      {!onData && (
        <p>
          {t('common.notReadyHint')}{' '}
          <Link to="/data" className="button">
            {t('common.openData')}
          </Link>
        </p>
      )}
    </div>
  );
}
