/** What the engine needs of its journal; engine/storage provides it for PGlite and for a PostgreSQL server. */
export interface JournalBatch {
  position: number;
  lastKey: string;
  records: unknown[];
}

export interface JournalSnapshot {
  position: number;
  lastKey: string;
  state: string;
}

export interface EngineJournal {
  append(batch: JournalBatch): Promise<void>;
  readBatches(afterPosition: number, onBatch: (batch: JournalBatch) => void): Promise<void>;
  writeSnapshot(snapshot: JournalSnapshot): Promise<void>;
  latestSnapshot(): Promise<JournalSnapshot | undefined>;
  close(): Promise<void>;
}
