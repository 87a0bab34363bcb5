/**
 * File picker. Its value is the key under which the browser registered the chosen files (`files::…`); form-js
 * drops a key it has no files for. The validator looks the key up among the files uploaded with the submission and,
 * beyond form-js (whose picker leaves `accept` and `multiple` to the browser's file dialog, which does not enforce
 * them), rejects a second file where `multiple` is off and a file `accept` does not name.
 */
import type { CompiledInput, FeelOrValue } from '../compile/compiled-form.js';
import type { FieldBehaviour, FieldScope, UploadedFile, Violation } from './field-behaviour.js';

function evaluated(property: FeelOrValue<unknown>, scope: FieldScope): unknown {
  return 'feel' in property ? property.feel.evaluate(scope.context(), scope.special) : property.value;
}

/** form-js's `useBooleanExpressionEvaluation`: anything but a boolean is false. */
function allowsMultiple(field: CompiledInput, scope: FieldScope): boolean {
  return field.file !== undefined && evaluated(field.file.multiple, scope) === true;
}

/** The file types `accept` allows, or undefined for any; a value that is not text allows none. */
function acceptedTypes(field: CompiledInput, scope: FieldScope): string[] | undefined {
  const accept = field.file === undefined ? undefined : evaluated(field.file.accept, scope);
  if (accept === undefined || accept === null || accept === '') return undefined;
  if (typeof accept !== 'string') return [];
  const tokens = accept.split('\n')[0].split(',').map((token) => token.trim().toLowerCase()).filter(isValidAcceptToken);
  return tokens.length === 0 ? undefined : tokens;
}

/** The HTML standard's forms: `.ext`, `type/*`, `type/subtype`; a browser ignores any other token. */
function isValidAcceptToken(token: string): boolean {
  return /^\.[^.\s]/.test(token) || /^[a-z0-9!#$&^_.+-]+\/(\*|[a-z0-9!#$&^_.+-]+)$/.test(token);
}

export function fileMatches(file: UploadedFile, tokens: readonly string[]): boolean {
  const name = file.name.toLowerCase();
  const type = (file.type ?? '').toLowerCase();
  return tokens.some((token) => {
    if (token.startsWith('.')) return name.endsWith(token);
    if (token.endsWith('/*')) return type.startsWith(token.slice(0, -1));
    return type === token;
  });
}

function fileViolation(files: readonly UploadedFile[], field: CompiledInput, scope: FieldScope): Violation | undefined {
  if (files.length > 1 && !allowsMultiple(field, scope)) return { code: 'tooManyFiles' };
  const tokens = acceptedTypes(field, scope);
  const refused = tokens === undefined ? undefined : files.find((file) => !fileMatches(file, tokens));
  return refused === undefined ? undefined : { code: 'fileType', params: { value: refused.name } };
}

export const filepickerBehaviour: FieldBehaviour = {
  emptyValue: () => null,
  sanitize: (value) => value,
  submittedSchema: () => ({ type: ['string', 'null'], maxLength: 1024 }),
  wrongTypeCode: () => 'invalidValue',
  settle(value, field, context, scope) {
    if (!value) return undefined;
    const files = typeof value === 'string' ? context.files.get(value) : undefined;
    if (files === undefined) return { value: null, violation: { code: 'unknownUpload' } };
    const violation = fileViolation(files, field, scope);
    return violation === undefined ? undefined : { violation };
  },
};
