import { parseDuration } from './parse-duration.js';

const HOUR = 3_600_000;
const interval = (text: string) => {
  const parsed = parseDuration(text);
  if (!parsed.ok) throw new Error(parsed.failure.message);
  return parsed.value;
};

describe('ISO 8601 durations', () => {
  it.each([
    ['PT15S', { months: 0, days: 0, milliseconds: 15_000 }],
    ['PT1H30M', { months: 0, days: 0, milliseconds: 1.5 * HOUR }],
    ['PT36H', { months: 0, days: 0, milliseconds: 36 * HOUR }],
    ['P14D', { months: 0, days: 14, milliseconds: 0 }],
    ['P1W', { months: 0, days: 7, milliseconds: 0 }],
    ['P2W3D', { months: 0, days: 17, milliseconds: 0 }],
    ['P1M', { months: 1, days: 0, milliseconds: 0 }],
    ['PT1M', { months: 0, days: 0, milliseconds: 60_000 }],
    ['P1Y2M3DT4H', { months: 14, days: 3, milliseconds: 4 * HOUR }],
    ['P3Y6M4DT12H30M5S', { months: 42, days: 4, milliseconds: 12.5 * HOUR + 5000 }],
    ['PT0S', { months: 0, days: 0, milliseconds: 0 }],
  ])('splits %s into calendar months and days and exact milliseconds', (text, expected) => {
    expect(interval(text)).toEqual(expected);
  });

  it('takes fractional seconds down to the millisecond, with a point or a comma', () => {
    expect(interval('PT0.5S').milliseconds).toBe(500);
    expect(interval('PT1,25S').milliseconds).toBe(1250);
    expect(interval('PT0.000999S').milliseconds).toBe(0);
    expect(interval('PT0.123456789S').milliseconds).toBe(123);
  });

  it('reads the letters in either case, as java.time does', () => {
    expect(interval('pt15m')).toEqual({ months: 0, days: 0, milliseconds: 15 * 60_000 });
  });

  it('reads a leading minus as a negative duration, which Camunda fires at once', () => {
    expect(interval('-PT1H')).toEqual({ months: 0, days: 0, milliseconds: -HOUR });
    expect(interval('-P1DT1H')).toEqual({ months: 0, days: -1, milliseconds: -HOUR });
    expect(interval('+PT1H')).toEqual({ months: 0, days: 0, milliseconds: HOUR });
  });

  it.each(['', 'P', 'PT', 'P1DT', 'PT10X', '1H', 'PT1.5H', 'P1.5D', 'PT-1H', 'P1H', 'PT1S1M', 'P1D2Y', 'R3/PT1H', ' PT1H'])(
    'rejects %p',
    (text) => {
      expect(parseDuration(text)).toEqual({
        ok: false,
        failure: { message: `'${text}' is not an ISO 8601 duration like PT15M, P14D or P1DT12H` },
      });
    },
  );

  it('rejects durations longer than 10000 years, which no date could hold', () => {
    expect(parseDuration('P10000Y').ok).toBe(true);
    expect(parseDuration('P10001Y')).toEqual({ ok: false, failure: { message: "'P10001Y' is longer than 10000 years" } });
    expect(parseDuration('PT99999999999999999999H').ok).toBe(false);
  });
});
