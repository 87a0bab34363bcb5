/**
 * Activates an element anywhere in a process instance, as start instructions and modifications do. The flow scopes
 * (sub-processes) around the element are reused where an instance of them exists and created where none does,
 * without entering their start event or applying their input mappings, as Zeebe documents it. Planning only reads
 * the state and may fail, so a command can reject before it writes anything; executing a plan writes the events.
 */
import type { ExecutableProcess } from '../../bpmn/model.js';
import { ok, type Result } from '../../result.js';
import type { EngineState } from '../../state/engine-state.js';
import type { ElementInstance, Key } from '../../state/types.js';
import { activateElement, markActivated } from '../bpmn/lifecycle.js';
import type { ProcessingContext } from '../context.js';

/** A flow scope instance: one that exists, or one the plan creates (its index in `plannedScopes`). */
export type ScopeRef = { existing: Key } | { planned: number };

export interface PlannedScope {
  elementId: string;
  parent: ScopeRef;
}

export interface PlannedActivation {
  elementId: string;
  /** The flow scope instances from the process instance down to the element's own flow scope. */
  scopes: ScopeRef[];
}

/** More than one instance of a flow scope qualifies, and no ancestor picks one of them. */
export interface AmbiguousFlowScope {
  flowScopeId: string;
}

/** Called for each flow scope instance on the way down and for the element itself, to set variables there. */
export type ScopeVisitor = (elementId: string, instance: ElementInstance) => void;

/** The ids of an element's flow scopes below the process, outermost first. */
export function flowScopeIdsBelowProcess(model: ExecutableProcess, elementId: string): string[] {
  const ids: string[] = [];
  for (let id = model.elements[elementId].parentId; id !== model.bpmnProcessId; id = model.elements[id].parentId) ids.unshift(id);
  return ids;
}

export class ActivationPlan {
  /** Flow scope instances to create; later activations of the same plan see and reuse them. */
  readonly plannedScopes: PlannedScope[] = [];
  private readonly created = new Map<number, ElementInstance>();

  constructor(private readonly state: EngineState, private readonly processInstance: ElementInstance, private readonly model: ExecutableProcess) {}

  /**
   * Plans the activation of an element. An ancestor (an instance of one of its flow scopes) picks the flow scope
   * instances below it, and asks for new ones where the existing ones are its descendants.
   */
  add(elementId: string, ancestorKey?: Key): Result<PlannedActivation, AmbiguousFlowScope> {
    let scope: ScopeRef = { existing: this.processInstance.key };
    const scopes: ScopeRef[] = [scope];
    for (const flowScopeId of flowScopeIdsBelowProcess(this.model, elementId)) {
      const reusable = this.reusableInstance(flowScopeId, scope, ancestorKey);
      if (!reusable.ok) return reusable;
      if (reusable.value) {
        scope = reusable.value;
      } else {
        this.plannedScopes.push({ elementId: flowScopeId, parent: scope });
        scope = { planned: this.plannedScopes.length - 1 };
      }
      scopes.push(scope);
    }
    return ok({ elementId, scopes });
  }

  /** Creates the planned flow scope instances the activation needs (each once per plan), then the element. */
  execute(ctx: ProcessingContext, activation: PlannedActivation, visit: ScopeVisitor = () => {}): ElementInstance {
    let scope = this.processInstance;
    for (const ref of activation.scopes) {
      if ('existing' in ref) {
        scope = ctx.state.elementInstances.get(ref.existing)!;
      } else if (this.created.has(ref.planned)) {
        scope = this.created.get(ref.planned)!;
      } else {
        scope = this.createScope(ctx, ref.planned, scope, visit);
        continue;
      }
      visit(scope.elementId, scope);
    }
    const element = activateElement(ctx, scope, activation.elementId);
    visit(activation.elementId, element);
    return element;
  }

  private createScope(ctx: ProcessingContext, index: number, parent: ElementInstance, visit: ScopeVisitor): ElementInstance {
    const key = ctx.nextKey();
    ctx.write({
      type: 'ELEMENT_ACTIVATING',
      key,
      elementId: this.plannedScopes[index].elementId,
      flowScopeKey: parent.key,
      processInstanceKey: parent.processInstanceKey,
      processDefinitionKey: parent.processDefinitionKey,
    });
    const scope = ctx.state.elementInstances.get(key)!;
    this.created.set(index, scope);
    visit(scope.elementId, scope);
    markActivated(ctx, scope);
    return scope;
  }

  /** An instance of the flow scope to reuse, undefined to create one, or a failure when the choice is ambiguous. */
  private reusableInstance(flowScopeId: string, parent: ScopeRef, ancestorKey: Key | undefined): Result<ScopeRef | undefined, AmbiguousFlowScope> {
    const candidates = this.childrenOf(parent).filter((ref) => this.elementIdOf(ref) === flowScopeId);
    const ambiguous = { ok: false as const, failure: { flowScopeId } };
    if (candidates.length === 0) return ok(undefined);
    if (ancestorKey === undefined) return candidates.length === 1 ? ok(candidates[0]) : ambiguous;
    if (candidates.length === 1) return ok(this.isBelow(candidates[0], ancestorKey) ? undefined : candidates[0]);
    const picked = candidates.find((ref) => 'existing' in ref && ref.existing === ancestorKey);
    if (picked) return ok(picked);
    if (candidates.some((ref) => this.isBelow(ref, ancestorKey))) return ok(undefined);
    const aboveAncestor = candidates.find((ref) => 'existing' in ref && this.isBelow({ existing: ancestorKey }, ref.existing));
    return aboveAncestor ? ok(aboveAncestor) : ambiguous;
  }

  private childrenOf(parent: ScopeRef): ScopeRef[] {
    const planned = this.plannedScopes.flatMap((scope, index) => (sameRef(scope.parent, parent) ? [{ planned: index }] : []));
    if (!('existing' in parent)) return planned;
    // a planned scope this plan already created is among the existing children too; count it once
    const createdKeys = new Set([...this.created.values()].map((instance) => instance.key));
    const existing = [...(this.state.childrenOf.get(parent.existing) ?? [])].filter((key) => !createdKeys.has(key));
    return [...existing.map((key) => ({ existing: key })), ...planned];
  }

  private elementIdOf(ref: ScopeRef): string {
    return 'existing' in ref ? this.state.elementInstances.get(ref.existing)!.elementId : this.plannedScopes[ref.planned].elementId;
  }

  /** Whether the instance lies (directly or not) inside the given existing ancestor instance. */
  private isBelow(ref: ScopeRef, ancestorKey: Key): boolean {
    for (let current = this.parentOf(ref); current; current = this.parentOf(current)) {
      if ('existing' in current && current.existing === ancestorKey) return true;
    }
    return false;
  }

  private parentOf(ref: ScopeRef): ScopeRef | undefined {
    if ('planned' in ref) return this.plannedScopes[ref.planned].parent;
    const flowScopeKey = this.state.elementInstances.get(ref.existing)?.flowScopeKey ?? -1;
    return flowScopeKey === -1 ? undefined : { existing: flowScopeKey };
  }
}

function sameRef(a: ScopeRef, b: ScopeRef): boolean {
  return 'existing' in a ? 'existing' in b && a.existing === b.existing : 'planned' in b && a.planned === b.planned;
}
