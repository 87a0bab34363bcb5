/**
 * The portal's calls to the server (server/README.md, "Citizen portal"). Sending an application, and documents later,
 * goes past the shared HttpClient: it needs an `Idempotency-Key` header, which that does not set, and reports its
 * upload's progress; its problems are read with the same `problemOf`.
 */
import { problemOf } from '../shared/http/api-problem.js';
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
    return postWithProgress<Receipt>(`/api/portal/services/${path(serviceId)}/submissions`, body, { idempotencyKey, locale }, onUploaded);
  },

  /** Documents handed in later for the case of a status link (each file a part named `files`). */
  handInDocuments(statusToken: string, files: readonly File[], options: { idempotencyKey: string; locale: string }, onUploaded?: (fraction: number) => void): Promise<LaterDocumentsReceipt> {
    const body = new FormData();
    for (const file of files) body.append('files', file, file.name);
    return postWithProgress<LaterDocumentsReceipt>(`/api/portal/submissions/${path(statusToken, 'documents')}`, body, options, onUploaded);
  },

  status(statusToken: string): Promise<SubmissionStatus> {
    return http.request<SubmissionStatus>(`/api/portal/submissions/${path(statusToken)}`);
  },

  attachmentUrl(statusToken: string, attachmentId: string): string {
    return `/api/portal/submissions/${path(statusToken, 'attachments', attachmentId)}`;
  },
};

/**
 * Through XMLHttpRequest, not fetch: only it reports how much of the body is uploaded (`onUploaded`, 0 to 1), which
 * a citizen with photos on a slow mobile connection needs to see. A lost connection rejects with a TypeError, as
 * fetch does.
 */
function postWithProgress<T>(url: string, body: FormData, { idempotencyKey, locale }: { idempotencyKey: string; locale: string }, onUploaded?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Accept', 'application/json, application/problem+json');
    request.setRequestHeader('Accept-Language', locale);
    request.setRequestHeader('Idempotency-Key', idempotencyKey);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onUploaded?.(event.loaded / event.total);
    };
    request.onerror = () => reject(new TypeError('The request could not be sent'));
    request.onload = () => {
      const response = new Response(request.responseText, { status: request.status, headers: { 'Content-Type': request.getResponseHeader('Content-Type') ?? '' } });
      if (response.ok) response.json().then((answer) => resolve(answer as T), reject);
      else problemOf(response).then(reject, reject);
    };
    request.send(body);
  });
}

/** A new key per attempt: 32 random bytes as hex (the server takes 16 to 128 of A-Z a-z 0-9 _ -). */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
