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
  /**
   * `reused` (default): the viewer of the form, filled in anew; `fresh`: a viewer of its own for this run;
   * `opened`: a viewer of its own that opens the form on the data, so that its components mount with the values.
   */
  readonly mode?: 'reused' | 'fresh' | 'opened';
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
      const own = request.mode === 'fresh' || request.mode === 'opened';
      const runner = own ? await ViewerSession.open(schema) : session!;
      const verdict =
        request.mode === 'opened'
          ? await runner.runOpened(request.input ?? {}, request.values ?? {}, request.files ?? {})
          : await runner.run(request.input ?? {}, request.values ?? {}, request.files ?? {});
      if (own) runner.close();
      reply({ id: request.id, verdict });
    }
  } catch (error) {
    reply({ id: request.id, failure: error instanceof Error ? error.stack : String(error) });
  }
});
