import { describe, expect, it } from '@jest/globals';
import { leitwegCheckDigits, parseLeitwegId } from './leitweg-id.js';

describe('Leitweg-ID', () => {
  it('takes the ID apart into Grob- and Feinadressierung and checks the MOD 97-10 digits', () => {
    expect(parseLeitwegId('04011000-12345-03')).toEqual({ coarseAddress: '04011000', fineAddress: '12345', checkDigits: '03', checkDigitsValid: true });
    expect(parseLeitwegId('991-33333TEST-33')).toEqual({ coarseAddress: '991', fineAddress: '33333TEST', checkDigits: '33', checkDigitsValid: true });
    expect(parseLeitwegId('04011000-03')).toMatchObject({ coarseAddress: '04011000', checkDigits: '03' });
  });

  it('computes the digits the KoSIT samples name: 15 for 99000000-05676, 03 for 04011000-12345', () => {
    expect(leitwegCheckDigits('9900000005676')).toBe('15');
    expect(leitwegCheckDigits('0401100012345')).toBe('03');
    expect(parseLeitwegId('99000000-05676-98')?.checkDigitsValid).toBe(false);
  });

  it('counts letters as 10 ... 35 whatever their case', () => {
    expect(leitwegCheckDigits('99133333test')).toBe(leitwegCheckDigits('99133333TEST'));
  });

  it('refuses what is no Leitweg-ID', () => {
    expect(['', 'abc', '1-12', '1234567890123-12', '12345678-12345-1', '12345678-ab_c-12'].map(parseLeitwegId)).toEqual(Array(6).fill(undefined));
  });
});
