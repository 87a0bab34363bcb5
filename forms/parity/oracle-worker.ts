/**
 * Test support: the child process the form-js oracle runs in (started with the time zone under test, and ended when
 * a viewer hangs). It answers `open` (a form) and `run` (a submission) messages one at a time.
 */
import { ViewerSession } from './viewer-session.js';

export interface OracleRequest {
  readonly id: number;
  readonly type: 'open' | 'run';
  readonly schema?: unknown;
  readonly input?: Record<string, unknown>;
  readonly values?: Record<string, unknown>;
  readonly files?: Record<string, { name: string; type: string }[]>;
  /** Run on a viewer of its own, opened for this run alone. */
  readonly fresh?: boolean;
}

const reply = (message: object) => process.send!(message);
let session: ViewerSession | undefined;
let schema: unknown;

process.on('message', async (request: OracleRequest) => {
  try {
    if (request.type === 'open') {
      session?.close();
      schema = request.schema;
      session = await ViewerSession.open(schema);
      reply({ id: request.id });
    } else {
      const runner = request.fresh ? await ViewerSession.open(schema) : session!;
      const verdict = await runner.run(request.input ?? {}, request.values ?? {}, request.files ?? {});
      if (request.fresh) runner.close();
      reply({ id: request.id, verdict });
    }
  } catch (error) {
    reply({ id: request.id, failure: error instanceof Error ? error.stack : String(error) });
  }
});
