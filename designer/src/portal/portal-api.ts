/**
 * The portal's calls to the server (server/README.md, "Citizen portal"), through the shared HttpClient. Sending an
 * application, and documents later, carries an `Idempotency-Key` and reports its upload's progress (`http.upload`).
 */
import { http } from '../shared/http/http-client.js';

export interface PortalService {
  id: string;
  title: string;
  description?: string;
}

export interface ServiceForm {
  service: PortalService;
  /** The exact form version; sent back so that the server judges by the rules the citizen was shown. */
  formKey: string;
  schema: Record<string, unknown>;
}

export interface Receipt {
  reference: string;
  statusToken: string;
  statusUrl: string;
  submittedAt: string;
}

export type CaseState = 'received' | 'in-progress' | 'completed' | 'rejected';

export interface SubmissionStatus {
  reference: string;
  service: { id: string; title: string };
  state: CaseState;
  submittedAt: string;
  closedAt: string | null;
  attachments: { id: string; name: string; contentType: string; size: number }[];
  /** Whether documents can be handed in now: the service takes them and the case is open. */
  acceptsLaterDocuments: boolean;
}

export interface LaterDocumentsReceipt {
  reference: string;
  handedInAt: string;
  files: { id: string; name: string; contentType: string; size: number }[];
}

/** The file types the server accepts (it judges by the bytes), for a file input's `accept`. */
export const ACCEPTED_FILE_TYPES = '.pdf,.png,.jpg,.jpeg,.txt,application/pdf,image/png,image/jpeg,text/plain';

export interface Application {
  data: Record<string, unknown>;
  formKey: string;
  /** The chosen files by the file picker key the data names (`files::…`). */
  files: ReadonlyMap<string, readonly File[]>;
  /** The same for every retry of one attempt, so a retry never makes a second application. */
  idempotencyKey: string;
  locale: string;
}

const path = (...segments: string[]) => segments.map(encodeURIComponent).join('/');

export const portalApi = {
  async services(): Promise<PortalService[]> {
    return (await http.request<{ services: PortalService[] }>('/api/portal/services')).services;
  },

  form(serviceId: string): Promise<ServiceForm> {
    return http.request<ServiceForm>(`/api/portal/services/${path(serviceId)}/form`);
  },

  submit(serviceId: string, { data, formKey, files, idempotencyKey, locale }: Application, onUploaded?: (fraction: number) => void): Promise<Receipt> {
    const body = new FormData();
    body.append('data', JSON.stringify(data));
    body.append('formKey', formKey);
    for (const [key, chosen] of files) for (const file of chosen) body.append(key, file, file.name);
    return uploadWithKey<Receipt>(`/api/portal/services/${path(serviceId)}/submissions`, body, { idempotencyKey, locale }, onUploaded);
  },

  /** Documents handed in later for the case of a status link (each file a part named `files`). */
  handInDocuments(statusToken: string, files: readonly File[], options: { idempotencyKey: string; locale: string }, onUploaded?: (fraction: number) => void): Promise<LaterDocumentsReceipt> {
    const body = new FormData();
    for (const file of files) body.append('files', file, file.name);
    return uploadWithKey<LaterDocumentsReceipt>(`/api/portal/submissions/${path(statusToken, 'documents')}`, body, options, onUploaded);
  },

  status(statusToken: string): Promise<SubmissionStatus> {
    return http.request<SubmissionStatus>(`/api/portal/submissions/${path(statusToken)}`);
  },

  attachmentUrl(statusToken: string, attachmentId: string): string {
    return `/api/portal/submissions/${path(statusToken, 'attachments', attachmentId)}`;
  },
};

/**
 * With the upload's progress (`onUploaded`, 0 to 1), which a citizen with photos on a slow mobile connection needs to
 * see; a lost connection rejects with a TypeError, as fetch does.
 */
function uploadWithKey<T>(url: string, body: FormData, { idempotencyKey, locale }: { idempotencyKey: string; locale: string }, onUploaded?: (fraction: number) => void): Promise<T> {
  return http.upload<T>(url, body, { headers: { 'Idempotency-Key': idempotencyKey, 'Accept-Language': locale }, onProgress: onUploaded });
}

/** A new key per attempt: 32 random bytes as hex (the server takes 16 to 128 of A-Z a-z 0-9 _ -). */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
