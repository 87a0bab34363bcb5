/**
 * Exporters turn committed journal batches into query tables in the engine's database, tracked by journal position
 * (`exporter_position`) so that no batch is skipped or exported twice; `resource-reads.ts` and `instance-reads.ts` read
 * what they wrote.
 */
import type { Exporter } from './exporter.js';
import { instancesExporter } from './instances-exporter.js';
import { resourcesExporter } from './resources-exporter.js';

export { exporterOf, type Commit, type EventWriters, type Exporter, type SqlWrite } from './exporter.js';
export { ExporterPositionMoved, ExporterRunner, type ExporterRunnerOptions, type ExportSource } from './exporter-runner.js';
export { startExporters, type ExporterHost, type RunningExporters } from './start-exporters.js';
export { resourcesExporter } from './resources-exporter.js';
export { instancesExporter } from './instances-exporter.js';
export {
  formByKey, latestForm, processDefinitionByKey, processDefinitions, resourceReads,
  type FormDefinitionRecord, type ProcessDefinitionRecord, type ProcessDefinitionsOptions, type ProcessDefinitionSummary, type ResourceReads,
} from './resource-reads.js';
export {
  instanceReads,
  type ActiveElementCount, type ElementHistoryPage, type ElementInstanceRecord, type ElementInstanceState, type IncidentRecord, type IncidentState,
  type InstanceReads, type ProcessInstanceFilter, type ProcessInstancePage, type ProcessInstanceRecord, type ProcessInstanceState,
  type ProcessInstanceSummary, type VariableRecord,
} from './instance-reads.js';

/** The exporters the embedded engine runs unless told otherwise. */
export const DEFAULT_EXPORTERS: readonly Exporter[] = [resourcesExporter, instancesExporter];
