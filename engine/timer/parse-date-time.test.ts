import { parseDateTime } from './parse-date-time.js';

const instant = (text: string) => {
  const parsed = parseDateTime(text);
  if (!parsed.ok) throw new Error(parsed.failure.message);
  return parsed.value;
};
const failure = (text: string) => {
  const parsed = parseDateTime(text);
  return parsed.ok ? 'parsed' : parsed.failure.message;
};

describe('ISO 8601 date-times for timers', () => {
  it('reads a UTC time and a time with an offset as the instant they name', () => {
    expect(instant('2026-12-01T10:00:00Z')).toEqual({ epochMs: Date.UTC(2026, 11, 1, 10) });
    expect(instant('2026-12-01T10:00:00+01:00')).toEqual({ epochMs: Date.UTC(2026, 11, 1, 9), zone: '+01:00' });
    expect(instant('2026-12-01T10:00:00-05:30')).toEqual({ epochMs: Date.UTC(2026, 11, 1, 15, 30), zone: '-05:30' });
    expect(instant('2026-12-01T10:00:00+00:00')).toEqual({ epochMs: Date.UTC(2026, 11, 1, 10) });
  });

  it('takes a time without offset or zone as UTC, as Camunda documents', () => {
    expect(instant('2026-12-01T10:00:00')).toEqual({ epochMs: Date.UTC(2026, 11, 1, 10) });
  });

  it('lets the seconds out and keeps fractions down to the millisecond', () => {
    expect(instant('2026-12-01T10:00Z').epochMs).toBe(Date.UTC(2026, 11, 1, 10));
    expect(instant('2026-12-01T10:00:00.5Z').epochMs).toBe(Date.UTC(2026, 11, 1, 10, 0, 0, 500));
    expect(instant('2026-12-01T10:00:00.123456789Z').epochMs).toBe(Date.UTC(2026, 11, 1, 10, 0, 0, 123));
  });

  it('resolves a zone id with the zone offset of that day, summer or winter', () => {
    expect(instant('2026-12-01T10:00:00[Europe/Berlin]'))
      .toEqual({ epochMs: Date.UTC(2026, 11, 1, 9), zone: 'Europe/Berlin' });
    expect(instant('2026-07-01T10:00:00[Europe/Berlin]').epochMs).toBe(Date.UTC(2026, 6, 1, 8));
    expect(instant('2026-07-01T10:00:00[america/new_york]'))
      .toEqual({ epochMs: Date.UTC(2026, 6, 1, 14), zone: 'America/New_York' });
  });

  it('moves a Berlin time the clocks skip in spring forward by the gap, as java.time does', () => {
    // 2026-03-29 02:00 CET becomes 03:00 CEST: 02:30 does not exist and is read as 03:30 CEST.
    expect(instant('2026-03-29T02:30:00[Europe/Berlin]').epochMs).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(instant('2026-03-29T03:00:00[Europe/Berlin]').epochMs).toBe(Date.UTC(2026, 2, 29, 1));
  });

  it('takes a Berlin time the clocks show twice in autumn at the earlier offset, summer time', () => {
    // 2026-10-25 03:00 CEST becomes 02:00 CET: 02:30 happens at 00:30Z and again at 01:30Z.
    expect(instant('2026-10-25T02:30:00[Europe/Berlin]').epochMs).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(instant('2026-10-25T03:00:00[Europe/Berlin]').epochMs).toBe(Date.UTC(2026, 9, 25, 2));
  });

  it('takes the instant from the offset when both offset and zone id are given, and keeps the zone', () => {
    expect(instant('2022-01-01T10:00:00+02:00[Europe/Berlin]'))
      .toEqual({ epochMs: Date.UTC(2022, 0, 1, 8), zone: 'Europe/Berlin' });
    expect(instant('2026-10-25T02:30:00+01:00[Europe/Berlin]').epochMs).toBe(Date.UTC(2026, 9, 25, 1, 30));
  });

  it('reads February 29 in a leap year only', () => {
    expect(instant('2028-02-29T12:00:00Z').epochMs).toBe(Date.UTC(2028, 1, 29, 12));
    expect(failure('2026-02-29T12:00:00Z')).toBe("'2026-02-29T12:00:00Z' is not a valid date and time: 2026-02 has 28 days");
  });

  it.each([
    ['foo', "'foo' is not an ISO 8601 date and time like 2026-12-01T10:00:00+01:00"],
    ['', "'' is not an ISO 8601 date and time like 2026-12-01T10:00:00+01:00"],
    ['2026-12-01', "'2026-12-01' is not an ISO 8601 date and time like 2026-12-01T10:00:00+01:00"],
    ['2026-12-01 10:00:00Z', "'2026-12-01 10:00:00Z' is not an ISO 8601 date and time like 2026-12-01T10:00:00+01:00"],
    ['2026-12-01T10:00:00@Europe/Berlin', "'2026-12-01T10:00:00@Europe/Berlin' is not an ISO 8601 date and time like 2026-12-01T10:00:00+01:00"],
    ['2026-13-01T10:00:00Z', "'2026-13-01T10:00:00Z' is not a valid date and time: there is no month 13"],
    ['2026-04-31T10:00:00Z', "'2026-04-31T10:00:00Z' is not a valid date and time: 2026-04 has 30 days"],
    ['2026-12-01T24:00:00Z', "'2026-12-01T24:00:00Z' is not a valid date and time: there is no hour 24"],
    ['2026-12-01T10:60:00Z', "'2026-12-01T10:60:00Z' is not a valid date and time: there is no minute 60"],
    ['2026-12-01T10:00:60Z', "'2026-12-01T10:00:60Z' is not a valid date and time: there is no second 60"],
    ['2026-12-01T10:00:00+19:00', "'2026-12-01T10:00:00+19:00' has an invalid offset '+19:00': offsets reach up to ±18:00"],
    ['2026-12-01T10:00:00+05:75', "'2026-12-01T10:00:00+05:75' has an invalid offset '+05:75': offsets reach up to ±18:00"],
    ['2026-12-01T10:00:00[Europe/Berlinn]', "'2026-12-01T10:00:00[Europe/Berlinn]' names an unknown time zone: 'Europe/Berlinn'"],
  ])('rejects %p', (text, message) => {
    expect(failure(text)).toBe(message);
  });
});
