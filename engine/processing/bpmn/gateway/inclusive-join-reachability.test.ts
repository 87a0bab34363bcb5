import { describe, expect, it } from '@jest/globals';
import type { ExecutableProcess, FlowNode } from '../../../bpmn/model.js';
import { canTokenStillArrive } from './inclusive-join-reachability.js';

/** A process from `source>target` edges; nodes get their incoming and outgoing flows, `extra` adds fields. */
function processOf(edges: string[], extra: Record<string, Partial<FlowNode>> = {}): ExecutableProcess {
  const elements: Record<string, FlowNode> = {};
  const node = (id: string) => (elements[id] ??= {
    id, kind: id === 'join' ? 'inclusiveGateway' : 'task', parentId: 'p', incoming: [], outgoing: [], inputs: [], outputs: [],
  });
  const flows: ExecutableProcess['flows'] = {};
  for (const edge of edges) {
    const [sourceId, targetId] = edge.split('>');
    const id = `${sourceId}-${targetId}`;
    flows[id] = { id, sourceId, targetId };
    node(sourceId).outgoing.push(id);
    node(targetId).incoming.push(id);
  }
  for (const [id, fields] of Object.entries(extra)) Object.assign(node(id), fields);
  return { bpmnProcessId: 'p', elements, flows };
}

const arrives = (model: ExecutableProcess, arrived: string[], from: string[]) =>
  canTokenStillArrive(model, model.elements.join, new Set(arrived), from);

describe('whether a token can still arrive at an inclusive join', () => {
  const diamond = processOf(['fork>a', 'fork>b', 'a>join', 'b>check', 'check>join', 'check>end', 'join>after']);

  it('waits for an active element on a path to an incoming flow without a token', () => {
    expect(arrives(diamond, ['a-join'], ['b'])).toBe(true);
    expect(arrives(diamond, ['a-join'], ['check'])).toBe(true);
  });

  it('does not wait for elements whose paths lead elsewhere or only to flows that have a token', () => {
    expect(arrives(diamond, ['a-join'], ['end', 'after'])).toBe(false);
    expect(arrives(processOf(['a>join', 'b>join', 'c>a']), ['a-join'], ['c'])).toBe(false);
  });

  it('does not count paths through the join itself, but an active instance of the join is a start like any', () => {
    const loop = processOf(['pre>a', 'a>join', 'b>join', 'join>c', 'c>b']);
    expect(arrives(loop, ['a-join'], ['pre'])).toBe(false);
    expect(arrives(loop, ['a-join'], ['join'])).toBe(true);
  });

  it('follows link events and boundary events', () => {
    const linked = processOf(['a>join', 'b>throw', 'catch>join'], { throw: { linkTargetId: 'catch' } });
    expect(arrives(linked, ['a-join'], ['b'])).toBe(true);
    const guarded = processOf(['a>join', 't>end', 'timeout>join'], { t: { boundaryEventIds: ['timeout'] } });
    expect(arrives(guarded, ['a-join'], ['t'])).toBe(true);
  });

  it('terminates on cycles that never reach the join', () => {
    expect(arrives(processOf(['a>join', 'b>join', 'x>y', 'y>x']), ['a-join'], ['x'])).toBe(false);
  });
});
