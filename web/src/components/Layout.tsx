import type { ReactNode } from 'react';
import { useAsOf } from '../as-of.js';
import { useCatalogue } from '../catalogue.js';
import type { Lang } from '../i18n/numbers-dates.js';
import { useI18n } from '../i18n/i18n.js';
import { PAGES } from '../pages/registry.js';
import { Link, matchPath } from '../router.js';
import { Help } from './Help.js';

const LANGUAGES: Record<Lang, string> = { en: 'English', ru: 'Русский' };

/** The header (navigation, as-of date, language, sign-out) around the current page. */
export function Layout({
  path,
  onSignOut,
  children,
}: {
  path: string;
  onSignOut(): void;
  children: ReactNode;
}) {
  const { t, lang, setLang } = useI18n();
  const { asOf, setAsOf } = useAsOf();
  const { help } = useCatalogue();
  const current = (pattern: string) =>
    matchPath(pattern, path) !== null || (pattern !== '/' && path.startsWith(`${pattern}/`));
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo">Clientele</span>
          <span className="tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.main')}>
          {PAGES.filter((p) => p.nav).map((p) => (
            <Link key={p.path} to={p.path} className={current(p.path) ? 'nav-link active' : 'nav-link'}>
              {t(p.title)}
            </Link>
          ))}
          <a className="nav-link" href="/docs" target="_blank" rel="noreferrer">
            {t('nav.docs')}
          </a>
        </nav>
        <div className="controls">
          <label className="asof">
            <span>{t('asof.label')}</span>
            <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
            <Help text={help('asof')} />
          </label>
          <label className="lang">
            <span className="visually-hidden">{t('lang.label')}</span>
            <select
              value={lang}
              onChange={(e) => setLang(e.target.value as Lang)}
              aria-label={t('lang.label')}
            >
              {(Object.keys(LANGUAGES) as Lang[]).map((l) => (
                <option key={l} value={l}>
                  {LANGUAGES[l]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="link-button" onClick={onSignOut}>
            {t('signout')}
          </button>
        </div>
      </header>
      <main>{children}</main>
    </div>
  );
}
