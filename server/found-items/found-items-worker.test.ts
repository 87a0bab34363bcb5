/**
 * The register's worker inside a running server, against the embedded engine: a process's `record-find` task puts
 * the find into the public search; a task with wrong inputs or an unknown operation becomes an incident naming them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, eventually, sequence, serviceTask, startTestEngine, type TestEngine } from '../../engine/tests/harness.js';
import { startTestServer, type TestServer } from '../tests/test-server.js';
import { FOUND_ITEMS_JOB_TYPE } from './found-items-operations.js';

let engine: TestEngine;
let test: TestServer;

const registerTask = (operation: string, inputs: Record<string, string>) => serviceTask('Register', FOUND_ITEMS_JOB_TYPE,
  `<zeebe:ioMapping>${Object.entries(inputs).map(([target, source]) => `<zeebe:input source="${source}" target="${target}" />`).join('')}</zeebe:ioMapping>` +
  `<zeebe:taskHeaders><zeebe:header key="operation" value="${operation}" /></zeebe:taskHeaders>`, '1');

beforeAll(async () => {
  engine = await startTestEngine();
  test = await startTestServer({ gatewayAddress: engine.running.gatewayAddress });
  const recordFind = registerTask('record-find', {
    aktenzeichen: '=aktenzeichen', kategorie: '=kategorie', oeffentlicheBeschreibung: '=beschreibung', oeffentlicherFundort: '=ort', fundDatum: '=datum',
  });
  await engine.zbc.deployResource({ name: 'record.bpmn', process: bpmnProcess('record', sequence({ id: 'Register', xml: recordFind })) });
  await engine.zbc.deployResource({ name: 'unknown.bpmn', process: bpmnProcess('unknown', sequence({ id: 'Register', xml: registerTask('shred-everything', {}) })) });
}, 60_000);
afterAll(async () => {
  await test.stop();
  await engine.destroy();
});

const incidentsOf = (key: string) => [...engine.running.engine.state.incidents.values()].filter((incident) => String(incident.processInstanceKey) === key);

describe('the found-items worker in the server', () => {
  it('records a find from a process task, which the public search then lists', async () => {
    const { processInstanceKey } = await engine.zbc.createProcessInstance({
      bpmnProcessId: 'record', variables: { aktenzeichen: 'FUND-2026-000777', kategorie: 'BRILLE', beschreibung: 'Sonnenbrille', ort: 'Stadtpark', datum: '2026-11-28' },
    });
    await eventually(() => !engine.running.engine.state.elementInstances.has(Number(processInstanceKey)), 15_000);
    const listed = await test.http.get('/api/portal/found-items?category=BRILLE');
    expect(listed.body.items).toEqual([{ aktenzeichen: 'FUND-2026-000777', category: 'BRILLE', description: 'Sonnenbrille', place: 'Stadtpark', foundOn: '2026-11-28' }]);
  });

  it('raises an incident naming the missing or malformed inputs, without retrying', async () => {
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'record', variables: { aktenzeichen: 'FUND-2026-000778', kategorie: 'BRILLE', datum: '28.11.2026' } });
    const [incident] = await eventually(() => incidentsOf(processInstanceKey).length > 0 && incidentsOf(processInstanceKey), 15_000);
    expect(incident.errorMessage).toContain('oeffentlicheBeschreibung must be a text');
    expect(incident.errorMessage).toContain('oeffentlicherFundort must be a text');
    expect(incident.errorMessage).toContain('fundDatum must be a date (YYYY-MM-DD)');
    expect((await test.http.get('/api/portal/found-items?category=BRILLE')).body.total).toBe(1);
  });

  it('raises an incident for an operation it does not know', async () => {
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'unknown', variables: {} });
    const [incident] = await eventually(() => incidentsOf(processInstanceKey).length > 0 && incidentsOf(processInstanceKey), 15_000);
    expect(incident.errorMessage).toMatch(/the task header operation must be one of record-find, .* \(not 'shred-everything'\)/);
  });
});
