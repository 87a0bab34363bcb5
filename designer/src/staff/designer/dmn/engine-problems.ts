/**
 * The engine's rejection of a DMN file, located in the model: Zeebe names the decision and the path below it
 * (`Satzung2023 > outputEntry 2`, `input 1 > inputExpression`), which here becomes the decision to open and the
 * table cell to select.
 */
import type { DmnElement } from './create-dmn-modeler.js';

export interface RejectedElement {
  elementId: string;
  path?: string;
  messages: string[];
}

export interface DmnProblem {
  /** The decision's id as the engine named it (or the definitions', or `<dmn:Decision without id>`). */
  elementId: string;
  path?: string;
  message: string;
  /** The decision to open, when the model has it. */
  decisionId?: string;
  /** The id of the table cell (an entry, or an input or output column) the path points at. */
  cellId?: string;
}

export function locateProblems(elements: readonly RejectedElement[], definitions: DmnElement | undefined): DmnProblem[] {
  const decisions = ((definitions?.drgElement ?? []) as DmnElement[]).filter((element) => element.$type === 'dmn:Decision');
  return elements.flatMap((element) => {
    const decision = decisions.find((candidate) => candidate.id === element.elementId);
    const cellId = decision && element.path ? cellOf(decision.decisionLogic as DmnElement | undefined, element.path.split(' > ')) : undefined;
    const messages = element.messages.length > 0 ? element.messages : [''];
    return messages.map((message) => ({
      elementId: element.elementId,
      ...(element.path ? { path: element.path } : {}),
      message,
      ...(decision ? { decisionId: decision.id } : {}),
      ...(cellId ? { cellId } : {}),
    }));
  });
}

/** `rule > inputEntry n` or `rule > outputEntry n` → the entry (a rule alone → its first); `input > …` or `output > …` → the column. */
function cellOf(logic: DmnElement | undefined, [first, second]: string[]): string | undefined {
  if (logic?.$type !== 'dmn:DecisionTable') return undefined;
  const byLabel = (kind: 'rule' | 'input' | 'output', items: DmnElement[]) =>
    items.find((item) => item.id === first) ?? items[Number(new RegExp(`^${kind} (\\d+)$`).exec(first)?.[1]) - 1];
  const rule = byLabel('rule', logic.rule ?? []);
  if (rule) {
    const entry = /^(inputEntry|outputEntry) (\d+)$/.exec(second ?? '');
    const entries = (entry ? rule[entry[1]] : [...(rule.inputEntry ?? []), ...(rule.outputEntry ?? [])]) as DmnElement[] | undefined;
    return entries?.[entry ? Number(entry[2]) - 1 : 0]?.id;
  }
  return (byLabel('input', logic.input ?? []) ?? byLabel('output', logic.output ?? []))?.id;
}
