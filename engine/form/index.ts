/** Form resources for the engine: `parseFormResource` reads a deployed form-js schema's id and text. */
export { parseFormResource, type ParsedForm } from './parse-form-resource.js';
