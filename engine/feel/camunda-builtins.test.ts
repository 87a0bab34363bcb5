import { evaluateFeel } from './index.js';
import { valueOf } from './value-of.js';


describe("Camunda's built-in functions", () => {
  it('get or else answers the value, or the default when the value is null or missing', () => {
    expect(valueOf('get or else(name, "unbekannt")', { name: 'Bello' })).toBe('Bello');
    expect(valueOf('get or else(name, "unbekannt")', { name: null })).toBe('unbekannt');
    expect(valueOf('get or else(dog.name, "unbekannt")', {})).toBe('unbekannt');
    expect(valueOf('get or else(value: null, default: 3)')).toBe(3);
  });

  it('is defined answers false for a missing or null value, as Camunda 8.4 and later do', () => {
    expect(valueOf('is defined(owner.email)', { owner: { email: 'a@example.de' } })).toBe(true);
    expect(valueOf('is defined(owner.email)', { owner: {} })).toBe(false);
    expect(valueOf('is defined(owner)', { owner: null })).toBe(false);
    expect(valueOf('is defined(0)')).toBe(true);
  });

  it('is empty tells an empty list from a filled one', () => {
    expect(valueOf('is empty([])')).toBe(true);
    expect(valueOf('is empty(dogs)', { dogs: ['Bello'] })).toBe(false);
    expect(valueOf('is empty("text")')).toBeNull();
  });

  it('is blank is true for a string of only whitespace', () => {
    expect(valueOf('is blank("  ")')).toBe(true);
    expect(valueOf('is blank(" x ")')).toBe(false);
  });

  it('trim removes leading and trailing whitespace', () => {
    expect(valueOf('trim("  Am Markt 1 \\n")')).toBe('Am Markt 1');
    expect(valueOf('trim(1)')).toBeNull();
  });

  it('uuid answers a new random UUID on each call', () => {
    const first = valueOf('uuid()');
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(valueOf('uuid()')).not.toBe(first);
  });

  it('random number answers a number from 0 up to 1', () => {
    const number = valueOf('random number()');
    expect(number).toBeGreaterThanOrEqual(0);
    expect(number).toBeLessThan(1);
  });

  it('extract answers every match of a regular expression', () => {
    expect(valueOf('extract("this is foobar and folbar", "fo[a-z]*")')).toEqual(['foobar', 'folbar']);
    expect(valueOf('extract("Az. 32-1/2025", "[0-9]+")')).toEqual(['32', '1', '2025']);
    expect(valueOf('extract("x", "(")')).toBeNull();
  });

  it('to json writes a value as JSON text, dates as ISO text', () => {
    expect(valueOf('to json({name: "Bello", born: date("2020-05-01"), tags: [1, true, null]})'))
      .toBe('{"name":"Bello","born":"2020-05-01","tags":[1,true,null]}');
    expect(valueOf('to json("Köln")')).toBe('"Köln"');
  });

  it('from json reads JSON text, and answers null for text that is not JSON', () => {
    expect(valueOf('from json(body)', { body: '{"fee": 19.99, "paid": false}' })).toEqual({ fee: 19.99, paid: false });
    expect(valueOf('from json("not json")')).toBeNull();
  });

  it('partition cuts a list into lists of the given size', () => {
    expect(valueOf('partition([1, 2, 3, 4, 5], 2)')).toEqual([[1, 2], [3, 4], [5]]);
    expect(valueOf('partition([], 2)')).toEqual([]);
    expect(valueOf('partition([1], 0)')).toBeNull();
  });

  it('duplicate values answers each value occurring more than once, compared as FEEL compares', () => {
    expect(valueOf('duplicate values([1, 2, 3, 2, 1])')).toEqual([1, 2]);
    expect(valueOf('duplicate values([{id: 1}, {id: 2}, {id: 1}])')).toEqual([{ id: 1 }]);
    expect(valueOf('duplicate values(["a", "b"])')).toEqual([]);
  });

  it('last day of month answers the date of the last day of the month of a date or date-time', () => {
    expect(valueOf('last day of month(date("2024-02-10"))')).toBe('2024-02-29');
    expect(valueOf('last day of month(date and time("2025-04-03T10:00:00"))')).toBe('2025-04-30');
    expect(valueOf('last day of month(date("2025-12-01")) = date("2025-12-31")')).toBe(true);
    expect(valueOf('last day of month("2025-12-01")')).toBeNull();
  });

  it('assert answers the value when the condition holds', () => {
    expect(valueOf('assert(fee, fee >= 0)', { fee: 12 })).toBe(12);
    expect(evaluateFeel('assert(fee, fee >= 0)', {})).toEqual({
      ok: false,
      failure: { message: 'Assertion failure: The condition is not fulfilled' },
    });
  });

  it.each([
    ['string join(["a", "b"], ", ")', 'a, b'],
    ['distinct values([1, 1, 2])', [1, 2]],
    ['get value({a: 1}, "a")', 1],
    ['context put({a: 1}, "b", 2)', { a: 1, b: 2 }],
    ['context merge([{a: 1}, {b: 2}])', { a: 1, b: 2 }],
    ['get entries({a: 1})', [{ key: 'a', value: 1 }]],
    ['day of week(date("2025-01-06"))', 'Monday'],
    ['today() = date(string(today()))', true],
    ['now() > date and time("2020-01-01T00:00:00Z")', true],
  ])("keeps feelin's own %s", (source, expected) => {
    expect(valueOf(source)).toEqual(expected);
  });
});
