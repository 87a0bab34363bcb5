/**
 * Runs one exporter beside the engine: reads the journal after the exporter's position and, per page of batches,
 * writes the exporter's rows and the page's last position in one transaction, so a crash leaves either both or
 * neither and the next start resumes exactly after the last exported batch. Exporting is eventual: it never delays
 * the engine's processing or acknowledgements, and a failure is logged and retried with back-off.
 */
import type { Logger } from 'pino';
import type { EngineEvent } from '../processing/events.js';
import type { StoredBatch } from '../storage/journal.js';
import type { SqlClient } from '../storage/sql-client.js';
import type { CommittedEvent, Exporter, SqlWrite } from './exporter.js';

/** The journal as the runner reads it (engine/storage's Journal). */
export interface ExportSource {
  pages(afterPosition: number, recordsPerPage: number): AsyncIterable<StoredBatch[]>;
}

export interface ExporterRunnerOptions {
  /** Records per page, roughly; one transaction per page. */
  recordsPerPage?: number;
  /** Passes start at least this far apart, so that under load one pass covers many batches. */
  passIntervalMs?: number;
  /** Back-off after a failed pass: the first delay, doubled per failure in a row up to the second. */
  retryDelayMs?: { first: number; max: number };
}

const DEFAULTS: Required<ExporterRunnerOptions> = {
  // Small enough that a page's transaction holds PGlite's one session (and with it the journal's appends) briefly.
  recordsPerPage: 2_000,
  passIntervalMs: 100,
  retryDelayMs: { first: 200, max: 30_000 },
};

/** A write that waits for a lock longer than this fails, and the pass is retried, instead of hanging on. */
const LOCK_TIMEOUT = '5s';

export class ExporterPositionMoved extends Error {
  override name = 'ExporterPositionMoved';
}

export class ExporterRunner {
  private readonly options: Required<ExporterRunnerOptions>;
  /** The exported position as this runner last read or wrote it; read again after a failure. */
  private position: number | undefined;
  private passing: Promise<void> | undefined;
  /** Set by wake: something was committed since the current pass began. */
  private wanted = false;
  private stopped = false;
  /** The next pass, when it waits for the pass interval or a retry. */
  private nextPass: NodeJS.Timeout | undefined;
  private lastPassStartedAt = Number.NEGATIVE_INFINITY;
  private failuresInARow = 0;

  constructor(
    private readonly exporter: Exporter,
    private readonly sql: SqlClient,
    private readonly source: ExportSource,
    private readonly logger: Logger,
    options: ExporterRunnerOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  get name(): string {
    return this.exporter.name;
  }

  /** Asks for a pass and returns at once; a wake during a pass leads to one more pass after it. */
  wake(): void {
    if (this.stopped) return;
    this.wanted = true;
    if (this.passing || this.nextPass) return;
    const wait = this.lastPassStartedAt + this.options.passIntervalMs - Date.now();
    if (wait > 0) this.schedulePass(wait);
    else this.startPass();
  }

  /** Stops waking and waits for the pass in flight, which ends after its current page. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.nextPass);
    this.nextPass = undefined;
    await this.passing;
  }

  private schedulePass(delayMs: number): void {
    this.nextPass = setTimeout(() => {
      this.nextPass = undefined;
      this.startPass();
    }, delayMs);
    this.nextPass.unref();
  }

  private startPass(): void {
    if (this.stopped) return;
    this.wanted = false;
    this.lastPassStartedAt = Date.now();
    this.passing = this.pass()
      .then(() => {
        this.failuresInARow = 0;
      }, (error: unknown) => this.failed(error))
      .finally(() => {
        this.passing = undefined;
        if (this.wanted) this.wake();
      });
  }

  private failed(error: unknown): void {
    this.position = undefined;
    this.failuresInARow += 1;
    const { first, max } = this.options.retryDelayMs;
    const retryInMs = Math.min(max, first * 2 ** Math.min(this.failuresInARow - 1, 30));
    this.logger.error({ err: error, exporter: this.exporter.name, failuresInARow: this.failuresInARow, retryInMs }, 'Exporting failed; retrying');
    if (this.stopped) return;
    this.wanted = true;
    this.schedulePass(retryInMs);
  }

  private async pass(): Promise<void> {
    let position = this.position ?? (await this.readPosition());
    for await (const page of this.source.pages(position, this.options.recordsPerPage)) {
      if (this.stopped) return;
      const to = page.at(-1)!.position;
      // Mapped before the transaction opens, so the transaction holds the database only for the writes.
      const writes = this.writesFor(page);
      await this.sql.transaction(async (tx) => {
        // Not flushed at commit: a page lost in a crash is exported again from the position before it (writers
        // upsert), and the next journal append's flush writes it anyway. A flush per page would hold PGlite's one
        // session, which the journal's appends wait for, for the length of an fsync every pass.
        await tx.exec(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'; SET LOCAL synchronous_commit = off`);
        const moved = await tx.query(
          'UPDATE exporter_position SET position = $3 WHERE exporter = $1 AND position = $2 RETURNING exporter',
          [this.exporter.name, position, to],
        );
        if (moved.length !== 1) {
          throw new ExporterPositionMoved(`The position of exporter "${this.exporter.name}" is no longer ${position}: is a second engine exporting?`);
        }
        for (const write of writes) await tx.query(write.sql, write.params);
      });
      position = to;
      this.position = to;
    }
  }

  private writesFor(page: StoredBatch[]): SqlWrite[] {
    const events: CommittedEvent[] = [];
    for (const batch of page) {
      const commit = { position: batch.position, committedAt: new Date(batch.writtenAt) };
      for (const event of batch.records as EngineEvent[]) events.push({ event, commit });
    }
    if (this.exporter.writesForPage) return this.exporter.writesForPage(events);
    return events.flatMap(({ event, commit }) => this.exporter.writesFor(event, commit));
  }

  private async readPosition(): Promise<number> {
    await this.sql.query('INSERT INTO exporter_position (exporter, position) VALUES ($1, 0) ON CONFLICT (exporter) DO NOTHING', [this.exporter.name]);
    const [row] = await this.sql.query<{ position: string }>('SELECT position::text AS position FROM exporter_position WHERE exporter = $1', [this.exporter.name]);
    return Number(row!.position);
  }
}
