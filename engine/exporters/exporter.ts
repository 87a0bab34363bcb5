/**
 * An exporter turns committed events into SQL writes for query tables. It only maps: the runner reads the journal and
 * runs the writes, so an exporter holds no connection and cannot stall the database it shares with the engine.
 */
import type { EngineEvent, EventOfType, EventType } from '../processing/events.js';

/** One parameterised statement (`$1`, `$2`, ...). */
export interface SqlWrite {
  sql: string;
  params: readonly unknown[];
}

/** Where an event was committed: its batch's journal position and the time the batch was written. */
export interface Commit {
  position: number;
  committedAt: Date;
}

/** An event with the commit of its batch. */
export interface CommittedEvent {
  event: EngineEvent;
  commit: Commit;
}

export interface Exporter {
  /** Its row in `exporter_position`. Renaming an exporter that has run makes it export everything again. */
  readonly name: string;
  /**
   * The writes for one committed event, none for an event it does not export. Synchronous and without I/O. The runner
   * applies each event's writes once, but write upserts anyway, so that resetting the position re-exports safely.
   */
  writesFor(event: EngineEvent, commit: Commit): SqlWrite[];
  /**
   * The writes for a whole page of committed events in journal order, used instead of `writesFor` when given: for an
   * exporter that sees most events, a few set-based statements per page cost far less than statements per event,
   * and the page's transaction holds the database (PGlite's one session, which the journal's appends share) for less.
   */
  writesForPage?(events: readonly CommittedEvent[]): SqlWrite[];
}

/** The writes for each event type an exporter exports; exporting another event type is one more entry. */
export type EventWriters = { [Type in EventType]?: (event: EventOfType<Type>, commit: Commit) => SqlWrite[] };

export function exporterOf(name: string, writers: EventWriters): Exporter {
  return {
    name,
    writesFor(event, commit) {
      const writesOf = writers[event.type] as ((event: EngineEvent, commit: Commit) => SqlWrite[]) | undefined;
      return writesOf ? writesOf(event, commit) : [];
    },
  };
}
