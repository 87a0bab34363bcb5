/**
 * Documents of a process instance (a generated Bescheid, a received attachment). Bytes never travel in process
 * variables: a connector stores them and hands a `DocumentReference` on, which the next connector (mail attachment,
 * e-Akte filing) reads back. The runtime's default store is a directory (`FileSystemDocumentStore`); the server will
 * provide one on PostgreSQL.
 */

/** What a process variable holds for a document. Plain JSON. */
export interface DocumentReference {
  /** Opaque id, unique in the store. */
  documentId: string;
  filename: string;
  contentType: string;
  size: number;
  /** Hex SHA-256 of the bytes, so a receiver can check what it got. */
  sha256: string;
  processInstanceKey: string;
  createdAt: string;
}

export interface NewDocument {
  processInstanceKey: string;
  filename: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface DocumentStore {
  put(document: NewDocument): Promise<DocumentReference>;
  /** The bytes and reference of a stored document; rejects with `DocumentNotFoundError` when there is none. */
  get(documentId: string): Promise<{ reference: DocumentReference; bytes: Uint8Array }>;
}

export class DocumentNotFoundError extends Error {
  override name = 'DocumentNotFoundError';

  constructor(readonly documentId: string) {
    super(`Document '${documentId}' does not exist`);
  }
}
