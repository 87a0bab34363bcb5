/** The two benchmark processes: start → n service tasks in sequence → end, for amtsflow and for bpmn-engine. */
import { bpmnProcess, sequence, serviceTask } from '../../engine/tests/harness.js';

export const JOB_TYPE = 'bench-work';

export interface BenchProcess {
  /** Also the BPMN process id. */
  id: string;
  label: string;
  tasks: number;
  /** The element id of the last task: completing its job ends the instance. */
  lastTaskId: string;
}

export const ONE_TASK: BenchProcess = { id: 'bench_one_task', label: '1 task', tasks: 1, lastTaskId: 'task1' };
export const TEN_TASKS: BenchProcess = { id: 'bench_ten_tasks', label: '10 tasks', tasks: 10, lastTaskId: 'task10' };

function taskIds(process: BenchProcess): string[] {
  return Array.from({ length: process.tasks }, (_, i) => `task${i + 1}`);
}

/** Zeebe flavour: every task is a job of JOB_TYPE. */
export function zeebeBpmn(process: BenchProcess): Buffer {
  return bpmnProcess(process.id, sequence(...taskIds(process).map((id) => ({ id, xml: serviceTask(id, JOB_TYPE) }))));
}

/** bpmn-engine flavour: every task calls the service function `work` from the engine's `services` option. */
export function peerBpmn(process: BenchProcess): string {
  const task = (id: string) => `<bpmn:serviceTask id="${id}" implementation="\${environment.services.work}" />`;
  return bpmnProcess(process.id, sequence(...taskIds(process).map((id) => ({ id, xml: task(id) })))).toString();
}
