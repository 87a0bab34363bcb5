/** The e-Akte connectors in processes on the embedded engine, over the PostgreSQL adapter on PGlite. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connectorProcess, incidentOf, runToEnd, startConnectorTestBed, type ConnectorTestBed } from '../../testing/connector-test-bed.js';
import { EAkte } from './e-akte.js';
import { eAkteConnectors } from './e-akte-connectors.js';
import { PostgresEAkteAdapter } from './postgres/postgres-e-akte-adapter.js';
import { sqlTestTargets, type SqlTestDatabase } from '../../testing/engine-test-support.js';
import { elementTemplateProblems } from '../../templates/element-template-schema.js';
import { elementTemplatesOf } from '../../templates/element-templates.js';

let bed: ConnectorTestBed;
let connectors: ReturnType<typeof eAkteConnectors>;
let database: SqlTestDatabase;
let clock = new Date('2014-05-05T08:00:00Z');

beforeAll(async () => {
  database = await sqlTestTargets()[0].open();
  const eAkte = new EAkte({
    adapter: await PostgresEAkteAdapter.open(database),
    authority: { id: '05378020', name: 'Stadt Leichlingen' },
    archive: { id: '05378020-A', name: 'Stadtarchiv Leichlingen' },
    now: () => clock,
  });
  connectors = eAkteConnectors(eAkte);
  bed = await startConnectorTestBed(connectors);
});
afterAll(async () => {
  await bed.destroy();
  await database.close();
});

describe('the e-Akte connectors', () => {
  it('declare element templates that Camunda\'s schema accepts', () => {
    expect(elementTemplatesOf(connectors).flatMap(elementTemplateProblems)).toEqual([]);
  });

  it('file a Bescheid from the document store and, when its retention ended, offer it to the archive in a 0501 record', async () => {
    const bescheid = await bed.documents.put({
      processInstanceKey: '1', filename: 'hundesteuerbescheid.pdf', contentType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.7'),
    });
    const fileProcess = connectorProcess('ablegen', 'amtsflow:e-akte-file:1', {
      inputs: { document: '=bescheid', aktenzeichen: '="22.10.05-" + string(jahr) + "/0042"', documentType: 'Hundesteuerbescheid', title: '=betreff' },
      headers: { retentionPeriod: 'P10Y', retentionStartsAt: 'endOfYear', disposition: 'A', resultVariable: 'filedDocument' },
    });
    const filed = await runToEnd(bed, 'ablegen', fileProcess, { bescheid: { ...bescheid }, jahr: 2014, betreff: 'Hundesteuer 2014' });
    expect(filed.filedDocument).toMatchObject({ aktenzeichen: '22.10.05-2014/0042', retainUntil: '2024-12-31' });
    const [row] = await database.query<{ document_type: string; size: number }>('SELECT document_type, size::int AS size FROM eakte_documents');
    expect(row).toEqual({ document_type: 'Hundesteuerbescheid', size: 8 });

    clock = new Date('2025-01-10T03:00:00Z');
    const disposeProcess = connectorProcess('aussonderung', 'amtsflow:e-akte-dispose:1', { headers: { limit: '100', resultVariable: 'aussonderung' } });
    const { aussonderung } = await runToEnd(bed, 'aussonderung', disposeProcess) as { aussonderung: { offerId: string; offeredDocumentIds: string[]; offerDocument: { documentId: string; filename: string } } };
    expect(aussonderung.offeredDocumentIds).toEqual([(filed.filedDocument as { documentId: string }).documentId]);
    expect(aussonderung.offerDocument.filename).toBe(`${aussonderung.offerId}_Aussonderung.Anbieteverzeichnis.0501.xml`);
    const offer = new TextDecoder().decode((await bed.documents.get(aussonderung.offerDocument.documentId)).bytes);
    expect(offer).toContain('<xdomea:Kennzeichen>22.10.05-2014/0042</xdomea:Kennzeichen>');
  });

  it('raise an incident for a retention period that is not ISO 8601, instead of retrying', async () => {
    const bescheid = await bed.documents.put({ processInstanceKey: '2', filename: 'b.pdf', contentType: 'application/pdf', bytes: new Uint8Array([1]) });
    const process = connectorProcess('ablegen-falsch', 'amtsflow:e-akte-file:1', {
      inputs: { document: '=bescheid', aktenzeichen: 'AZ-1', documentType: 'Bescheid', title: 'x' },
      headers: { retentionPeriod: '10 Jahre', retentionStartsAt: 'endOfYear', disposition: 'B' },
    });
    await bed.engine.zbc.deployResource({ name: 'ablegen-falsch.bpmn', process });
    const { processInstanceKey } = await bed.engine.zbc.createProcessInstance({ bpmnProcessId: 'ablegen-falsch', variables: { bescheid: { ...bescheid } } });
    const incident = await incidentOf(bed, processInstanceKey);
    expect(incident.errorMessage).toContain('retentionPeriod');
  });
});
