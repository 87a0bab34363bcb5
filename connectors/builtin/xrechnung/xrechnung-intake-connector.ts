/**
 * The XRechnung intake as a connector: reads the received XML from the document store, returns the invoice model
 * for routing (Leitweg-ID) and payment, or throws XRECHNUNG_REJECTED naming the violated rules.
 */
import { ConnectorError, defineConnector, DocumentNotFoundError, PermanentFailure, type DocumentReference } from '../../sdk/index.js';
import { intakeInvoice } from './intake-invoice.js';
import type { Invoice } from './invoice-model.js';
import type { LeitwegId } from './leitweg-id.js';
import type { Violation } from './rules/index.js';

export const XRECHNUNG_REJECTED = 'XRECHNUNG_REJECTED';

export interface XRechnungIntakeInput {
  invoiceDocument: DocumentReference;
}

export interface XRechnungIntakeOutput {
  invoice: Invoice;
  leitwegId?: LeitwegId;
  /** Non-fatal findings (e.g. Leitweg-ID check digits); the invoice is valid, but a clerk should look. */
  warnings: Violation[];
  /** True when a warning suggests manual triage (Rechnungseingang) before routing by Leitweg-ID. */
  needsManualTriage: boolean;
}

const violationSchema = {
  type: 'object',
  required: ['rule', 'severity', 'message'],
  properties: { rule: { type: 'string' }, severity: { type: 'string' }, message: { type: 'string' } },
} as const;

export const xrechnungIntakeConnector = defineConnector<XRechnungIntakeInput, XRechnungIntakeOutput>({
  type: 'amtsflow:xrechnung-intake:1',
  name: 'E-Rechnung prüfen (XRechnung)',
  description: 'Reads an XRechnung (UBL 2.1 or UN/CEFACT CII) into one invoice model and checks the EN 16931 and XRechnung rules that matter for routing and payment.',
  keywords: ['XRechnung', 'E-Rechnung', 'Rechnungseingang', 'EN 16931', 'Leitweg-ID'],
  input: {
    type: 'object',
    required: ['invoiceDocument'],
    properties: {
      invoiceDocument: {
        type: 'object',
        title: 'E-Rechnung',
        description: 'The received XML as a document reference (e.g. =upload.invoice)',
        required: ['documentId'],
        properties: { documentId: { type: 'string', minLength: 1 } },
      },
    },
  },
  output: {
    type: 'object',
    required: ['invoice', 'warnings', 'needsManualTriage'],
    properties: {
      invoice: {
        type: 'object',
        required: ['syntax', 'totals', 'lines'],
        properties: { syntax: { type: 'string', enum: ['UBL', 'CII'] }, totals: { type: 'object' }, lines: { type: 'array' } },
      },
      leitwegId: {
        type: 'object',
        required: ['coarseAddress', 'checkDigits', 'checkDigitsValid'],
        properties: { coarseAddress: { type: 'string' }, fineAddress: { type: 'string' }, checkDigits: { type: 'string' }, checkDigitsValid: { type: 'boolean' } },
      },
      warnings: { type: 'array', items: violationSchema },
      needsManualTriage: { type: 'boolean' },
    },
  },
  errors: [{
    code: XRECHNUNG_REJECTED,
    description: 'The invoice breaks a fatal rule or is no readable UBL/CII invoice; invoiceViolations lists the rules, invoice holds what could be read.',
  }],
  resultVariable: 'invoiceIntake',
  async run(input, context) {
    let bytes: Uint8Array;
    try {
      ({ bytes } = await context.documents.get(input.invoiceDocument.documentId));
    } catch (error) {
      if (error instanceof DocumentNotFoundError) throw new PermanentFailure(error.message);
      throw error;
    }
    const result = intakeInvoice(bytes);
    const fatal = result.violations.filter((violation) => violation.severity === 'fatal');
    if (!result.accepted || !result.invoice) {
      throw new ConnectorError(XRECHNUNG_REJECTED, `Die E-Rechnung verletzt ${fatal.map((violation) => violation.rule).join(', ')}`, {
        invoiceViolations: result.violations,
        ...(result.invoice && { invoice: result.invoice }),
      });
    }
    const warnings = result.violations.filter((violation) => violation.severity !== 'fatal');
    context.logger.info({ invoiceNumber: result.invoice.number, syntax: result.invoice.syntax, warnings: warnings.map((w) => w.rule) }, 'Invoice accepted');
    return {
      invoice: result.invoice,
      ...(result.leitwegId && { leitwegId: result.leitwegId }),
      warnings,
      needsManualTriage: warnings.some((warning) => warning.rule.startsWith('LEITWEG-ID')),
    };
  },
});
