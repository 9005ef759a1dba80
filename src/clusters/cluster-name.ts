/** A suggested cluster name in English and Russian. */
export interface ClusterName {
  en: string;
  ru: string;
}

/** Where a cluster sits on one feature: its centroid as a z-score of the population, and in the user's units. */
export interface FeatureStanding {
  feature: string;
  unit?: string;
  /** (centroid − population mean) / population SD, on the scale k-means used (log where skewed). */
  z: number;
  /** The centroid in the user's units. */
  value: number;
}

type Role = 'recency' | 'interval' | 'value' | 'basket' | 'tenure' | 'frequency';

interface Word {
  en: string;
  ru: string;
}

/** Feature roles, recognised from the feature name (first match wins). */
const ROLE_PATTERNS: readonly [Role, RegExp][] = [
  ['recency', /recen|since_last|days_since/],
  ['interval', /ipi|interval|between/],
  ['basket', /aov|order_value|avg_order|per_order|basket|ticket|avg_check/],
  ['tenure', /tenure|lifespan|since_first|customer_age/],
  ['frequency', /order|frequen|purchase|visit|transaction/],
  ['value', /revenue|monetary|spend|sales|value|clv|amount|margin|profit/],
];

/** The word for a cluster well above (`high`) or below (`low`) the population on a feature of each role. */
const WORDS: Record<Role, { high: Word; low: Word }> = {
  recency: { high: { en: 'lapsed', ru: 'давно не покупавшие' }, low: { en: 'recent', ru: 'недавние' } },
  interval: {
    high: { en: 'infrequent', ru: 'редко покупающие' },
    low: { en: 'frequent', ru: 'часто покупающие' },
  },
  frequency: {
    high: { en: 'frequent', ru: 'часто покупающие' },
    low: { en: 'infrequent', ru: 'редко покупающие' },
  },
  value: { high: { en: 'high value', ru: 'ценные' }, low: { en: 'low value', ru: 'с малой выручкой' } },
  basket: {
    high: { en: 'big-basket', ru: 'с крупным чеком' },
    low: { en: 'small-basket', ru: 'с небольшим чеком' },
  },
  tenure: { high: { en: 'long-standing', ru: 'давние' }, low: { en: 'new', ru: 'новые' } },
};

const ONE_TIMERS: Word = { en: 'one-timers', ru: 'разовые покупатели' };
const TYPICAL: Word = { en: 'Typical customers', ru: 'Типичные клиенты' };

/** |z| from which a cluster counts as high or low on a feature: half a population standard deviation. */
export const NAME_THRESHOLD = 0.5;

/**
 * Suggested names for clusters from their centroids relative to the population. Rules, in order:
 * 1. A feature's role comes from its name (recency, purchase interval, average order value, tenure, order
 *    count, revenue); other features are named as "high <feature>" / "low <feature>".
 * 2. A cluster is high or low on a feature when its centroid is at least 0.5 population SD (on the k-means scale)
 *    above or below the mean; a frequency count whose centroid is under 1.5 (e.g. orders) makes "one-timers".
 * 3. Of these words, one per role, "one-timers" (when it applies) and then those with the largest |z| form a
 *    two-word name, adjectives first and the noun last ("Lapsed one-timers", "High value, recent"); no word
 *    gives "Typical customers".
 * 4. When two clusters would share a name, the next word is added; if still equal, a number.
 *
 * @example nameClusters([[{ feature: 'revenue', z: 1.4, value: 900 }, { feature: 'recency_days', z: -0.9, value: 12 }]]);
 * // [{ en: 'High value, recent', ru: 'Ценные, недавние' }]
 */
export function nameClusters(standings: readonly (readonly FeatureStanding[])[]): ClusterName[] {
  const words = standings.map(describe);
  const used = words.map((list) => Math.min(2, list.length));
  const names = (): ClusterName[] => words.map((list, c) => compose(list.slice(0, used[c])));
  for (let round = 0; round < 4; round++) {
    const current = names();
    let extended = false;
    current.forEach((name, c) => {
      const clash = current.some((other, d) => d !== c && other.en === name.en);
      if (clash && used[c]! < words[c]!.length) {
        used[c]!++;
        extended = true;
      }
    });
    if (!extended) break;
  }
  const final = names();
  const seen = new Map<string, number>();
  return final.map((name) => {
    const count = (seen.get(name.en) ?? 0) + 1;
    seen.set(name.en, count);
    const clashes = final.filter((other) => other.en === name.en).length > 1;
    return clashes ? { en: `${name.en} (${count})`, ru: `${name.ru} (${count})` } : name;
  });
}

interface Descriptor extends Word {
  weight: number;
  noun: boolean;
}

function describe(standing: readonly FeatureStanding[]): Descriptor[] {
  const byRole = new Map<string, Descriptor>();
  for (const { feature, unit, z, value } of standing) {
    const name = feature.toLowerCase();
    const role = ROLE_PATTERNS.find(([, pattern]) => pattern.test(name))?.[0];
    const key = role === 'interval' ? 'frequency' : (role ?? `feature:${feature}`);
    let word: Descriptor | undefined;
    const oneTime =
      role === 'frequency' && value < 1.5 && unit !== 'per_month' && !/per_|rate|ratio|share/.test(name);
    if (oneTime) word = { ...ONE_TIMERS, weight: Math.max(Math.abs(z), NAME_THRESHOLD), noun: true };
    else if (Math.abs(z) >= NAME_THRESHOLD) {
      const level = z > 0 ? 'high' : 'low';
      const text =
        role === undefined
          ? { en: `${level} ${feature}`, ru: `${level === 'high' ? 'высокий' : 'низкий'} ${feature}` }
          : WORDS[role][level];
      word = { ...text, weight: Math.abs(z), noun: false };
    }
    const previous = byRole.get(key);
    if (word && (previous === undefined || word.weight > previous.weight)) byRole.set(key, word);
  }
  return [...byRole.values()].sort((a, b) => Number(b.noun) - Number(a.noun) || b.weight - a.weight);
}

function compose(words: readonly Descriptor[]): ClusterName {
  if (words.length === 0) return { ...TYPICAL };
  const adjectives = words.filter((w) => !w.noun);
  const nouns = words.filter((w) => w.noun);
  const join = (language: 'en' | 'ru'): string => {
    const head = adjectives.map((w) => w[language]).join(', ');
    const tail = nouns.map((w) => w[language]).join(' ');
    const text = head && tail ? `${head} ${tail}` : head || tail;
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  return { en: join('en'), ru: join('ru') };
}
