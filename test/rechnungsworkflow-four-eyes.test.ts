/**
 * The Rechnungsworkflow's four-eyes rule through the server's task list, with the real process and forms: the names
 * the rule compares come from the sign-in, so a clerk who checked an invoice cannot approve it by typing a colleague's
 * name, and the finance system is told who really checked and who approved.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { activateOne, eventually, startTestEngine, type TestEngine } from '../engine/tests/harness.js';
import { REFERENCE_PROCESSES } from '../processes/index.js';
import { as, createStaff, signIn, startTestServer, type Credentials, type TestServer } from '../server/tests/test-server.js';

let engine: TestEngine;
let test: TestServer;
const clerk = {} as Record<'mueller' | 'schmidt' | 'manager', Credentials>;

beforeAll(async () => {
  engine = await startTestEngine();
  test = await startTestServer({ gatewayAddress: engine.running.gatewayAddress });
  await createStaff(test.server, 'mueller', ['clerk'], ['tiefbauamt', 'rechnungsfreigabe']);
  await createStaff(test.server, 'schmidt', ['clerk'], ['rechnungsfreigabe']);
  await createStaff(test.server, 'manager', ['process-manager']);
  clerk.mueller = await signIn(test, 'mueller');
  clerk.schmidt = await signIn(test, 'schmidt');
  clerk.manager = await signIn(test, 'manager');
  const { resources } = REFERENCE_PROCESSES.find((each) => each.name === 'rechnungsworkflow')!;
  let deployment = as(test, clerk.manager, 'post', '/api/deployments');
  for (const file of [...resources.forms, ...resources.decisions, ...resources.processes]) deployment = deployment.attach('files', readFileSync(file), path.basename(file));
  const deployed = await deployment;
  if (deployed.status !== 201) throw new Error(`Deployment failed: ${JSON.stringify(deployed.body)}`);
}, 60_000);
afterAll(async () => {
  await test.stop();
  await engine.destroy();
});

/** An invoice the XRechnung connector has read and the Leitweg-ID routed to the Tiefbauamt, above the Wertgrenze. */
const RECEIVED = {
  aktenzeichen: 'RECH-2026-000007',
  rechnung: { documentId: '0/3f0c1a52-6a7e-4a8e-9d61-0f1e2d3c4b5a' },
  eingang: { needsManualTriage: false, invoice: { number: 'R-4711', issueDate: '2026-03-02', currency: 'EUR', buyerReference: '04011000-12345-03', seller: { name: 'Straßenbau GmbH' }, totals: { amountDue: '12000.00' }, lines: [] } },
  rechnungsdaten: { betrag: 12000, waehrung: 'EUR', zahlbarBis: '2026-04-01', fristende: '2026-04-01', eskalationAm: '2099-01-01T07:00:00Z', vierAugenAb: 5000 },
  zustaendig: { amt: 'tiefbauamt', bezeichnung: 'Tiefbauamt', postfach: 'tiefbauamt@leichlingen.de' },
};

/** The open task of the element in the instance, as the clerk's list shows it, claimed by them. */
async function claimed(who: Credentials, processInstanceKey: string, elementId: string): Promise<string> {
  const key = await eventually(async () => {
    const listed = await as(test, who, 'get', '/api/tasks?limit=200');
    return (listed.body.tasks as { key: string; processInstanceKey: string; elementId: string }[])
      .find((task) => task.processInstanceKey === processInstanceKey && task.elementId === elementId)?.key;
  }, 10_000);
  expect((await as(test, who, 'post', `/api/tasks/${key}/claim`)).status).toBe(200);
  return key;
}

const complete = (who: Credentials, key: string, data: object) => as(test, who, 'post', `/api/tasks/${key}/complete`).send({ data });

describe('the four-eyes rule of the Rechnungsworkflow', () => {
  it('takes the names from the sign-in: the checking clerk cannot approve by typing a colleague\'s name, the colleague can', async () => {
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'rechnungsworkflow', variables: RECEIVED, startInstructions: [{ elementId: 'SachlichPruefen' }] });
    const instance = String(processInstanceKey);

    const check = await claimed(clerk.mueller, instance, 'SachlichPruefen');
    const checked = await complete(clerk.mueller, check, {
      pruefung: { ergebnis: 'SACHLICH_RICHTIG', rechnerischRichtig: true, kontierung: { sachkonto: '54310000', kostenstelle: '6600' }, geprueftVon: 'schmidt' },
    });
    expect(checked.status).toBe(200);
    expect(checked.body.variables.completedBy).toMatchObject({ username: 'mueller' });

    const approval = await claimed(clerk.mueller, instance, 'Freigeben');
    expect((await complete(clerk.mueller, approval, { freigabe: { ergebnis: 'FREIGEGEBEN', freigegebenVon: 'schmidt' } })).status).toBe(200);
    const again = await claimed(clerk.schmidt, instance, 'Freigeben');
    const opened = await as(test, clerk.schmidt, 'get', `/api/tasks/${again}`);
    expect(opened.body.variables).toMatchObject({ abgelehnteFreigabeVon: 'mueller', pruefung: { geprueftVon: 'mueller' } });
    expect((await complete(clerk.schmidt, again, { freigabe: { ergebnis: 'FREIGEGEBEN' } })).status).toBe(200);

    const handOver = await activateOne(engine, 'amtsflow:http-json:1');
    expect(String(handOver.processInstanceKey)).toBe(instance);
    expect(handOver.variables.body).toMatchObject({ aktenzeichen: 'RECH-2026-000007', sachlichRichtig: 'mueller', freigabe: 'schmidt' });
  });
});
