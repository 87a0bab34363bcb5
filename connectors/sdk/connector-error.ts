/** The failures a connector may throw on purpose; anything else thrown by `run` is treated as transient and retried. */

/**
 * A business outcome the process models: thrown as a BPMN error with this code (ThrowError), caught by an error
 * boundary or event sub-process with the same code. The variables are set at the catching event's scope.
 */
export class ConnectorError extends Error {
  override name = 'ConnectorError';

  constructor(
    readonly code: string,
    message: string,
    readonly variables: Record<string, unknown> = {},
  ) {
    super(message);
    if (code.trim() === '') throw new TypeError('A ConnectorError needs a non-empty error code');
  }
}

/**
 * A failure that retrying cannot fix (bad input, a 4xx answer, a missing template): the job fails with no retries
 * left, so the engine raises an incident with this message at once. An operator fixes the cause and retries.
 */
export class PermanentFailure extends Error {
  override name = 'PermanentFailure';
}
