/**
 * For the crash tests of what is written pending before its instance is asked for (portal submissions, received
 * invoices): what is wrong with the rows, judged by the engine's exported instances that carry their `submissionId`.
 */
import { expect } from '@jest/globals';
import type { RunningEngine } from '../../engine/index.js';

export interface StartedRow {
  id: string;
  reference: string;
  state: string;
  process_instance_key: string | null;
}

/** One line per row that is not confirmed with exactly the one instance it names; empty when all is well. */
export async function notStartedOnce(reads: RunningEngine['reads'], rows: readonly StartedRow[]): Promise<string[]> {
  const problems: string[] = [];
  for (const row of rows) {
    const instances = await reads.findInstancesByVariable('submissionId', JSON.stringify(row.id));
    if (row.state !== 'confirmed' || instances.length !== 1 || instances[0] !== row.process_instance_key) {
      problems.push(`${row.reference}: ${row.state}, instance ${row.process_instance_key}, instances found ${JSON.stringify(instances)}`);
    }
  }
  return problems;
}

/** Every row confirmed with exactly its one instance, and no instance of the process without its row. */
export async function expectStartedExactlyOnce(reads: RunningEngine['reads'], rows: readonly StartedRow[], bpmnProcessId: string): Promise<void> {
  expect(await notStartedOnce(reads, rows)).toEqual([]);
  expect((await reads.processInstances({ bpmnProcessId, limit: 1000 })).instances.length).toBe(rows.length);
}
