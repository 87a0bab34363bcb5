/** Turns one deployed file into a parsed resource by its name's ending, as Zeebe decides the resource type. */
import { createHash } from 'node:crypto';
import { parseBpmnResource } from '../bpmn/index.js';
import { parseDmnResource } from '../dmn/index.js';
import { parseFormResource } from '../form/index.js';
import type { ParsedResource } from '../processing/commands/deploy-resources.js';
import { fail, ok, type Result } from '../result.js';

export async function parseResource(name: string, content: Buffer): Promise<Result<ParsedResource>> {
  const checksum = createHash('sha256').update(content).digest('hex');
  const lower = name.toLowerCase();
  if (lower.endsWith('.bpmn') || lower.endsWith('.xml')) {
    const parsed = await parseBpmnResource(content, name);
    if (!parsed.ok) return fail(`'${name}': ${parsed.failure.message}`);
    return ok({ kind: 'bpmn', resourceName: name, checksum, xml: parsed.value.xml, processes: parsed.value.processes });
  }
  if (lower.endsWith('.form')) {
    const parsed = parseFormResource(content, name);
    if (!parsed.ok) return fail(`'${name}': ${parsed.failure.message}`);
    return ok({ kind: 'form', resourceName: name, checksum, ...parsed.value });
  }
  if (lower.endsWith('.dmn')) {
    const parsed = await parseDmnResource(content, name);
    if (!parsed.ok) return fail(`'${name}': ${parsed.failure.message}`);
    return ok({ kind: 'dmn', resourceName: name, checksum, graph: parsed.value });
  }
  return fail(`'${name}': Resource type is not supported. Supported resource types are: .bpmn, .xml, .dmn, .form`);
}
