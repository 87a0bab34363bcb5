/** The XRechnung intake connector in a process on the embedded engine, with KoSIT samples from the document store. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { boundaryEvent, endEvent, error, errorDefinition } from '../../testing/engine-test-support.js';
import { SHARED } from '../../../test/support/shared-files.js';
import { bpmnProcess, connectorTask, flow, startConnectorTestBed, type ConnectorTestBed } from '../../testing/connector-test-bed.js';
import { XRECHNUNG_REJECTED, xrechnungIntakeConnector } from './xrechnung-intake-connector.js';
import { elementTemplateProblems } from '../../templates/element-template-schema.js';
import { elementTemplateOf } from '../../templates/element-template.js';

const TYPE = xrechnungIntakeConnector.type;
let bed: ConnectorTestBed;

beforeAll(async () => {
  bed = await startConnectorTestBed([xrechnungIntakeConnector]);
  // Rechnungseingang: check the invoice; a rejected one goes back to the sender.
  const body = [
    '<bpmn:startEvent id="start" />',
    connectorTask('check', TYPE, { inputs: { invoiceDocument: '=upload' }, headers: { resultVariable: 'invoiceIntake' } }),
    boundaryEvent('rejected', 'check', errorDefinition(XRECHNUNG_REJECTED)),
    endEvent('routed'), endEvent('returnedToSender'),
    flow('f1', 'start', 'check'), flow('f2', 'check', 'routed'), flow('f3', 'rejected', 'returnedToSender'),
  ].join('');
  await bed.engine.zbc.deployResource({ name: 'rechnungseingang.bpmn', process: bpmnProcess('rechnungseingang', body, error(XRECHNUNG_REJECTED)) });
});
afterAll(async () => bed.destroy());

async function run(folder: string, file: string) {
  const bytes = readFileSync(path.join(SHARED, 'xrechnung-samples', folder, file));
  const upload = await bed.documents.put({ processInstanceKey: '0', filename: file, contentType: 'application/xml', bytes });
  const result = await bed.engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'rechnungseingang', variables: { upload: { ...upload } }, requestTimeout: 20_000 });
  return result.variables as Record<string, any>;
}

describe('the XRechnung intake connector', () => {
  it('declares an element template that Camunda\'s schema accepts', () => {
    expect(elementTemplateProblems(elementTemplateOf(xrechnungIntakeConnector))).toEqual([]);
  });

  it('hands a valid CII invoice on with its Leitweg-ID and totals as exact decimal strings', async () => {
    const variables = await run('valid', '01.01a-INVOICE_uncefact.xml');
    expect(variables.invoiceIntake.invoice).toMatchObject({
      syntax: 'CII', number: '123456XX', buyerReference: '04011000-12345-03',
      totals: { taxExclusive: '314.86', taxTotal: '22.04', taxInclusive: '336.90', amountDue: '336.90' },
    });
    expect(variables.invoiceIntake.leitwegId).toEqual({ coarseAddress: '04011000', fineAddress: '12345', checkDigits: '03', checkDigitsValid: true });
    expect(variables.invoiceIntake.needsManualTriage).toBe(false);
  });

  it('accepts an invoice with wrong Leitweg-ID check digits but asks for manual triage', async () => {
    const variables = await run('invalid', 'INV-07_leitweg-id-bad-check-digit_ubl.xml');
    expect(variables.invoiceIntake.needsManualTriage).toBe(true);
    expect(variables.invoiceIntake.warnings).toEqual([expect.objectContaining({ rule: 'LEITWEG-ID-CHECK-DIGITS' })]);
  });

  it('throws XRECHNUNG_REJECTED with the violated rule, which the process catches', async () => {
    const variables = await run('invalid', 'INV-01_missing-BT-10_ubl.xml');
    expect(variables.invoiceIntake).toBeUndefined();
    expect(variables.invoiceViolations).toEqual([expect.objectContaining({ rule: 'BR-DE-15', severity: 'fatal' })]);
    expect(variables.invoice).toMatchObject({ number: '123456XX' });
  });

  it('rejects a file that is not even well-formed XML without an invoice', async () => {
    const variables = await run('invalid', 'INV-04_not-well-formed_uncefact.xml');
    expect(variables.invoiceViolations).toEqual([expect.objectContaining({ rule: 'XML-NOT-WELL-FORMED' })]);
    expect(variables.invoice).toBeUndefined();
  });
});
