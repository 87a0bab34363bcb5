/**
 * `forms/`'s validator (with feelin and its Temporal polyfill, about as much code as form-js itself) as a chunk of its
 * own: a form shows without it, and it loads while someone works with the form (the citizen filling it in, the
 * process manager editing it), before its check is needed.
 */
type Validator = typeof import('../../../../forms/index.js');

let loading: Promise<Validator> | undefined;

export function loadValidator(): Promise<Validator> {
  loading ??= import('../../../../forms/index.js').catch((error: unknown) => {
    loading = undefined; // a failed load (offline) is tried again at the next review
    throw error;
  });
  return loading;
}
