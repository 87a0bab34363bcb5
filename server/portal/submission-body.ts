/**
 * A citizen's submission as sent: JSON `{ data, formKey? }`, or multipart/form-data with a `data` part (the form data
 * as JSON text), an optional `formKey` part and one file part per uploaded file, named by the file picker key the
 * form data refers to (`files::…`). Files are checked against the configured limits and typed by their bytes.
 */
import { createHash } from 'node:crypto';
import type { PortalConfig } from '../config.js';
import { HttpProblem, validationProblem, type FieldError } from '../http/problem.js';
import type { Locale } from '../../forms/index.js';
import { fileMessage, megabytes } from './file-messages.js';
import { nameFits, sniffContentType } from './file-types.js';

export interface SubmittedFile {
  /** The file picker key it was uploaded under. */
  key: string;
  name: string;
  /** Sniffed from the bytes. */
  contentType: string;
  content: Buffer;
  sha256: string;
}

export interface SubmissionBody {
  data: Record<string, unknown>;
  formKey?: string;
  files: SubmittedFile[];
  /** The SHA-256 of what was sent, for recognising a retry under the same Idempotency-Key. */
  fingerprint: string;
}

export type FileLimits = Pick<PortalConfig, 'maxFileBytes' | 'maxFiles' | 'maxTotalBytes'>;

export const SUBMISSION_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['data'],
  properties: {
    data: { type: 'object', description: 'The form data, keyed as the form\'s components are.' },
    formKey: { type: 'string', minLength: 1, maxLength: 300, description: 'The `formKey` of the form the citizen filled in (from the service\'s form); a submission for an older form version is refused with 409 `form-outdated`. Without it, the current form judges.' },
  },
};

/** Form-js file picker keys are `files::<uuid>`; any sensible key is taken, since it only has to match the data. */
const FILE_KEY = /^[A-Za-z0-9:._-]{1,200}$/;
/** A file name without path or control characters, at most 200 characters. */
export const FILE_NAME = /^[^/\\\u0000-\u001f\u007f]{1,200}$/;
/** Room for the form data and the parts' headers beside the files. */
export const MULTIPART_OVERHEAD_BYTES = 128 * 1024;

export async function readSubmissionBody(body: unknown, contentType: string, limits: FileLimits, locale: Locale): Promise<SubmissionBody> {
  if (!Buffer.isBuffer(body)) {
    const { data, formKey } = body as { data: Record<string, unknown>; formKey?: string };
    return { data, formKey, files: [], fingerprint: fingerprintOf(data, formKey, []) };
  }
  const form = await multipartForm(body, contentType);
  const errors: FieldError[] = [];
  let data: Record<string, unknown> | undefined;
  let formKey: string | undefined;
  const uploads: { key: string; file: File }[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string') {
      if (!FILE_KEY.test(name)) errors.push({ pointer: '/files', detail: 'a file part needs the file picker key it belongs to as its name' });
      else uploads.push({ key: name, file: value });
    } else if (name === 'data' && data === undefined) {
      data = parseData(value, errors);
    } else if (name === 'formKey' && formKey === undefined && value.length > 0 && value.length <= 300) {
      formKey = value;
    } else {
      errors.push({ pointer: `/${pointerSegment(name.slice(0, 100))}`, detail: 'is not a known part (data, formKey or files), or is given twice' });
    }
  }
  if (data === undefined && !errors.some((error) => error.pointer === '/data')) errors.push({ pointer: '/data', detail: 'is required: the form data as a JSON object' });
  if (uploads.length > limits.maxFiles) errors.push({ pointer: '/files', detail: `must be at most ${limits.maxFiles} files` });
  if (errors.length > 0) throw validationProblem(errors.slice(0, 20));
  const files = await readFiles(uploads, limits, locale);
  return { data: data!, formKey, files, fingerprint: fingerprintOf(data!, formKey, files) };
}

/** The parts of a multipart/form-data body; a 400 when it is not one. */
export async function multipartForm(body: Buffer, contentType: string): Promise<FormData> {
  try {
    return await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw validationProblem([{ pointer: '/', detail: 'is not a well-formed multipart/form-data body' }]);
  }
}

function parseData(text: string, errors: FieldError[]): Record<string, unknown> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    errors.push({ pointer: '/data', detail: 'is not valid JSON' });
    return undefined;
  }
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  errors.push({ pointer: '/data', detail: 'must be a JSON object' });
  return undefined;
}

/**
 * Checks uploaded files against the limits (413) and types them by their bytes (400 with a field error per file), and
 * says so in the citizen's language.
 */
export async function readFiles(uploads: { key: string; file: File }[], limits: FileLimits, locale: Locale): Promise<SubmittedFile[]> {
  const total = uploads.reduce((sum, { file }) => sum + file.size, 0);
  const tooLarge = uploads.find(({ file }) => file.size > limits.maxFileBytes);
  if (tooLarge) throw new HttpProblem(413, { detail: fileMessage(locale, 'tooLarge', { name: tooLarge.file.name.slice(0, 200), megabytes: megabytes(limits.maxFileBytes) }) });
  if (total > limits.maxTotalBytes) throw new HttpProblem(413, { detail: fileMessage(locale, 'allTooLarge', { megabytes: megabytes(limits.maxTotalBytes) }) });
  const errors: FieldError[] = [];
  const files: SubmittedFile[] = [];
  for (const { key, file } of uploads) {
    const pointer = `/files/${pointerSegment(key)}`;
    const content = Buffer.from(await file.arrayBuffer());
    const type = sniffContentType(content);
    if (!FILE_NAME.test(file.name)) errors.push({ pointer, detail: fileMessage(locale, 'badName') });
    else if (type === undefined) errors.push({ pointer, detail: fileMessage(locale, 'notAccepted', { name: file.name }) });
    else if (!nameFits(file.name, type)) errors.push({ pointer, detail: fileMessage(locale, 'nameMismatch', { name: file.name, contentType: type.contentType }) });
    else files.push({ key, name: file.name, contentType: type.contentType, content, sha256: createHash('sha256').update(content).digest('hex') });
  }
  if (errors.length > 0) throw validationProblem(errors.slice(0, 20), 'Some files cannot be accepted.');
  return files;
}

export const pointerSegment = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');

function fingerprintOf(data: unknown, formKey: string | undefined, files: readonly SubmittedFile[]): string {
  const hash = createHash('sha256').update(JSON.stringify(data)).update('\n').update(formKey ?? '');
  for (const file of files) hash.update(`\n${file.key}\n${file.name}\n${file.sha256}`);
  return hash.digest('hex');
}
