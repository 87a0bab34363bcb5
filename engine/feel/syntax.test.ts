import { checkFeelSyntax } from './index.js';

const failureOf = (source: string) => {
  const result = checkFeelSyntax(source);
  return result.ok ? undefined : result.failure.message;
};

describe('FEEL syntax check', () => {
  it.each([
    'amount > 1000 and status = "open"',
    'get or else(dog.name, "unbekannt")',
    'is defined(owner.email)',
    'now() + duration("P14D")',
    'for fee in fees return fee * 1.19',
    'person.first name',
    '`first-name` + " " + `last-name`',
    '{tax: if dangerous then 600 else 150}.tax',
    'fee * 1.19 // Umsatzsteuer',
  ])('accepts %s', (source) => {
    expect(checkFeelSyntax(source)).toEqual({ ok: true, value: undefined });
  });

  it('names a token it cannot read, the construct it is in and its line and column', () => {
    expect(failureOf('1 +* 2')).toBe("unexpected '*' in arithmetic expression at line 1, column 4");
    expect(failureOf('status = "open')).toBe(`unexpected '"' in comparison at line 1, column 10`);
  });

  it('says so when the expression ends before it is complete', () => {
    expect(failureOf('amount >')).toBe('the expression ends too early in comparison at line 1, column 9');
    expect(failureOf('get or else(x,')).toMatch(/^the expression ends too early in .* at line 1, column 15$/);
  });

  it('counts lines and columns in an expression over several lines', () => {
    expect(failureOf('{\n  tax: 150,\n  fee: * 2\n}')).toMatch(/^unexpected '\*' .* at line 3, column 8$/);
  });

  it('rejects an empty expression', () => {
    expect(failureOf('  ')).toBe('the expression is empty');
  });
});
