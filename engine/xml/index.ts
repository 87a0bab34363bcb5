/**
 * What every XML resource read with moddle (BPMN, DMN) shares: the size limit and text decoding, refusing document
 * type declarations, moddle's warnings turned into rejections, reading moddle objects, and the rejection format that
 * names each offending element as Zeebe's deployment does.
 */
export { MAX_RESOURCE_BYTES, checkResourceSize, decodeXml } from './resource-text.js';
export { describeRootElement, rejectDocumentType } from './xml-prolog.js';
export {
  readModdleDocument,
  type ExpectedDocument,
  type ModdleDocument,
  type ModdleReadWarning,
  type ModdleXmlReader,
  type UnresolvedReferences,
} from './read-moddle-document.js';
export {
  childElement,
  childElements,
  elementLabel,
  extensionElements,
  hasId,
  isModdleElement,
  nonBlankAttribute,
  stringAttribute,
  type ModdleElement,
} from './moddle-element.js';
export { formatValidationErrors, validationError, type ValidationError } from './validation-error.js';
