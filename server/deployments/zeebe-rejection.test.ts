import { describe, expect, it } from '@jest/globals';
import { parseRejectedElements } from './zeebe-rejection.js';

describe('parseRejectedElements', () => {
  it('reads the element ids, paths and messages of a Zeebe deployment rejection', () => {
    const message = [
      "Command 'CREATE' rejected with code 'INVALID_ARGUMENT': Expected to deploy new resources, but encountered the following errors:",
      "'order.bpmn': - Element: ServiceTask_1 > extensionElements > taskDefinition",
      "    - ERROR: Attribute 'type' must be present and not empty",
      '- Element: Gateway_7',
      '    - ERROR: Must have at least one outgoing sequence flow',
      '    - ERROR: Must not have a condition',
    ].join('\n');
    expect(parseRejectedElements(message)).toEqual([
      { elementId: 'ServiceTask_1', path: 'extensionElements > taskDefinition', messages: ["Attribute 'type' must be present and not empty"] },
      { elementId: 'Gateway_7', messages: ['Must have at least one outgoing sequence flow', 'Must not have a condition'] },
    ]);
  });

  it('finds no elements in a message without them', () => {
    expect(parseRejectedElements("'x.bpmn': Resource type is not supported")).toEqual([]);
  });
});
