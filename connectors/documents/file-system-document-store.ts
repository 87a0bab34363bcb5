/**
 * The default document store: one directory per process instance under the data directory, each document as its
 * bytes plus a JSON file with its reference. Ids are `<processInstanceKey>/<uuid>`, checked before they touch a path.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DocumentNotFoundError, type DocumentReference, type DocumentStore, type NewDocument } from '../sdk/documents.js';

const DOCUMENT_ID = /^(\d{1,20})\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export class FileSystemDocumentStore implements DocumentStore {
  constructor(private readonly directory: string) {}

  async put(document: NewDocument): Promise<DocumentReference> {
    if (!/^\d{1,20}$/.test(document.processInstanceKey)) throw new TypeError(`Not a process instance key: '${document.processInstanceKey}'`);
    const documentId = `${document.processInstanceKey}/${randomUUID()}`;
    const reference: DocumentReference = {
      documentId,
      filename: document.filename,
      contentType: document.contentType,
      size: document.bytes.byteLength,
      sha256: createHash('sha256').update(document.bytes).digest('hex'),
      processInstanceKey: document.processInstanceKey,
      createdAt: new Date().toISOString(),
    };
    const file = this.pathOf(documentId);
    await mkdir(path.dirname(file), { recursive: true });
    await writeAtomically(`${file}.bin`, document.bytes);
    await writeAtomically(`${file}.json`, JSON.stringify(reference));
    return reference;
  }

  async get(documentId: string): Promise<{ reference: DocumentReference; bytes: Uint8Array }> {
    if (!DOCUMENT_ID.test(documentId)) throw new DocumentNotFoundError(documentId);
    const file = this.pathOf(documentId);
    try {
      const reference = JSON.parse(await readFile(`${file}.json`, 'utf8')) as DocumentReference;
      return { reference, bytes: new Uint8Array(await readFile(`${file}.bin`)) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DocumentNotFoundError(documentId);
      throw error;
    }
  }

  private pathOf(documentId: string): string {
    return path.join(this.directory, ...documentId.split('/'));
  }
}

/** Written under a temporary name and renamed, so a reader never sees half a file. */
async function writeAtomically(file: string, content: Uint8Array | string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
