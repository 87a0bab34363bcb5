/**
 * The Rechnungseingang uploads XRechnung files: a labelled file input, the upload's progress, the Aktenzeichen of each
 * received invoice, and errors tied to the field (aria-describedby) and summarised at the top. A file keeps its
 * Idempotency-Key until it was received, so uploading it again after a lost answer records it once.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../shared/a11y/ErrorSummary.js';
import { TextField } from '../../shared/a11y/TextField.js';
import { usePageTitle } from '../../shared/a11y/use-page-title.js';
import { ApiProblem } from '../../shared/http/api-problem.js';
import type { StaffMessageKey } from '../i18n/staff-messages.js';
import { useStaffI18n } from '../i18n/use-staff-i18n.js';
import { DataTable } from '../layout/DataTable.js';
import { PageNotice, type Notice } from '../layout/PageNotice.js';
import { MAX_INVOICE_BYTES, uploadInvoice, type InvoiceReceipt } from './invoices-api.js';

const FILE_FIELD_ID = 'invoice-file';
const MEGABYTES = MAX_INVOICE_BYTES / (1024 * 1024);

interface Received extends InvoiceReceipt {
  fileName: string;
}

export function InvoiceUploadPage() {
  const { t } = useStaffI18n();
  const headingRef = usePageTitle(t('invoices.title'), t('app.name'));
  const fileInput = useRef<HTMLInputElement>(null);
  const keys = useRef(new WeakMap<File, string>());
  const [fileError, setFileError] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [progress, setProgress] = useState<number>();
  const [received, setReceived] = useState<Received[]>([]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setNotice(undefined);
    const file = fileInput.current?.files?.[0];
    const invalid = file === undefined ? t('invoices.error.required') : file.size > MAX_INVOICE_BYTES ? t('invoices.error.tooLarge', { megabytes: MEGABYTES }) : undefined;
    setFileError(invalid);
    if (file === undefined || invalid) return;
    if (!keys.current.has(file)) keys.current.set(file, crypto.randomUUID());
    setProgress(0);
    try {
      const receipt = await uploadInvoice(file, keys.current.get(file)!, setProgress);
      keys.current.delete(file);
      setReceived((earlier) => [{ ...receipt, fileName: file.name }, ...earlier]);
      setNotice({ kind: 'success', text: t('invoices.received', { file: file.name, aktenzeichen: receipt.aktenzeichen }) });
      form.reset();
    } catch (error) {
      const { field, form } = messagesOf(error, t);
      setFileError(field);
      if (form) setNotice({ kind: 'error', text: form });
    } finally {
      setProgress(undefined);
    }
  }

  const summary = fileError ? [{ fieldId: FILE_FIELD_ID, message: fileError }] : [];
  return (
    <>
      <h1 ref={headingRef} tabIndex={-1}>{t('invoices.title')}</h1>
      <p>{t('invoices.intro')}</p>
      <ErrorSummary title={t('form.errorSummary')} errors={summary} />
      <PageNotice notice={notice} />
      <form className="invoice-upload" onSubmit={submit} noValidate>
        <TextField ref={fileInput} id={FILE_FIELD_ID} name="file" type="file" accept=".xml,application/xml,text/xml" required
          label={t('invoices.file')} hint={t('invoices.fileHint', { megabytes: MEGABYTES })} error={fileError} />
        {progress !== undefined ? (
          <div className="invoice-upload__progress">
            <progress max={1} value={progress} aria-label={t('invoices.progress')} />
            <span role="status">{t('invoices.uploading')} {Math.round(progress * 100)} %</span>
          </div>
        ) : null}
        <button type="submit" className="button button--primary" disabled={progress !== undefined}>{t('invoices.submit')}</button>
      </form>
      {received.length > 0 ? (
        <section aria-labelledby="invoices-received">
          <h2 id="invoices-received">{t('invoices.receivedTitle')}</h2>
          <DataTable caption={t('invoices.receivedTitle')} columns={[t('invoices.column.file'), t('invoices.column.aktenzeichen'), t('invoices.column.syntax'), t('invoices.column.instance')]}>
            {received.map((invoice) => (
              <tr key={invoice.aktenzeichen}>
                <td>{invoice.fileName}</td>
                <td>{invoice.aktenzeichen}</td>
                <td>{t(`invoices.syntax.${invoice.syntax}`)}</td>
                <td>{invoice.processInstanceKey}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
    </>
  );
}

/** What the clerk is told: the file's own problems beside the field, everything else above the form. */
function messagesOf(error: unknown, t: (key: StaffMessageKey, params?: Record<string, string | number>) => string): { field?: string; form?: string } {
  if (!(error instanceof ApiProblem)) return { form: t('invoices.error.unavailable') };
  switch (error.slug) {
    case 'invoice-not-xml': return { field: t('invoices.error.notXml') };
    case 'invoice-not-xrechnung': return { field: `${t('invoices.error.notXrechnung')} (${error.errors[0]?.detail ?? error.detail ?? ''})` };
    case 'invoice-process-not-deployed': return { form: t('invoices.error.notDeployed') };
    case 'submission-pending':
    case 'submission-in-progress':
    case 'invoice-intake-unavailable': return { form: t('invoices.error.unavailable') };
    default:
  }
  if (error.status === 413) return { field: t('invoices.error.tooLarge', { megabytes: MEGABYTES }) };
  if (error.status === 403) return { form: t('invoices.error.forbidden') };
  return { field: error.errors[0]?.detail, form: error.errors.length > 0 ? undefined : t('invoices.error.failed', { detail: error.detail ?? error.title }) };
}
