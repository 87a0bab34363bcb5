import { describe, expect, it } from '@jest/globals';
import { bpmnDocument, endEvent, flow, startEvent } from '../../bpmn/bpmn-test-documents.js';
import { parseResource } from '../../deployment/parse-resource.js';
import { EngineState } from '../../state/engine-state.js';
import { deserializeState, serializeState } from '../../state/snapshot.js';
import { applyEvent } from '../appliers/index.js';
import { ProcessingContext } from '../context.js';
import type { EngineEvent } from '../events.js';
import { deleteResource } from './delete-resource.js';
import { deployResources, type ParsedResource } from './deploy-resources.js';

async function processVersion(name: string): Promise<ParsedResource> {
  const content = bpmnDocument([startEvent(), `<bpmn:manualTask id="${name}" />`, endEvent(), flow('f1', 'start', name), flow('f2', name, 'end')].join('\n'));
  const parsed = await parseResource('hund.bpmn', Buffer.from(content));
  if (!parsed.ok) throw new Error(parsed.failure.message);
  return parsed.value;
}

describe('deleting a process definition', () => {
  it('is rebuilt exactly by replaying the journal or loading a snapshot, and the next version still counts on', async () => {
    const state = new EngineState();
    const journal: EngineEvent[] = [];
    const run = <T>(command: (ctx: ProcessingContext) => T): T => {
      const ctx = new ProcessingContext(state, 0);
      const result = command(ctx);
      journal.push(...ctx.events);
      return result;
    };
    const keys: number[] = [];
    for (const name of ['pruefen', 'bescheiden']) {
      const parsed = await processVersion(name);
      const deployed = run((ctx) => deployResources(ctx, [parsed]));
      keys.push('process' in deployed.deployments[0] ? deployed.deployments[0].process.processDefinitionKey : -1);
    }
    run((ctx) => deleteResource(ctx, keys[1]));

    const replayed = new EngineState();
    for (const event of journal) applyEvent(replayed, event);
    const restored = deserializeState(serializeState(state));
    for (const rebuilt of [replayed, restored]) {
      expect(serializeState(rebuilt)).toEqual(serializeState(state));
      expect(rebuilt.latestProcess('dog-registration')?.key).toBe(keys[0]);
      expect(rebuilt.processVersions.nextVersion('dog-registration')).toBe(3);
    }
  });
});
