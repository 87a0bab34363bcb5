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

shiftClock(process.env.FORMS_PARITY_CLOCK_SHIFT_MS);

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

/**
 * `FORMS_PARITY_CLOCK_SHIFT_MS` (set by the parity test from `FORMS_PARITY_NOW`) moves the viewer's clock by so
 * many milliseconds: the parity test can try the hour before midnight, summer time, the day of a change of offset.
 */
function shiftClock(shiftText: string | undefined): void {
  const shift = Number(shiftText ?? 0);
  if (shift === 0) return;
  if (!Number.isFinite(shift)) throw new Error(`FORMS_PARITY_CLOCK_SHIFT_MS is no number: ${shiftText}`);
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + shift);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }

    static override now(): number {
      return RealDate.now() + shift;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
