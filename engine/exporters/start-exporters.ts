/** One runner per exporter, woken after every committed command and once at start to catch up. */
import type { Logger } from 'pino';
import type { SqlClient } from '../storage/sql-client.js';
import type { Exporter } from './exporter.js';
import { ExporterRunner, type ExporterRunnerOptions, type ExportSource } from './exporter-runner.js';

export interface ExporterHost {
  /** Registers a listener called after each committed command; it must return at once. */
  onCommitted(listener: () => void): void;
}

export interface RunningExporters {
  runners: readonly ExporterRunner[];
  /** Waits for the passes in flight and runs no more; call before the SQL client closes. */
  stop(): Promise<void>;
}

export function startExporters(
  exporters: readonly Exporter[],
  { host, sql, journal, logger, options }: { host: ExporterHost; sql: SqlClient; journal: ExportSource; logger: Logger; options?: ExporterRunnerOptions },
): RunningExporters {
  const names = new Set(exporters.map((exporter) => exporter.name));
  if (names.size !== exporters.length) throw new Error('Two exporters have the same name; each keeps its own position by name');
  const runners = exporters.map((exporter) => new ExporterRunner(exporter, sql, journal, logger, options));
  host.onCommitted(() => {
    for (const runner of runners) runner.wake();
  });
  for (const runner of runners) runner.wake();
  return {
    runners,
    async stop() {
      await Promise.all(runners.map((runner) => runner.stop()));
    },
  };
}
