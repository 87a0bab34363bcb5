import { evaluate, FeelDate } from 'feelin';
import { compileFeel, evaluateFeel } from './index.js';
import { valueOf } from './value-of.js';
import { toJsonValue } from './json-value.js';


describe('compiling FEEL', () => {
  it('returns the same compiled expression for the same source', () => {
    const first = compileFeel('amount > 1000 and status = "open"');
    expect(first.ok).toBe(true);
    expect(compileFeel('amount > 1000 and status = "open"')).toBe(first);
  });

  it('fails to compile invalid FEEL, naming the problem and its position', () => {
    expect(compileFeel('amount >')).toEqual({
      ok: false,
      failure: { message: 'the expression ends too early in comparison at line 1, column 9' },
    });
  });

  it('keeps its source without the leading =', () => {
    const compiled = compileFeel('owner.email');
    expect(compiled.ok && compiled.value.source).toBe('owner.email');
  });
});

describe('evaluating FEEL', () => {
  it('compares variables', () => {
    const condition = 'amount > 1000 and status = "open"';
    expect(valueOf(condition, { amount: 1500, status: 'open' })).toBe(true);
    expect(valueOf(condition, { amount: 999, status: 'open' })).toBe(false);
  });

  it('reads a variable and a path into it', () => {
    const variables = { owner: { email: 'halter@example.de', address: { city: 'Köln' } } };
    expect(valueOf('owner', variables)).toBe(variables.owner);
    expect(valueOf('owner.email', variables)).toBe('halter@example.de');
    expect(valueOf('owner.address.city', variables)).toBe('Köln');
  });

  it('reads a path over a list as the list of what each item holds', () => {
    expect(valueOf('dogs.name', { dogs: [{ name: 'Bello' }, { breed: 'Mops' }] })).toEqual(['Bello', null]);
  });

  it('yields null for a missing variable or property, as Camunda 8.3 does', () => {
    expect(valueOf('owner', {})).toBeNull();
    expect(valueOf('owner.email', {})).toBeNull();
    expect(valueOf('owner.email', { owner: {} })).toBeNull();
    expect(valueOf('owner.email', { owner: 'Frau Schmidt' })).toBeNull();
    expect(valueOf('amount > 1000', {})).toBeNull();
  });

  it('evaluates literals', () => {
    expect(valueOf('"Fundsache"')).toBe('Fundsache');
    expect(valueOf('12.5')).toBe(12.5);
    expect(valueOf('-3')).toBe(-3);
    expect(valueOf('false')).toBe(false);
    expect(valueOf('null')).toBeNull();
  });

  it('reads variables whose names need backticks', () => {
    expect(valueOf('`first-name` + " " + `last-name`', { 'first-name': 'Ada', 'last-name': 'Lovelace' })).toBe('Ada Lovelace');
    expect(valueOf('`a, b` * 2', { 'a, b': 21 })).toBe(42);
  });

  it('lets a variable hide a built-in function of the same name, as feelin does', () => {
    expect(valueOf('trim', { trim: 'ja' })).toBe('ja');
    expect(valueOf('trim(" x ")', { other: 1 })).toBe('x');
  });

  it('answers JSON data: dates and durations as ISO text, what JSON cannot hold as null', () => {
    expect(valueOf('{due: date("2025-03-31") + duration("P1D"), period: duration("P14D")}'))
      .toEqual({ due: '2025-04-01', period: 'P14D' });
    expect(valueOf('[1..3]')).toBeNull();
    expect(valueOf('function(x) x')).toBeNull();
    expect(valueOf('10 ** 400')).toBeNull();
  });

  it('answers the value as FEEL has it for more FEEL to use, a date still a date', () => {
    const compiled = compileFeel('date(acquired)');
    if (!compiled.ok) throw new Error(compiled.failure.message);
    const value = compiled.value.evaluateFeelValue({ acquired: '2024-05-15' });
    expect(value.ok && value.value).toBeInstanceOf(FeelDate);
    expect(compiled.value.evaluate({ acquired: '2024-05-15' })).toEqual({ ok: true, value: '2024-05-15' });
  });

  it('turns a failed assertion into a failure instead of throwing', () => {
    expect(evaluateFeel('assert(fee, fee >= 0, "fee must not be negative")', { fee: -5 })).toEqual({
      ok: false,
      failure: { message: 'Assertion failure: fee must not be negative' },
    });
  });

  it('turns an error inside feelin into a failure instead of throwing', () => {
    expect(evaluateFeel('for i in 1..limit return i', { limit: 'drei' })).toEqual({
      ok: false,
      failure: { message: 'unsupported range: 1..drei' },
    });
  });

  it('answers what feelin answers for expressions without number arithmetic', () => {
    const variables = {
      amount: 1500,
      status: 'open',
      owner: { 'first name': 'Ada', email: 'ada@example.de' },
      dogs: [{ name: 'Bello', weight: 30 }, { name: 'Fiffi', weight: 4 }],
      nested: [[{ a: 1 }]],
    };
    const sources = [
      'amount > 1000 and status = "open"',
      'if amount > 1000 then "Kämmerei" else "Ordnungsamt"',
      'dogs[weight > 20].name',
      'dogs[1]',
      'for dog in dogs return upper case(dog.name)',
      'some dog in dogs satisfies dog.weight < 5',
      'owner.first name',
      'nested.a',
      'count(dogs)',
      'string length(owner.email) > 5',
      '{name: owner.first name, city: missing.city}',
      'date("2025-01-31") < date("2025-02-01")',
      'list contains(dogs.name, "Fiffi")',
      'missing',
    ];
    for (const source of sources) {
      expect([source, valueOf(source, variables)]).toEqual([source, toJsonValue(evaluate(source, variables, 'camunda').value)]);
    }
  });
});
