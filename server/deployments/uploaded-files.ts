/**
 * Reads the files of a `multipart/form-data` upload (already buffered within the upload limit by express.raw) with
 * the multipart parser built into Node (undici's `Response.formData()`), so no dependency is needed, and checks
 * what a deployable file must be: a known kind by its name's ending, UTF-8 text, at most MAX_RESOURCE_BYTES.
 */
import { validationProblem, type FieldError } from '../http/problem.js';

export type ResourceKind = 'bpmn' | 'dmn' | 'form';

export interface UploadedResource {
  name: string;
  kind: ResourceKind;
  content: Buffer;
  text: string;
}

/** Zeebe's gateway accepts messages up to 4 MiB by default; a larger file could not be deployed anyway. */
export const MAX_RESOURCE_BYTES = 4 * 1024 * 1024;
export const MAX_FILES = 20;

const NAME = /^[^/\\\u0000-\u001f]{1,200}$/;

export function kindOf(name: string): ResourceKind | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.bpmn') || lower.endsWith('.xml')) return 'bpmn';
  if (lower.endsWith('.dmn')) return 'dmn';
  if (lower.endsWith('.form')) return 'form';
  return undefined;
}

export async function readUploadedResources(body: unknown, contentType: string): Promise<UploadedResource[]> {
  if (!Buffer.isBuffer(body)) throw validationProblem([{ pointer: '/', detail: 'must be multipart/form-data with files' }]);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw validationProblem([{ pointer: '/', detail: 'is not a well-formed multipart/form-data body' }]);
  }
  const files = [...form.values()].filter((value): value is File => typeof value !== 'string');
  if (files.length === 0) throw validationProblem([{ pointer: '/files', detail: 'must contain at least one file' }]);
  if (files.length > MAX_FILES) throw validationProblem([{ pointer: '/files', detail: `must contain at most ${MAX_FILES} files` }]);
  const errors: FieldError[] = [];
  const resources: UploadedResource[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const [index, file] of files.entries()) {
    const pointer = `/files/${index}`;
    const kind = kindOf(file.name);
    if (!NAME.test(file.name)) errors.push({ pointer, detail: 'needs a file name without path or control characters' });
    else if (kind === undefined) errors.push({ pointer, detail: `${file.name}: only .bpmn, .xml, .dmn and .form files can be deployed` });
    else if (resources.some((known) => known.name === file.name)) errors.push({ pointer, detail: `${file.name} is in the upload twice` });
    else if (file.size > MAX_RESOURCE_BYTES) errors.push({ pointer, detail: `${file.name} is larger than ${MAX_RESOURCE_BYTES} bytes` });
    else {
      const content = Buffer.from(await file.arrayBuffer());
      let text: string | undefined;
      try {
        text = decoder.decode(content);
      } catch {
        // reported below
      }
      if (text === undefined || text.includes('\u0000')) errors.push({ pointer, detail: `${file.name} is not UTF-8 text` });
      else resources.push({ name: file.name, kind: kind, content, text });
    }
  }
  if (errors.length > 0) throw validationProblem(errors, 'Some files cannot be deployed.');
  return resources;
}
