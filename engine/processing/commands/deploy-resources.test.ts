import { describe, expect, it } from '@jest/globals';
import { bpmnDocument, endEvent, flow, startEvent } from '../../bpmn/bpmn-test-documents.js';
import { parseResource } from '../../deployment/parse-resource.js';
import { EngineState } from '../../state/engine-state.js';
import { serializeState } from '../../state/snapshot.js';
import { ProcessingContext } from '../context.js';
import { deployResources } from './deploy-resources.js';

const twoProcesses = bpmnDocument([startEvent(), endEvent(), flow('f1', 'start', 'end')].join('\n'))
  .replace('</bpmn:definitions>', '<bpmn:process id="fundsache-melden" name="Fundsache melden" isExecutable="true"><bpmn:startEvent id="s2"/></bpmn:process>\n<!-- Fundbüro, Stand 2024 -->\n</bpmn:definitions>');

describe('deploying a BPMN resource', () => {
  it('puts the XML, decoded by its declared encoding, into each process\'s PROCESS_CREATED, but not into the state or its snapshot', async () => {
    const xml = twoProcesses.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const content = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const parsed = await parseResource('fundbuero.bpmn', content);
    if (!parsed.ok) throw new Error(parsed.failure.message);
    const state = new EngineState();
    const ctx = new ProcessingContext(state, 0);
    deployResources(ctx, [parsed.value]);

    const created = ctx.events.filter((event) => event.type === 'PROCESS_CREATED');
    expect(created.map((event) => [event.bpmnProcessId, event.resource])).toEqual([['dog-registration', xml], ['fundsache-melden', xml]]);
    for (const event of created) expect(state.processes.get(event.key)).not.toHaveProperty('resource');
    expect(serializeState(state)).not.toContain('Fundbüro');
  });
});
