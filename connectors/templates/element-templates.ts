/** All element templates for a set of connectors, for the designer; the server serves what this returns. */
import type { Connector } from '../sdk/define-connector.js';
import { elementTemplateOf, type ElementTemplate } from './element-template.js';

export function elementTemplatesOf(connectors: readonly Connector<never, unknown>[]): ElementTemplate[] {
  return connectors.map(elementTemplateOf);
}
