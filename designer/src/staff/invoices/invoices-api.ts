/** The Rechnungseingang's intake over the server's `POST /api/invoices` (server/README.md, "Invoice intake"). */
import { http } from '../../shared/http/http-client.js';

/** The server's limit (`MAX_INVOICE_BYTES`), checked here first so a too large file is not sent at all. */
export const MAX_INVOICE_BYTES = 10 * 1024 * 1024;

export interface InvoiceReceipt {
  aktenzeichen: string;
  processInstanceKey: string;
  receivedAt: string;
  syntax: 'ubl-invoice' | 'ubl-credit-note' | 'cii';
}

/**
 * Uploads one file. The Idempotency-Key belongs to the file the clerk chose, so sending it again after a lost answer
 * gets the same Aktenzeichen instead of a second case.
 */
export function uploadInvoice(file: File, idempotencyKey: string, onProgress: (fraction: number) => void): Promise<InvoiceReceipt> {
  const form = new FormData();
  form.append('file', file, file.name);
  return http.upload<InvoiceReceipt>('/api/invoices', form, { headers: { 'Idempotency-Key': idempotencyKey }, onProgress });
}
