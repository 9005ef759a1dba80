// The walls between the layers of src/ (ARCHITECTURE.md, "Layers"), kept by `npm run lint`. Each folder of the
// engine lists the other folders it may import; an import of any other folder, of a surface (src/cli,
// src/server) or of the package entry (src/index.ts) fails the lint with the reason below. The files at the
// root of src/ other than index.ts (errors.ts, version.ts) may be imported from anywhere.

/** Engine folders, bottom up, with the folders each may import. */
export const ENGINE_IMPORTS = {
  util: [],
  db: ['util'],
  stats: ['util'],
  models: ['util', 'stats'],
  export: ['util', 'db'],
  segments: ['util', 'db'],
  metrics: ['util', 'db', 'segments'],
  expr: ['util', 'db', 'metrics'],
  ingest: ['util', 'db'],
  profile: ['util', 'db', 'export', 'segments', 'metrics'],
  clusters: ['util', 'stats'],
  demo: ['util'],
  analyze: ['util', 'db', 'export', 'segments', 'metrics', 'profile', 'clusters', 'predict'],
  predict: ['util', 'db', 'models', 'segments', 'metrics', 'profile', 'analyze'],
  recommend: ['util', 'db', 'segments', 'metrics', 'profile'],
  campaigns: [
    'util',
    'db',
    'stats',
    'export',
    'segments',
    'metrics',
    'expr',
    'profile',
    'analyze',
    'predict',
  ],
};

/** Why a layer may not import what it is denied; shown by the lint. */
const REASONS = {
  numerics: 'the numerics work on typed arrays and never see the database',
};

const folder = (name) => `^(\\.\\./)+(${name})(/|$)`;

function denied(name) {
  const allowed = new Set([name, ...ENGINE_IMPORTS[name]]);
  const others = Object.keys(ENGINE_IMPORTS).filter((f) => !allowed.has(f));
  const patterns = [
    {
      regex: folder('cli|server'),
      message: `src/${name} is engine code: it never imports a surface (src/cli, src/server); return typed results and let the surface present them.`,
    },
    {
      regex: '^(\\.\\./)+index\\.js$',
      message: `src/index.ts is the package's entry for outside callers; src/${name} imports the module it needs.`,
    },
  ];
  if (others.length > 0) {
    const numerics = ['models', 'stats', 'clusters'].includes(name) && others.includes('db');
    patterns.push({
      regex: folder(others.join('|')),
      message: `src/${name} may import only ${
        [...allowed]
          .filter((f) => f !== name)
          .map((f) => `src/${f}`)
          .join(', ') || 'itself'
      } (ARCHITECTURE.md, "Layers")${numerics ? `: ${REASONS.numerics}` : ''}.`,
    });
  }
  return patterns;
}

/** ESLint flat-config entries, one per walled folder. */
export function walls() {
  const configs = Object.keys(ENGINE_IMPORTS).map((name) => ({
    files: [`src/${name}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: denied(name) }] },
  }));
  // The surfaces use the engine through its public entry points only: src/index.ts or an area's index.ts.
  const entryOnly = {
    regex: `^(\\.\\./)+(${Object.keys(ENGINE_IMPORTS).join('|')})/(?!index\\.js$)`,
    message:
      'A surface imports the engine only through its public entry points (src/<area>/index.ts): export what it needs there.',
  };
  configs.push({
    files: ['src/cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [entryOnly] }] },
  });
  configs.push({
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: folder('cli'),
              message:
                'The server never imports the CLI: what both need is engine code, imported from there.',
            },
            entryOnly,
          ],
        },
      ],
    },
  });
  configs.push({
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+src/',
              message: 'The web app runs in the browser and talks to the engine only through the HTTP API.',
            },
          ],
        },
      ],
    },
  });
  return configs;
}
