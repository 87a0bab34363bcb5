/**
 * What every XML resource read with moddle (BPMN, DMN) shares: `readXmlResource` (the size limit, text decoding,
 * refusing document type declarations, moddle's warnings turned into rejections), accessors of moddle objects, and the
 * rejection format that names each offending element as Zeebe's deployment does.
 */
export { MAX_RESOURCE_BYTES, checkResourceSize } from './resource-text.js';
export { readXmlResource, type XmlResource } from './read-xml-resource.js';
export { readModdleDocument, type ExpectedDocument, type ModdleDocument, type UnresolvedReferences } from './read-moddle-document.js';
export {
  childElement,
  childElements,
  elementLabel,
  extensionElements,
  hasId,
  nonBlankAttribute,
  stringAttribute,
  type ModdleElement,
} from './moddle-element.js';
export { formatValidationErrors, validationError, type ValidationError } from './validation-error.js';
