/**
 * "Nachweise nachreichen" on the status page: the citizen hands in documents the office asked for, for an open case
 * of a service that takes them. Errors are shown at the file input and summarised above; the upload's progress is
 * shown while it runs; the receipt is announced in a live region.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../shared/a11y/ErrorSummary.js';
import { ApiProblem } from '../../shared/http/api-problem.js';
import { ACCEPTED_FILE_TYPES, newIdempotencyKey, portalApi } from '../portal-api.js';
import type { PortalMessageKey } from '../portal-messages.js';
import { UploadProgress } from '../UploadProgress.js';
import { usePortalI18n } from '../use-portal-i18n.js';

const INPUT_ID = 'later-documents';

export function LaterDocumentsForm({ statusToken, onHandedIn }: { statusToken: string; onHandedIn(): void }) {
  const { t, locale } = usePortalI18n();
  const [files, setFiles] = useState<File[]>([]);
  const [fieldErrors, setFieldErrors] = useState<string[]>([]);
  const [failure, setFailure] = useState<string>();
  const [received, setReceived] = useState<string>();
  const [uploaded, setUploaded] = useState<number>();
  const [busy, setBusy] = useState(false);
  // One key per choice of files: a retry of the same files after a lost answer is never handed in twice.
  const idempotencyKey = useRef(newIdempotencyKey());
  const formRef = useRef<HTMLFormElement>(null);

  const choose = (chosen: File[]) => {
    setFiles(chosen);
    setFieldErrors([]);
    idempotencyKey.current = newIdempotencyKey();
  };

  async function send(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setFailure(undefined);
    setReceived(undefined);
    if (files.length === 0) {
      setFieldErrors([t('status.laterNoFiles')]);
      return;
    }
    setBusy(true);
    setUploaded(0);
    try {
      const receipt = await portalApi.handInDocuments(statusToken, files, { idempotencyKey: idempotencyKey.current, locale }, setUploaded);
      setReceived(t('status.laterReceived', { names: receipt.files.map((file) => file.name).join(', ') }));
      formRef.current?.reset();
      choose([]);
      onHandedIn();
    } catch (error) {
      const problem = fieldProblems(error, t);
      if (problem.field.length > 0) setFieldErrors(problem.field);
      else setFailure(problem.general);
      if (error instanceof ApiProblem && error.slug === 'case-closed') onHandedIn();
    } finally {
      setBusy(false);
      setUploaded(undefined);
    }
  }

  const invalid = fieldErrors.length > 0;
  return (
    <section aria-labelledby="later-documents-title">
      <h2 id="later-documents-title">{t('status.laterTitle')}</h2>
      <p>{t('status.laterIntro')}</p>
      <ErrorSummary title={t('status.laterErrors')} errors={fieldErrors.map((message) => ({ fieldId: INPUT_ID, message }))} />
      <form ref={formRef} onSubmit={(event) => void send(event)} noValidate>
        <div className={`field${invalid ? ' field--invalid' : ''}`}>
          <label htmlFor={INPUT_ID}>{t('status.laterFiles')}</label>
          <p className="field__hint" id={`${INPUT_ID}-hint`}>{t('status.laterHint')}</p>
          {fieldErrors.map((message, index) => <p key={index} className="field__error" id={`${INPUT_ID}-error-${index}`}>{message}</p>)}
          <input
            id={INPUT_ID} name="files" type="file" multiple accept={ACCEPTED_FILE_TYPES}
            aria-invalid={invalid || undefined}
            aria-describedby={[`${INPUT_ID}-hint`, ...fieldErrors.map((_message, index) => `${INPUT_ID}-error-${index}`)].join(' ')}
            onChange={(event) => choose(Array.from(event.currentTarget.files ?? []))}
          />
        </div>
        {uploaded !== undefined ? <UploadProgress fraction={uploaded} /> : null}
        {failure ? <p className="notice notice--error" role="alert">{failure}</p> : null}
        <button type="submit" className="button button--primary" aria-disabled={busy}>{busy ? t('status.laterSending') : t('status.laterSend')}</button>
      </form>
      <div role="status">{received ? <p className="notice notice--success">{received}</p> : null}</div>
    </section>
  );
}

/** The server's answer as messages at the file input (refused files, too large) or for the whole form. */
function fieldProblems(error: unknown, t: (key: PortalMessageKey, replacements?: Record<string, string>) => string): { field: string[]; general?: string } {
  if (error instanceof ApiProblem) {
    if (error.status === 400 && error.errors.length > 0) return { field: error.errors.map((each) => t('status.laterRefused', { detail: each.detail })) };
    if (error.status === 413) return { field: [t('status.laterTooLarge')] };
    if (error.slug === 'case-closed' || error.slug === 'later-documents-not-accepted') return { field: [], general: t('status.laterClosed') };
    if (error.status === 503) return { field: [], general: t('status.laterRetry') };
    return { field: [], general: t('portal.failed', { detail: error.detail ?? error.message }) };
  }
  if (error instanceof TypeError) return { field: [], general: t('status.laterRetry') };
  return { field: [], general: t('portal.failed', { detail: (error as Error).message }) };
}
