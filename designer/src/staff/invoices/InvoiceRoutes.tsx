/** The Rechnungseingang's area: the upload page. */
import type { StaffUser } from '../auth/auth-api.js';
import { StaffLayout } from '../layout/StaffLayout.js';
import { InvoiceUploadPage } from './InvoiceUploadPage.js';
import './invoices.css';

export function InvoiceRoutes({ user }: { user: StaffUser }) {
  return <StaffLayout user={user}><InvoiceUploadPage /></StaffLayout>;
}
