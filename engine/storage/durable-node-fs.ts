/**
 * PGlite on disk, durable against a power cut or an OS crash and not only against a killed process. PGlite starts
 * PostgreSQL with fsync off (-F) and its Emscripten NODEFS has no fsync, so a commit reaches the OS page cache but is
 * never flushed to the disk. This file system adds the flush, and DURABLE_START_PARAMS turns fsync on and has the WAL
 * synced through fsync(), because Emscripten's fdatasync() does nothing.
 */
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type ModuleOptions = Parameters<NodeFS['init']>[1];

/** The part of PGlite's Emscripten module this file touches; PGlite's types do not describe it. */
interface EmscriptenNodeFs {
  NODEFS: {
    stream_ops: { fsync?: (stream: { nfd: number }) => number };
    tryFSOperation<T>(operation: () => T): T;
  };
}

export const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
  ...['-c', 'wal_sync_method=fsync'],
];

export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, options: ModuleOptions) {
    const { emscriptenOpts } = await super.init(pg, options);
    const addFsync = (module: unknown) => {
      const { NODEFS } = module as EmscriptenNodeFs;
      // fdatasync is enough: it flushes the data and the size, which is what PostgreSQL's fsync() is there for.
      NODEFS.stream_ops.fsync = (stream) => NODEFS.tryFSOperation(() => (fs.fdatasyncSync(stream.nfd), 0));
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), addFsync] } };
  }
}
