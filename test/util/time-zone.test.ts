import { describe, expect, it } from 'vitest';

// `npm run test:tz` runs the date-sensitive tests again in other time zones (vitest.config.ts); this checks that
// the runs really are in the zone they claim, so that their passing means something.

describe('the time zone of the test run', () => {
  it('is the one asked for (UTC unless CLIENTELE_TEST_TZ names another)', () => {
    const zone = process.env['CLIENTELE_TEST_TZ'] ?? 'UTC';
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone === 'UTC' ? 'UTC' : zone);
    // 1 July 2025 at noon UTC: Moscow is 3 hours ahead all year, New York 4 hours behind in summer.
    const offset = new Date(Date.UTC(2025, 6, 1, 12)).getTimezoneOffset();
    expect(offset).toBe({ UTC: 0, 'Europe/Moscow': -180, 'America/New_York': 240 }[zone]);
  });
});
