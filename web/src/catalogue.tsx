import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { apiUrl } from './api/client.js';
import type { Metric } from './api/types.js';
import { useApi } from './api/use-api.js';
import { useI18n } from './i18n/i18n.js';
import { HELP, type HelpKey } from './i18n/help.js';

export interface Catalogue {
  metric(id: string): Metric | undefined;
  /** The (?) text of a non-catalogue figure, with the catalogue method it refers to. */
  help(key: HelpKey): string;
}

const CatalogueContext = createContext<Catalogue | undefined>(undefined);

/** The metric catalogue in the current language, fetched once per language: names, units and method texts. */
export function CatalogueProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const { data } = useApi<{ metrics: Metric[] }>(apiUrl('/api/metrics', { lang }));
  const catalogue = useMemo<Catalogue>(() => {
    const byId = new Map((data?.metrics ?? []).map((m) => [m.id, m]));
    return {
      metric: (id) => byId.get(id),
      help: (key) => {
        const entry = HELP[key];
        const base = entry[lang];
        const metric = 'metric' in entry ? byId.get(entry.metric) : undefined;
        return metric ? `${base} ${metric.name}. ${metric.method}` : base;
      },
    };
  }, [data, lang]);
  return <CatalogueContext.Provider value={catalogue}>{children}</CatalogueContext.Provider>;
}

export function useCatalogue(): Catalogue {
  const catalogue = useContext(CatalogueContext);
  if (!catalogue) throw new Error('useCatalogue outside CatalogueProvider');
  return catalogue;
}
