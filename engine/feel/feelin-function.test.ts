import { evaluate, isFunction } from 'feelin';
import { feelCallable } from './feel-callable.js';
import { defineFeelinFunction } from './feelin-function.js';

describe('feelin closures built once', () => {
  it('evaluates the body with the arguments bound to the parameters', () => {
    const fee = defineFeelinFunction(['dangerous', 'dogs'], 'if dangerous then 600 else 150 * dogs');
    expect(fee(true, 1)).toBe(600);
    expect(fee(false, 2)).toBe(300);
  });

  it('reads names holding a keyword when told of them', () => {
    const orElse = feelCallable(['value', 'default'], (value: unknown, fallback: unknown) => value ?? fallback);
    const closure = defineFeelinFunction(['get or else', 'x'], 'get or else(x, 1)', ['get or else']);
    expect(closure(orElse, null)).toBe(1);
  });

  it('refuses a name that feelin would read as other parameters', () => {
    expect(() => defineFeelinFunction(['a, b'], '1')).toThrow('feelin cannot take a, b as parameter names');
  });

  it('relies on feelin adding the warnings of each call to the array of the evaluate() that built the closure', () => {
    // defineFeelinFunction empties that array after each call; if feelin stops sharing it, this fails on upgrade.
    const definition = evaluate('function(x) missing', {}, 'camunda');
    if (!isFunction(definition.value)) throw new Error('no function');
    definition.value.fn(1);
    definition.value.fn(2);
    expect(definition.warnings).toHaveLength(2);
  });
});
