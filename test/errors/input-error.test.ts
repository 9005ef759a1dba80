import { describe, expect, it } from 'vitest';
import { cliFlag } from '../../src/cli/main.js';
import { ConflictError, field, InputError, NotFoundError } from '../../src/errors.js';
import { apiField, apiMessage } from '../../src/server/api-words.js';

// The engine names its options, never a surface's flags or fields; each surface words them its way
// (ARCHITECTURE.md, "The engine speaks no surface's language").
describe('an engine error', () => {
  const error = new InputError(
    `${field('calibrationEnd')} 1998-01-01 must be before ${field('holdoutEnd')} 1997-01-01 (\`clientele predict --help\`).`,
  );

  it("names the options by the engine's names, the first being the offending one", () => {
    expect(error.message).toBe(
      'calibrationEnd 1998-01-01 must be before holdoutEnd 1997-01-01 (`clientele predict --help`).',
    );
    expect(error.fields).toEqual(['calibrationEnd', 'holdoutEnd']);
    expect(error.field).toBe('calibrationEnd');
    expect(error.code).toBe('invalid');
  });

  it('reads as flags on the command line and as request fields in the API', () => {
    expect(error.worded(cliFlag)).toBe(
      '--calibration-end 1998-01-01 must be before --holdout-end 1997-01-01 (`clientele predict --help`).',
    );
    expect(apiMessage(error)).toBe(
      'calibration_end 1998-01-01 must be before holdout_end 1997-01-01 (`clientele predict --help`).',
    );
  });

  it('uses the names the API gives the campaign options', () => {
    expect(['segment', 'control', 'window', 'asOf', 'costPerContact'].map(apiField)).toEqual([
      'selection',
      'control_share',
      'window_days',
      'as_of',
      'cost_per_contact',
    ]);
  });

  it('says what kind of bad input it is', () => {
    expect(new NotFoundError('There is no load 7.').code).toBe('not_found');
    expect(
      new ConflictError(`A campaign named "x" already exists; choose another ${field('name')}.`).code,
    ).toBe('conflict');
    expect(new InputError('No field here.').field).toBeUndefined();
  });
});

describe('the API', () => {
  it('answers a bad request field with its name in `field`, and a missing thing with a 404', async () => {
    const { AUTH, json, startServer } = await import('../server/helpers.js');
    const s = await startServer();
    try {
      const bad = await s.app.inject({ url: '/api/pivot?rows=stage&cols=planet', headers: AUTH });
      expect(bad.statusCode).toBe(400);
      expect(json(bad)).toEqual({
        error: expect.stringMatching(/^cols "planet" is not a dimension; use one of: as_of, cohort, stage/),
        field: 'cols',
      });
      const missing = await s.app.inject({ url: '/api/loads/999', headers: AUTH });
      expect(missing.statusCode).toBe(404);
      expect(json(missing)).toEqual({ error: 'There is no load 999 in this workspace.' });
    } finally {
      await s.cleanup();
    }
  });
});
