import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bpmnProcess, sequence, serviceTask, startTestEngine, type TestEngine } from '../../engine/tests/harness.js';
import { as, createStaff, signIn, startTestServer, type Credentials, type TestServer } from '../tests/test-server.js';

let engine: TestEngine;
let test: TestServer;
let manager: Credentials;
beforeAll(async () => {
  engine = await startTestEngine();
  test = await startTestServer({ gatewayAddress: engine.running.gatewayAddress });
  await createStaff(test.server, 'pm', ['process-manager']);
  manager = await signIn(test, 'pm');
});
afterAll(async () => {
  await test.stop();
  await engine.destroy();
});

const userTaskProcess = (id: string, formId: string) => bpmnProcess(id, sequence({
  id: 'check',
  xml: `<bpmn:userTask id="check"><bpmn:extensionElements><zeebe:formDefinition formId="${formId}" /><zeebe:assignmentDefinition candidateGroups="kaemmerei" /></bpmn:extensionElements></bpmn:userTask>`,
}));
const form = (id: string, label: string) => Buffer.from(JSON.stringify({ id, type: 'default', schemaVersion: 16, components: [{ type: 'textfield', key: 'name', label }] }));

/** A one-rule table: the tax rate for any year, as `rate` (a FEEL text). */
const taxRates = (rate: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="steuerDrg" name="Steuersätze" namespace="http://amtsflow.test/dmn">
  <decision id="steuersatz" name="Steuersatz">
    <decisionTable id="steuersatzTabelle" hitPolicy="FIRST">
      <input id="jahrEingabe" label="Jahr"><inputExpression id="jahrAusdruck" typeRef="number"><text>jahr</text></inputExpression></input>
      <output id="satzAusgabe" label="Satz (EUR)" name="satz" typeRef="number" />
      <rule id="regelEins"><inputEntry id="regelEinsJahr"><text>-</text></inputEntry><outputEntry id="regelEinsSatz"><text>${rate}</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>
`);

const deploy = (files: { name: string; content: Buffer }[], who: Credentials | undefined = manager) => {
  const call = as(test, who, 'post', '/api/deployments');
  for (const file of files) call.attach('files', file.content, file.name);
  return call;
};

describe('deployments', () => {
  it('deploys a process and its form in one upload, forms first, and records keys and versions', async () => {
    const response = await deploy([
      { name: 'hund.bpmn', content: userTaskProcess('hund-anmelden', 'hund-form') },
      { name: 'hund.form', content: form('hund-form', 'Name des Hundes') },
    ]);
    expect(response.status).toBe(201);
    expect(response.body.deployed.map((entry: { resourceName: string }) => entry.resourceName)).toEqual(['hund.form', 'hund.bpmn']);
    expect(response.body.deployed[1].definitions).toEqual([
      { kind: 'process', id: 'hund-anmelden', version: 1, key: expect.stringMatching(/^\d+$/), tenantId: '<default>' },
    ]);
    expect(response.body.deployed[0].definitions[0]).toMatchObject({ kind: 'form', id: 'hund-form', version: 1 });
    const audited = await test.server.context.audit.list({ action: 'deployment.created', limit: 10 });
    expect(audited.entries.map((entry) => entry.details.resourceName)).toEqual(['hund.bpmn', 'hund.form']);
    expect(audited.entries[0].actor).toMatchObject({ kind: 'staff', id: manager.userId, name: 'pm' });
  });

  it('lists processes with their versions and serves the XML of every version', async () => {
    const v2 = userTaskProcess('hund-anmelden', 'hund-form-2');
    expect((await deploy([{ name: 'hund.bpmn', content: v2 }])).status).toBe(201);
    const list = await as(test, manager, 'get', '/api/processes');
    expect(list.status).toBe(200);
    const hund = list.body.processes.find((p: { id: string }) => p.id === 'hund-anmelden');
    expect(hund.latestVersion).toBe(2);
    expect(hund.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(hund.versions[0]).toMatchObject({ resourceName: 'hund.bpmn', deployedBy: { id: manager.userId, username: 'pm' } });
    const xml1 = await as(test, manager, 'get', '/api/processes/hund-anmelden/versions/1/xml');
    expect(xml1.status).toBe(200);
    expect(xml1.headers['content-type']).toMatch(/^application\/xml/);
    expect(xml1.text).toContain('formId="hund-form"');
    const xml2 = await as(test, manager, 'get', '/api/processes/hund-anmelden/versions/2/xml');
    expect(xml2.text).toBe(v2.toString());
    expect((await as(test, manager, 'get', '/api/processes/hund-anmelden/versions/3/xml')).status).toBe(404);
    expect((await as(test, manager, 'get', '/api/processes/hund-anmelden/versions/zwei/xml')).status).toBe(400);
  });

  it('keeps the version when the same file is deployed again', async () => {
    const again = await deploy([{ name: 'hund.form', content: form('hund-form', 'Name des Hundes') }]);
    expect(again.body.deployed[0].definitions[0]).toMatchObject({ id: 'hund-form', version: 1 });
    const forms = await as(test, manager, 'get', '/api/forms');
    expect(forms.body.forms.find((f: { id: string }) => f.id === 'hund-form').versions).toHaveLength(1);
    const schema = await as(test, manager, 'get', '/api/forms/hund-form/versions/1/schema');
    expect(JSON.parse(schema.text)).toMatchObject({ id: 'hund-form' });
  });

  it('reads a form by its key, for the modules that show forms', async () => {
    const deployed = await deploy([{ name: 'fund.form', content: form('fundsache', 'Was wurde gefunden?') }]);
    const key = deployed.body.deployed[0].definitions[0].key as string;
    const { DeploymentStore } = await import('./deployment-store.js');
    const stored = await new DeploymentStore(test.server.context.sql).contentByKey(key);
    expect(stored).toMatchObject({ kind: 'form', id: 'fundsache', version: 1, resourceName: 'fund.form' });
    expect(JSON.parse(stored!.content).components[0].label).toBe('Was wurde gefunden?');
  });

  it('lists decision requirements graphs with their versions and decisions, and serves the DMN of every version', async () => {
    const v1 = taxRates('125');
    const v2 = taxRates('130');
    expect((await deploy([{ name: 'steuer.dmn', content: v1 }])).status).toBe(201);
    const second = await deploy([{ name: 'steuer.dmn', content: v2 }]);
    expect(second.status).toBe(201);
    expect(second.body.deployed[0].definitions).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'decision-requirements', id: 'steuerDrg', name: 'Steuersätze', version: 2 }),
      expect.objectContaining({ kind: 'decision', id: 'steuersatz', name: 'Steuersatz', version: 2 }),
    ]));
    const list = await as(test, manager, 'get', '/api/decisions');
    expect(list.status).toBe(200);
    const drg = list.body.decisions.find((entry: { id: string }) => entry.id === 'steuerDrg');
    expect(drg.latestVersion).toBe(2);
    expect(drg.versions.map((version: { version: number }) => version.version)).toEqual([2, 1]);
    expect(drg.versions[0]).toMatchObject({
      name: 'Steuersätze', resourceName: 'steuer.dmn', deployedBy: { id: manager.userId, username: 'pm' },
      decisions: [{ id: 'steuersatz', name: 'Steuersatz', key: expect.stringMatching(/^\d+$/) }],
    });
    const xml1 = await as(test, manager, 'get', '/api/decisions/steuerDrg/versions/1/xml');
    expect(xml1.status).toBe(200);
    expect(xml1.headers['content-type']).toMatch(/^application\/xml/);
    expect(xml1.text).toBe(v1.toString());
    expect((await as(test, manager, 'get', '/api/decisions/steuerDrg/versions/2/xml')).text).toContain('<text>130</text>');
    expect((await as(test, manager, 'get', '/api/decisions/steuerDrg/versions/3/xml')).status).toBe(404);
  });

  it('answers a decision table with broken FEEL with the decision and the rule at fault', async () => {
    const response = await deploy([{ name: 'kaputt.dmn', content: taxRates('125 *') }]);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      type: 'urn:amtsflow:problem:deployment-rejected',
      resourceName: 'kaputt.dmn',
      elements: [{ elementId: 'steuersatz', path: 'regelEins > outputEntry 1', messages: [expect.stringContaining("failed to parse expression '125 *'")] }],
    });
    expect((await as(test, manager, 'get', '/api/decisions')).body.decisions.find((entry: { id: string }) => entry.id === 'steuerDrg').latestVersion).toBe(2);
  });

  it('answers a rejected process with problem+json 400, the engine\'s message and the element ids', async () => {
    const broken = bpmnProcess('broken', sequence({ id: 'noType', xml: serviceTask('noType', '') }));
    const response = await deploy([{ name: 'broken.bpmn', content: broken }]);
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      type: 'urn:amtsflow:problem:deployment-rejected',
      resourceName: 'broken.bpmn',
      detail: expect.stringContaining('- Element: noType'),
      elements: [expect.objectContaining({ elementId: 'noType' })],
      deployed: [],
    });
    expect(response.body.errors[0]).toEqual({ pointer: '#/elements/noType', detail: expect.stringContaining('type') });
    expect((await test.server.context.audit.list({ action: 'deployment.rejected', limit: 1 })).entries[0].details.resourceName).toBe('broken.bpmn');
    expect((await as(test, manager, 'get', '/api/processes')).body.processes.some((p: { id: string }) => p.id === 'broken')).toBe(false);
  });

  it('says which files were deployed before a rejection', async () => {
    const broken = bpmnProcess('broken-2', sequence({ id: 'bad', xml: serviceTask('bad', '') }));
    const response = await deploy([{ name: 'b.bpmn', content: broken }, { name: 'ok.form', content: form('ok-form', 'x') }]);
    expect(response.status).toBe(400);
    expect(response.body.deployed).toEqual(['ok.form']);
  });

  it('refuses files it cannot deploy before asking the engine', async () => {
    const wrongKind = await deploy([{ name: 'notes.txt', content: Buffer.from('hello') }]);
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.errors).toEqual([{ pointer: '/files/0', detail: expect.stringContaining('.bpmn') }]);
    const notUtf8 = await deploy([{ name: 'latin1.bpmn', content: Buffer.from([0x3c, 0x61, 0xe4, 0x3e]) }]);
    expect(notUtf8.body.errors[0].detail).toContain('UTF-8');
    const twice = await deploy([{ name: 'a.form', content: form('a', 'x') }, { name: 'a.form', content: form('a', 'y') }]);
    expect(twice.body.errors[0].detail).toContain('twice');
    const none = await as(test, manager, 'post', '/api/deployments').field('note', 'no files');
    expect(none.status).toBe(400);
    const json = await as(test, manager, 'post', '/api/deployments').send({ files: [] });
    expect(json.status).toBe(415);
    const garbage = await as(test, manager, 'post', '/api/deployments').set('Content-Type', 'multipart/form-data; boundary=zzz').send('not multipart at all');
    expect(garbage.status).toBe(400);
  });

  it('refuses an upload over the size limit with 413', async () => {
    const small = await startTestServer({ gatewayAddress: engine.running.gatewayAddress, env: { AMTSFLOW_MAX_UPLOAD_BYTES: '2048' } });
    try {
      await createStaff(small.server, 'pm', ['process-manager']);
      const pm = await signIn(small, 'pm');
      const response = await as(small, pm, 'post', '/api/deployments').attach('files', Buffer.alloc(4096, 'x'), 'big.bpmn');
      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    } finally {
      await small.stop();
    }
  });
});
