/** A failure a user can fix is a value, not an exception: it becomes an incident or a rejection. */
export type Result<T, F = Failure> = { ok: true; value: T } | { ok: false; failure: F };

export interface Failure {
  message: string;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (message: string): Result<never> => ({ ok: false, failure: { message } });
