import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The walls between layers (lint/walls.js, ARCHITECTURE.md "Layers") are kept by `npm run lint`: a forbidden
// import must fail it, an allowed one must pass. The repository's own eslint.config.js is used, on text that
// is linted as if it were a file at the given path.
const ROOT = new URL('../..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: ROOT });

async function restricted(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${path}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const use = (what: string, from: string): string =>
  `import { ${what} } from '${from}';\nexport const x = ${what};\n`;

describe('the layer walls', () => {
  it.each([
    ['src/profile/x.ts', use('analyze', '../analyze/analyze.js'), /src\/profile may import only/],
    [
      'src/profile/x.ts',
      use('recommendAll', '../recommend/recommend-all.js'),
      /src\/profile may import only/,
    ],
    ['src/models/x.ts', use('Workspace', '../db/workspace.js'), /never see the database/],
    ['src/stats/x.ts', use('ident', '../db/sql.js'), /never see the database/],
    ['src/clusters/x.ts', use('ident', '../db/sql.js'), /never see the database/],
    ['src/ingest/x.ts', use('analyze', '../analyze/analyze.js'), /src\/ingest may import only/],
    [
      'src/metrics/x.ts',
      use('recommendAll', '../recommend/recommend-all.js'),
      /src\/metrics may import only/,
    ],
    ['src/segments/x.ts', use('catalogue', '../metrics/index.js'), /src\/segments may import only/],
    ['src/campaigns/x.ts', use('table', '../cli/format.js'), /never imports a surface/],
    ['src/analyze/x.ts', use('createServer', '../server/create-server.js'), /never imports a surface/],
    ['src/db/x.ts', use('runProfile', '../index.js'), /package's entry/],
    ['src/server/routes/x.ts', use('runCli', '../../cli/main.js'), /never imports the CLI/],
    ['src/cli/commands/x.ts', use('flows', '../../analyze/flows.js'), /public entry points/],
    ['src/server/routes/x.ts', use('flows', '../../analyze/flows.js'), /public entry points/],
    ['web/src/pages/x.ts', use('catalogue', '../../../src/metrics/index.js'), /only through the HTTP API/],
  ])('%s: a forbidden import fails the lint', async (path, code, reason) => {
    const messages = await restricted(path, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(reason);
  });

  it.each([
    ['src/profile/x.ts', use('catalogue', '../metrics/index.js')],
    ['src/analyze/x.ts', use('runProfile', '../profile/profile.js')],
    ['src/campaigns/x.ts', use('welch', '../stats/welch.js')],
    ['src/cli/x.ts', use('analyze', '../analyze/index.js')],
    ['src/cli/commands/x.ts', use('table', '../format.js')],
    ['src/server/routes/x.ts', use('analyze', '../../analyze/index.js')],
    ['src/server/routes/x.ts', use('InputError', '../../errors.js')],
    ['src/index.ts', use('runCli', './cli/main.js')],
  ])('%s: an allowed import passes', async (path, code) => {
    expect(await restricted(path, code)).toEqual([]);
  });
});
