import { expect, test } from 'vitest';
import { SCALE_SECTION, sectionBody, withSection } from '../../bench/sections.js';

const FILE = '# Benchmarks\n\n## Ingest\n\n| a |\n';

test('a section is appended once, then replaced in place, and the rest of the file is kept', () => {
  const first = withSection(FILE, SCALE_SECTION, '## Scale\n\nrun 1');
  expect(first).toBe(`${FILE}\n<!-- bench:scale -->\n## Scale\n\nrun 1\n<!-- /bench:scale -->\n`);
  const later = `${first}\n## Models\n`;
  const second = withSection(later, SCALE_SECTION, '## Scale\n\nrun 2 with $& and $1');
  expect(second).toBe(later.replace('run 1', () => 'run 2 with $& and $1'));
  expect(sectionBody(second, SCALE_SECTION)).toBe('## Scale\n\nrun 2 with $& and $1');
  expect(sectionBody(FILE, SCALE_SECTION)).toBeUndefined();
});

test('what `npm run bench` does: a new file keeps the scale section of the old one', () => {
  const old = withSection('# Benchmarks\n\nold figures\n', SCALE_SECTION, '## Scale\n\nkept');
  const fresh = '# Benchmarks\n\nnew figures\n';
  const kept = sectionBody(old, SCALE_SECTION);
  expect(kept).toBe('## Scale\n\nkept');
  expect(withSection(fresh, SCALE_SECTION, kept ?? '')).toBe(
    '# Benchmarks\n\nnew figures\n\n<!-- bench:scale -->\n## Scale\n\nkept\n<!-- /bench:scale -->\n',
  );
});
