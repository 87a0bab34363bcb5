/**
 * Documents a citizen hands in later, as sent: multipart/form-data with one or more file parts named `files`,
 * checked against the same limits and typed by their bytes as a submission's files.
 */
import { createHash } from 'node:crypto';
import type { Locale } from '../../forms/index.js';
import { validationProblem } from '../http/problem.js';
import { multipartForm, pointerSegment, readFiles, type FileLimits, type SubmittedFile } from './submission-body.js';

export const LATER_DOCUMENTS_PART = 'files';

export interface LaterDocumentsBody {
  files: SubmittedFile[];
  /** The SHA-256 of what was sent, for recognising a retry under the same Idempotency-Key. */
  fingerprint: string;
}

export async function readLaterDocumentsBody(body: unknown, contentType: string, limits: FileLimits, locale: Locale): Promise<LaterDocumentsBody> {
  if (!Buffer.isBuffer(body)) throw validationProblem([{ pointer: '/', detail: 'must be multipart/form-data with the files as parts named files' }]);
  const form = await multipartForm(body, contentType);
  const uploads: { key: string; file: File }[] = [];
  for (const [name, value] of form.entries()) {
    if (name !== LATER_DOCUMENTS_PART || typeof value === 'string') {
      throw validationProblem([{ pointer: `/${pointerSegment(name.slice(0, 100))}`, detail: `is not a known part: send each file as a part named ${LATER_DOCUMENTS_PART}` }]);
    }
    uploads.push({ key: LATER_DOCUMENTS_PART, file: value });
  }
  if (uploads.length === 0) throw validationProblem([{ pointer: `/${LATER_DOCUMENTS_PART}`, detail: 'is required: at least one file' }]);
  if (uploads.length > limits.maxFiles) throw validationProblem([{ pointer: `/${LATER_DOCUMENTS_PART}`, detail: `must be at most ${limits.maxFiles} files` }]);
  const files = await readFiles(uploads, limits, locale);
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.name}\n${file.sha256}\n`);
  return { files, fingerprint: hash.digest('hex') };
}
