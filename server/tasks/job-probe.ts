/**
 * Asks the engine whether a job still exists. The gateway protocol has no read-only question for that and never
 * tells a worker that its job was cancelled, so the probe is the cheapest command that names a job and changes
 * nothing that matters: UpdateJobRetries to 1, the retries a user-task job has (we never fail one). It answers
 * NOT_FOUND for a job that was completed or cancelled (instance cancelled, interrupting boundary event, element
 * terminated). It works against Zeebe 8.3 and our engine alike; each probe is one journaled record there.
 */
import type { ZBClient } from 'zeebe-node';

export type JobPresence = 'exists' | 'gone' | 'unknown';

/** gRPC status NOT_FOUND. */
const NOT_FOUND = 5;

export function isNotFound(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === NOT_FOUND;
}

/** 'unknown' when the gateway gives another error or no answer within `timeoutMs` (zeebe-node retries meanwhile). */
export async function probeJob(zeebe: ZBClient, jobKey: string, timeoutMs = 3000): Promise<JobPresence> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<JobPresence>((resolve) => {
    timer = setTimeout(() => resolve('unknown'), timeoutMs);
  });
  const probe = zeebe.updateJobRetries({ jobKey, retries: 1 }).then(
    (): JobPresence => 'exists',
    (error: unknown): JobPresence => (isNotFound(error) ? 'gone' : 'unknown'),
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
