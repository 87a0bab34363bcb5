/**
 * form-js's validation of one field value (`Validator.validateFieldInstance`: `runNumberValidation`, then
 * `runPresetValidation`), rule by rule in form-js's order, with its quirks: `min`/`max` skip falsy values but 0,
 * lengths count the trimmed text in UTF-16 units, the pattern is unanchored, a number rule ignores 0.
 */
import type { ErrorCode, MessageParams } from '../messages/messages.js';
import { isEmailAddress, isInternationalPhoneNumber } from './contact-formats.js';
import {
  add, compareDecimals, countDecimals, decimalToString, isZero, remainder, subtract, toDecimal, type Decimal,
} from './decimal.js';

export interface RuleViolation {
  readonly code: ErrorCode;
  readonly params?: MessageParams;
  /** The form author's own message (`patternErrorMessage`), in every language. */
  readonly text?: string;
}

/** A `validate` property as the validator runs it: its value, FEEL already evaluated (null when it yielded nothing). */
export interface EvaluatedValidation {
  readonly required: boolean;
  readonly pattern?: RegExp;
  readonly patternText?: string;
  readonly patternErrorMessage?: string;
  readonly min?: unknown;
  readonly max?: unknown;
  readonly minLength?: unknown;
  readonly maxLength?: unknown;
  readonly validationType?: string;
}

export interface NumberFormat {
  readonly decimalDigits?: unknown;
  /** big.js value of the field's `increment`, checked when the form was compiled. */
  readonly increment?: Decimal;
}

export function validateNumberValue(format: NumberFormat, value: unknown): RuleViolation[] {
  if (value === 'NaN') return [{ code: 'notANumber' }];
  const { decimalDigits, increment } = format;
  const checksDigits = (decimalDigits as number) >= 0;
  if (!value || (!checksDigits && increment === undefined)) return [];
  const plainDecimals = decimalsOfPlainNumber(value);
  const decimal = plainDecimals === undefined || increment !== undefined ? toDecimal(value) : undefined;
  // form-js crashes here (big.js rejects the value, or an integer of 21 digits has no decimal point to count).
  if (plainDecimals === undefined && decimal === undefined) return [{ code: 'notANumber' }];
  const violations: RuleViolation[] = [];
  if (checksDigits) {
    const decimals = plainDecimals ?? countDecimals(decimal!);
    if (decimals === undefined) return [{ code: 'numberOutOfRange' }];
    if (decimals > (decimalDigits as number)) {
      if (decimalDigits === 0) violations.push({ code: 'integer' });
      else if (decimalDigits === 1) violations.push({ code: 'decimalDigit' });
      else violations.push({ code: 'decimalDigits', params: { value: String(decimalDigits) } });
    }
  }
  if (increment !== undefined && decimal !== undefined) {
    const offset = remainder(decimal, increment);
    if (offset !== undefined && !isZero(offset)) {
      const previous = subtract(decimal, offset);
      violations.push({
        code: 'increment',
        params: { previousValue: decimalToString(previous), nextValue: decimalToString(add(previous, increment)) },
      });
    }
  }
  return violations;
}

export function validatePresetRules(validation: EvaluatedValidation, value: unknown, isCheckbox: boolean): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (validation.pattern !== undefined && value && !validation.pattern.test(value as string)) {
    violations.push(
      validation.patternErrorMessage
        ? { code: 'pattern', text: validation.patternErrorMessage }
        : { code: 'pattern', params: { value: validation.patternText ?? '' } },
    );
  }
  if (validation.required && isEmpty(value, isCheckbox)) violations.push({ code: 'required' });
  if (validation.min !== undefined && (value || value === 0)) {
    const violation = compareBound(value, validation.min, -1);
    if (violation !== undefined) violations.push(violation === 'invalid' ? { code: 'minInvalid' } : { code: 'min', params: { value: String(validation.min) } });
  }
  if (validation.max !== undefined && (value || value === 0)) {
    const violation = compareBound(value, validation.max, 1);
    if (violation !== undefined) violations.push(violation === 'invalid' ? { code: 'maxInvalid' } : { code: 'max', params: { value: String(validation.max) } });
  }
  if (validation.minLength !== undefined || validation.maxLength !== undefined) violations.push(...lengthViolations(validation, value));
  if (validation.validationType === 'phone' && value && !isInternationalPhoneNumber(value)) violations.push({ code: 'phone' });
  if (validation.validationType === 'email' && value && !isEmailAddress(value)) violations.push({ code: 'email' });
  return violations;
}

/** The decimals of a number whose JavaScript text is plain (no exponent), as big.js counts them; else undefined. */
function decimalsOfPlainNumber(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const text = String(value);
  if (text.includes('e')) return undefined;
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}

function isEmpty(value: unknown, isCheckbox: boolean): boolean {
  return (isCheckbox && value === false) || value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** 'invalid' where big.js rejects either side, 'violated' where the value lies beyond the bound in `direction`. */
function compareBound(value: unknown, bound: unknown, direction: -1 | 1): 'invalid' | 'violated' | undefined {
  // two finite numbers order as the decimals of their shortest text, which is what big.js compares
  if (typeof value === 'number' && typeof bound === 'number' && Number.isFinite(value) && Number.isFinite(bound)) {
    return Math.sign(value - bound) === direction ? 'violated' : undefined;
  }
  const decimal = toDecimal(value);
  const limit = toDecimal(bound);
  if (decimal === undefined || limit === undefined) return 'invalid';
  return compareDecimals(decimal, limit) === direction ? 'violated' : undefined;
}

function lengthViolations(validation: EvaluatedValidation, value: unknown): RuleViolation[] {
  if (!value || (validation.minLength === undefined && validation.maxLength === undefined)) return [];
  // form-js calls `value.trim()` and crashes on anything but text; the schema check keeps lengths on text fields.
  if (typeof value !== 'string') return [{ code: 'invalidValue' }];
  const length = value.trim().length;
  const violations: RuleViolation[] = [];
  if (validation.minLength !== undefined && length < (validation.minLength as number)) {
    violations.push({ code: 'minLength', params: { value: String(validation.minLength) } });
  }
  if (validation.maxLength !== undefined && length > (validation.maxLength as number)) {
    violations.push({ code: 'maxLength', params: { value: String(validation.maxLength) } });
  }
  return violations;
}
