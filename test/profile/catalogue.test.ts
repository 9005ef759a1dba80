import { describe, expect, it } from 'vitest';
import { catalogue, PROFILE_COLUMNS } from '../../src/metrics/index.js';
import { profileSql } from '../../src/profile/profile-sql.js';
import { tempWorkspace } from '../helpers/workspace.js';

describe('metric catalogue', () => {
  it('documents every profile column in English and Russian', () => {
    const ids = catalogue().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const column of PROFILE_COLUMNS) expect(ids).toContain(column);
    for (const m of catalogue()) {
      for (const lang of ['en', 'ru'] as const) {
        expect(m.name[lang].length, `${m.id} name ${lang}`).toBeGreaterThan(2);
        expect(m.method[lang].length, `${m.id} method ${lang}`).toBeGreaterThan(15);
      }
      expect(/[а-яё]/i.test(m.method.ru), `${m.id} Russian text`).toBe(true);
    }
  });

  it('generates profile SQL that DuckDB binds, with exactly the documented columns', async () => {
    const { ws, cleanup } = await tempWorkspace();
    try {
      const cols = await ws.all<{ column_name: string }>(`DESCRIBE (${profileSql()})`, ['2024-01-01']);
      expect(cols.map((c) => c.column_name)).toEqual([...PROFILE_COLUMNS]);
      await ws.run(`EXPLAIN ${profileSql()}`, ['2024-01-01']);
    } finally {
      cleanup();
    }
  });
});
