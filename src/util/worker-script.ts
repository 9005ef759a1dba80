import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `eval` script of a worker thread that loads the module `name` next to `moduleUrl` (the caller's
 * `import.meta.url`). When the caller runs from TypeScript sources (tests, tsx) the worker registers the tsx
 * loader first; the built package loads plain JavaScript.
 */
export function workerScript(moduleUrl: string, name: string): string {
  const ext = extname(fileURLToPath(moduleUrl));
  const load = `import(${JSON.stringify(new URL(`./${name}${ext}`, moduleUrl).href)})`;
  return ext === '.ts' ? `import('tsx/esm/api').then((tsx) => { tsx.register(); return ${load}; })` : load;
}
