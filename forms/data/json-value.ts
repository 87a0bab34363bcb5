/** Plain JSON values as form-js handles them: its deep equality (lodash `isEqual`) and its JSON round trip (`clone`). */

export type JsonObject = Record<string, unknown>;

/** An object literal or a parsed JSON object; min-dash's `isObject`, which form-js uses to tell items from values. */
export function isPlainObject(value: unknown): value is JsonObject {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/** lodash `isEqual` restricted to what JSON carries (and NaN, which equals itself there too). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) if (!Object.hasOwn(b, key) || !deepEqual(a[key], b[key])) return false;
    return true;
  }
  return false;
}

/** form-js's `clone`: a JSON round trip (dates become text, `undefined` and functions vanish, NaN becomes null). */
export function cloneJson<T>(value: T): T {
  if (value === undefined) return value;
  if (value === null || typeof value !== 'object') {
    return (typeof value === 'number' && !Number.isFinite(value) ? null : value) as T;
  }
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Whether a JSON round trip would give the value back unchanged (so it need not be copied to get JSON semantics). */
export function isJsonData(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (depth > 64) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isJsonData(value[i], depth + 1)) return false;
    return true;
  }
  if (!isPlainObject(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  for (const key in value) if (Object.hasOwn(value, key) && !isJsonData(value[key], depth + 1)) return false;
  return true;
}
