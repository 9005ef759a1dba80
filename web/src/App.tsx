import { useEffect, useState } from 'react';
import { getJson, onUnauthorized, sendJson } from './api/client.js';
import { AsOfProvider } from './as-of.js';
import { CatalogueProvider } from './catalogue.js';
import { Layout } from './components/Layout.js';
import { ErrorMessage, Loading } from './components/Status.js';
import { I18nProvider, useI18n } from './i18n/i18n.js';
import { PAGES } from './pages/registry.js';
import { SignIn } from './pages/SignIn.js';
import { matchPath, usePath } from './router.js';

/** `/?signin=failed` is where a sign-in link with a wrong token lands; the flag is read once and removed. */
function takeSignInFailure(): boolean {
  const params = new URLSearchParams(location.search);
  if (params.get('signin') !== 'failed') return false;
  params.delete('signin');
  const rest = params.toString();
  history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}`);
  return true;
}

export function App() {
  return (
    <I18nProvider>
      <Session />
    </I18nProvider>
  );
}

function Session() {
  const [signedIn, setSignedIn] = useState<boolean>();
  const [error, setError] = useState<string>();
  const [linkFailed] = useState(takeSignInFailure);
  useEffect(() => {
    getJson<{ authenticated: boolean }>('/api/session').then(
      (s) => setSignedIn(s.authenticated),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
    return onUnauthorized(() => setSignedIn(false));
  }, []);
  if (error) return <ErrorMessage message={error} />;
  if (signedIn === undefined) return <Loading />;
  if (!signedIn) return <SignIn linkFailed={linkFailed} onSignedIn={() => setSignedIn(true)} />;
  const signOut = () => void sendJson('DELETE', '/api/session').finally(() => setSignedIn(false));
  return (
    <CatalogueProvider>
      <AsOfProvider>
        <Pages onSignOut={signOut} />
      </AsOfProvider>
    </CatalogueProvider>
  );
}

function Pages({ onSignOut }: { onSignOut(): void }) {
  const path = usePath();
  const { t } = useI18n();
  let content = <h1>{t('notfound.title')}</h1>;
  let title = t('notfound.title');
  for (const page of PAGES) {
    const params = matchPath(page.path, path);
    if (params) {
      content = page.render(params);
      title = t(page.title);
      break;
    }
  }
  useEffect(() => {
    document.title = `${title} · Clientele`;
  }, [title]);
  return (
    <Layout path={path} onSignOut={onSignOut}>
      {content}
    </Layout>
  );
}
