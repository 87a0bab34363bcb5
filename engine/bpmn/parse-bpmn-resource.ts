/** A deployed `.bpmn` resource → the executable processes in it, or a rejection worded like Zeebe's. */
import { fail, ok, type Result } from '../result.js';
import { childElements, elementLabel, formatValidationErrors, hasId, readXmlResource, validationError, type ValidationError } from '../xml/index.js';
import { mapProcess } from './map-process.js';
import type { ParsedBpmnResource, ParsedProcess } from './model.js';
import { readBpmnDocument } from './read-bpmn-document.js';
import { validateProcess } from './validate-process.js';

/**
 * Parses and validates every executable process of a BPMN resource. A rejection lists every problem found,
 * each naming its element, as Zeebe's deployment rejections do; the deployment puts the resource name in front.
 * The decoded XML comes back too: it is what the process definitions' records carry as their resource.
 */
export async function parseBpmnResource(content: Buffer | string, _resourceName: string): Promise<Result<ParsedBpmnResource>> {
  const resource = await readXmlResource(content, readBpmnDocument);
  if (!resource.ok) return resource;
  const { xml, root: definitions, unresolvedReferences } = resource.value;
  const errors: ValidationError[] = [];
  const executable = childElements(definitions, 'rootElements')
    .filter((element) => element.$type === 'bpmn:Process' && element.isExecutable === true);
  if (executable.length === 0) {
    errors.push(validationError(elementLabel(definitions), 'Must contain at least one executable process'));
  }
  const processes: ParsedProcess[] = [];
  for (const process of executable) {
    if (!hasId(process)) {
      errors.push(validationError(elementLabel(process), "Attribute 'id' must be present and not empty"));
      continue;
    }
    const parsed = mapProcess(process, unresolvedReferences, errors);
    validateProcess(parsed.process, errors);
    processes.push(parsed);
  }
  return errors.length > 0 ? fail(formatValidationErrors(errors)) : ok({ xml, processes });
}
