import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { instancesExporter } from '../exporters/instances-exporter.js';
import { storageTargets } from '../storage/storage-test-targets.js';
import { activateOne, bpmnProcess, eventually, flow, sequence, serviceTask, startTestEngine, type TestEngine, type TestEngineOptions } from './harness.js';

const anmeldung = () => bpmnProcess('hund-anmelden', sequence({ id: 'pruefen', xml: serviceTask('pruefen', 'hund-pruefen') })
  .replace('<bpmn:serviceTask id="pruefen">', '<bpmn:serviceTask id="pruefen" name="Rasse prüfen">'));

/** Every dog of `hunde` is checked in parallel by its own job. */
const jedenHundPruefen = () => bpmnProcess('hunde-pruefen', sequence({
  id: 'pruefen',
  xml: serviceTask('pruefen', 'hund-pruefen').replace('</bpmn:serviceTask>',
    '<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=hunde" inputElement="hund" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics></bpmn:serviceTask>'),
}));

/** A parent whose call activity runs `hund-anmelden`. */
const halterAnmelden = () => bpmnProcess('halter-anmelden', sequence({
  id: 'hund',
  xml: '<bpmn:callActivity id="hund"><bpmn:extensionElements><zeebe:calledElement processId="hund-anmelden" /></bpmn:extensionElements></bpmn:callActivity>',
}));

/** An output mapping that fails (a FEEL assertion) once the task completes with a small amount: an incident without a job. */
const brokenMapping = () => bpmnProcess('gebuehr', [
  '<bpmn:startEvent id="start" />',
  serviceTask('berechnen', 'gebuehr-berechnen', '<zeebe:ioMapping><zeebe:output source="=assert(betrag, betrag &gt; 100)" target="gebuehr" /></zeebe:ioMapping>'),
  '<bpmn:endEvent id="end" />',
  flow('f0', 'start', 'berechnen'), flow('f1', 'berechnen', 'end'),
].join('\n'));

/** What the operations view reads, every row, for comparing two exports. */
async function exportedRows(engine: TestEngine): Promise<unknown[]> {
  const { sql } = engine.running;
  return Promise.all([
    sql.query('SELECT * FROM process_instance ORDER BY process_instance_key'),
    sql.query('SELECT * FROM element_instance ORDER BY element_instance_key'),
    sql.query('SELECT * FROM variable ORDER BY scope_key, name'),
    sql.query('SELECT * FROM incident ORDER BY incident_key'),
  ]);
}

async function exportedEverything(engine: TestEngine): Promise<boolean> {
  const [row] = await engine.running.sql.query<{ exported: string | null; journal: string }>(
    `SELECT (SELECT position::text FROM exporter_position WHERE exporter = 'instances') AS exported, (SELECT max(position)::text FROM journal) AS journal`,
  );
  return row!.exported === row!.journal;
}

// Whole pages, as under load, and one batch per page, so that what starts in one page ends in another.
const PAGINGS = [{ paging: 'pages of many batches', recordsPerPage: 2_000 }, { paging: 'one batch per page', recordsPerPage: 1 }];

describe.each(storageTargets().flatMap((target) => PAGINGS.map((paging) => ({ ...paging, target, name: target.name }))))('process instances exported to $name in $paging', ({ target, recordsPerPage }) => {
  const started: TestEngine[] = [];
  const start = async (options: TestEngineOptions = {}) => {
    const fresh = target.freshOptions();
    const engine = await startTestEngine(fresh.dataDir, { databaseUrl: fresh.databaseUrl, schema: fresh.schema, ...options });
    started.push(engine);
    return engine;
  };
  let engine: TestEngine;

  beforeAll(async () => {
    await target.setUp();
    engine = await start({ exporterOptions: { recordsPerPage, retryDelayMs: { first: 10, max: 100 } } });
    for (const [name, xml] of [['hund.bpmn', anmeldung()], ['hunde.bpmn', jedenHundPruefen()], ['halter.bpmn', halterAnmelden()], ['gebuehr.bpmn', brokenMapping()]] as const) {
      await engine.zbc.deployResource({ name, process: xml });
    }
  });
  afterAll(async () => {
    await Promise.all(started.splice(0).map((running) => running.stop()));
    await target.tearDown();
  });

  it('records an instance with its active task, its history and variables, and its completion', async () => {
    const { reads } = engine.running;
    const created = await engine.zbc.createProcessInstance({ bpmnProcessId: 'hund-anmelden', variables: { rasse: 'Mops', halter: { name: 'Anna Schmidt' } } });
    const key = created.processInstanceKey;

    const running = await eventually(async () => (await reads.processInstance(key))?.activeElements.length === 1 && reads.processInstance(key));
    expect(running).toEqual({
      processInstanceKey: key, processDefinitionKey: created.processDefinitionKey, bpmnProcessId: 'hund-anmelden', version: 1,
      state: 'ACTIVE', activeIncidents: 0, startTime: expect.any(Date), endTime: null, parentProcessInstanceKey: null, parentElementInstanceKey: null,
      activeElements: [{ elementId: 'pruefen', active: 1, incidents: 0 }],
      completedElements: [{ elementId: 'start', completed: 1 }],
    });
    expect(Math.abs(running.startTime.getTime() - Date.now())).toBeLessThan(60_000);
    expect((await reads.variablesOf(key)).map(({ scopeKey, name, value }) => ({ scopeKey, name, value }))).toEqual([
      { scopeKey: key, name: 'halter', value: '{"name":"Anna Schmidt"}' },
      { scopeKey: key, name: 'rasse', value: '"Mops"' },
    ]);

    const job = await activateOne(engine, 'hund-pruefen');
    await engine.zbc.completeJob({ jobKey: job.key, variables: { rasse: 'Mops (Anlage 1: nein)', steuer: 96.5 } });
    const completed = await eventually(async () => (await reads.processInstance(key))?.state === 'COMPLETED' && reads.processInstance(key));
    expect(completed.endTime).toEqual(expect.any(Date));
    expect(completed.activeElements).toEqual([]);
    // The path taken, for the diagram: every element once, the process itself not counted.
    expect(completed.completedElements).toEqual([{ elementId: 'end', completed: 1 }, { elementId: 'pruefen', completed: 1 }, { elementId: 'start', completed: 1 }]);
    const history = await reads.elementHistory(key);
    expect(history.elements.map(({ elementId, elementType, state }) => [elementId, elementType, state])).toEqual([
      ['hund-anmelden', 'PROCESS', 'COMPLETED'],
      ['start', 'START_EVENT', 'COMPLETED'],
      ['pruefen', 'SERVICE_TASK', 'COMPLETED'],
      ['end', 'END_EVENT', 'COMPLETED'],
    ]);
    expect(history.elements[0]).toMatchObject({ elementInstanceKey: key, flowScopeKey: '-1' });
    expect(history.elements.slice(1).every((element) => element.flowScopeKey === key && element.endTime instanceof Date)).toBe(true);
    expect(await reads.variable(key, 'rasse')).toMatchObject({ value: '"Mops (Anlage 1: nein)"' });
    expect(await reads.variable(key, 'steuer')).toMatchObject({ value: '96.5', processInstanceKey: key });
  });

  it('records an incident with its message and job, and its resolution after new retries', async () => {
    const { reads } = engine.running;
    const { processInstanceKey: key } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'hund-anmelden', variables: {} });
    const job = await activateOne(engine, 'hund-pruefen');
    await engine.zbc.failJob({ jobKey: job.key, retries: 0, errorMessage: 'Register nicht erreichbar', retryBackOff: 0 });

    const [incident] = await eventually(async () => {
      const incidents = await reads.incidentsOf(key);
      return incidents.length === 1 && incidents;
    });
    expect(incident).toEqual({
      incidentKey: expect.stringMatching(/^\d+$/), processInstanceKey: key, processDefinitionKey: expect.any(String), elementId: 'pruefen',
      elementInstanceKey: expect.stringMatching(/^\d+$/), errorType: 'JOB_NO_RETRIES', errorMessage: 'Register nicht erreichbar', jobKey: job.key,
      state: 'ACTIVE', createdAt: expect.any(Date), resolvedAt: null,
    });
    expect(await reads.incidentByKey(incident!.incidentKey)).toEqual(incident);
    expect((await reads.elementInstance(incident!.elementInstanceKey))?.elementId).toBe('pruefen');
    expect(await reads.processInstance(key)).toMatchObject({ state: 'ACTIVE', activeIncidents: 1, activeElements: [{ elementId: 'pruefen', active: 1, incidents: 1 }] });
    expect((await reads.processInstances({ state: 'INCIDENT' })).instances.map((instance) => instance.processInstanceKey)).toEqual([key]);

    await engine.zbc.updateJobRetries({ jobKey: job.key, retries: 1 });
    await engine.zbc.resolveIncident({ incidentKey: incident!.incidentKey });
    expect(await eventually(async () => (await reads.incidentByKey(incident!.incidentKey))?.state === 'RESOLVED' && reads.incidentByKey(incident!.incidentKey)))
      .toMatchObject({ resolvedAt: expect.any(Date) });
    expect((await reads.processInstances({ state: 'INCIDENT' })).instances).toEqual([]);
    await engine.zbc.completeJob({ jobKey: (await activateOne(engine, 'hund-pruefen')).key, variables: {} });
    expect(await eventually(async () => (await reads.processInstance(key))?.state === 'COMPLETED')).toBe(true);
  });

  it('records an incident that has no job, and marks a canceled instance and its elements', async () => {
    const { reads } = engine.running;
    const { processInstanceKey: key } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'gebuehr', variables: {} });
    await engine.zbc.completeJob({ jobKey: (await activateOne(engine, 'gebuehr-berechnen')).key, variables: { betrag: 12 } });
    const [incident] = await eventually(async () => {
      const incidents = await reads.incidentsOf(key);
      return incidents.length === 1 && incidents;
    });
    expect(incident).toMatchObject({ errorType: 'IO_MAPPING_ERROR', jobKey: null, elementId: 'berechnen', state: 'ACTIVE' });
    expect(incident!.errorMessage.length).toBeGreaterThan(0);

    await engine.zbc.cancelProcessInstance(key);
    const canceled = await eventually(async () => (await reads.processInstance(key))?.state === 'CANCELED' && reads.processInstance(key));
    expect(canceled).toMatchObject({ activeIncidents: 0, activeElements: [], endTime: expect.any(Date) });
    expect((await reads.elementHistory(key)).elements.map(({ elementId, state }) => [elementId, state])).toEqual([
      ['gebuehr', 'TERMINATED'], ['start', 'COMPLETED'], ['berechnen', 'TERMINATED'],
    ]);
    expect((await reads.incidentByKey(incident!.incidentKey))?.state).toBe('RESOLVED');
  });

  it('counts the inner instances of a multi-instance activity, not its body', async () => {
    const { reads } = engine.running;
    const { processInstanceKey: key } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'hunde-pruefen', variables: { hunde: ['Bello', 'Luna', 'Rex'] } });
    const running = await eventually(async () => (await reads.processInstance(key))?.activeElements[0]?.active === 3 && reads.processInstance(key));
    expect(running.activeElements).toEqual([{ elementId: 'pruefen', active: 3, incidents: 0 }]);
    const types = (await reads.elementHistory(key)).elements.filter((element) => element.elementId === 'pruefen').map((element) => element.elementType);
    expect(types).toEqual(['MULTI_INSTANCE_BODY', 'SERVICE_TASK', 'SERVICE_TASK', 'SERVICE_TASK']);
    const innerScopes = new Set((await reads.variablesOf(key)).filter((variable) => variable.name === 'hund').map((variable) => variable.scopeKey));
    expect(innerScopes.size).toBe(3);
  });

  it('finds the instances whose own variable holds a value, without waiting: every instance acknowledged before', async () => {
    const { reads } = engine.running;
    const submissionId = `s-${recordsPerPage}-${Date.now()}`;
    const { processInstanceKey: key } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'hund-anmelden', variables: { submissionId, rasse: 'Mops' } });
    expect(await reads.findInstancesByVariable('submissionId', JSON.stringify(submissionId))).toEqual([key]);
    expect(await reads.findInstancesByVariable('submissionId', JSON.stringify(`${submissionId}-other`))).toEqual([]);
    expect(await reads.findInstancesByVariable('rasse', JSON.stringify(submissionId))).toEqual([]);
  });

  it('links an instance started by a call activity to its parent', async () => {
    const { reads } = engine.running;
    const { processInstanceKey: parentKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'halter-anmelden', variables: {} });
    const { instances: [child] } = await eventually(async () => {
      const page = await reads.processInstances({ parentProcessInstanceKey: parentKey });
      return page.instances.length === 1 && page;
    });
    expect(child).toMatchObject({ bpmnProcessId: 'hund-anmelden', state: 'ACTIVE', parentProcessInstanceKey: parentKey });
    const callActivity = await reads.elementInstance(child!.parentElementInstanceKey!);
    expect(callActivity).toMatchObject({ elementId: 'hund', elementType: 'CALL_ACTIVITY', processInstanceKey: parentKey, state: 'ACTIVE' });
    await engine.zbc.cancelProcessInstance(parentKey);
    expect(await eventually(async () => (await reads.processInstance(child!.processInstanceKey))?.state === 'CANCELED')).toBe(true);
  });

  it('lists instances newest first by process and version, page by page', async () => {
    const { reads } = engine.running;
    const v2 = (await engine.zbc.deployResource({ name: 'hund.bpmn', process: Buffer.from(anmeldung().toString().replace('Rasse prüfen', 'Rasse und Alter prüfen')) })).deployments[0].process;
    expect(v2.version).toBe(2);
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await engine.zbc.createProcessInstance({ bpmnProcessId: 'hund-anmelden', variables: { i } })).processInstanceKey);
    await eventually(async () => (await reads.processInstances({ bpmnProcessId: 'hund-anmelden', version: 2 })).instances.length === 5);

    const pages: string[][] = [];
    let cursor: string | null | undefined;
    do {
      const page = await reads.processInstances({ bpmnProcessId: 'hund-anmelden', version: 2, limit: 2, beforeKey: cursor ?? undefined });
      pages.push(page.instances.map((instance) => instance.processInstanceKey));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual([[created[4], created[3]], [created[2], created[1]], [created[0]]]);
    const version1 = (await reads.processInstances({ bpmnProcessId: 'hund-anmelden', version: 1, limit: 1000 })).instances;
    expect(version1.length).toBeGreaterThan(0);
    expect(version1.every((instance) => instance.version === 1 && !created.includes(instance.processInstanceKey))).toBe(true);
    expect((await reads.processInstances({ state: 'COMPLETED' })).instances.every((instance) => instance.state === 'COMPLETED')).toBe(true);
    expect(await reads.processInstances({ beforeKey: '99999999999999999999' })).toEqual({ instances: [], nextCursor: null });
    expect(await reads.processInstance('not-a-key')).toBeUndefined();
  });

  it('writes the same rows again when its position is reset', async () => {
    await eventually(() => exportedEverything(engine));
    const before = await exportedRows(engine);
    // The runner notices that its position moved, fails the pass and starts again from the reset position.
    await engine.running.sql.query(`UPDATE exporter_position SET position = 0 WHERE exporter = 'instances'`);
    await engine.zbc.createProcessInstance({ bpmnProcessId: 'gebuehr', variables: {} });
    await eventually(async () => (await exportedEverything(engine)) && (await engine.running.reads.processInstances({ bpmnProcessId: 'gebuehr' })).instances.length === 2, 10_000);
    const after = await exportedRows(engine) as unknown[][];
    const newest = after[0]!.at(-1) as { process_instance_key: unknown };
    const withoutNewest = after.map((rows) => rows.filter((row) => (row as { process_instance_key?: unknown }).process_instance_key !== newest.process_instance_key));
    expect(withoutNewest).toEqual(before);
  });
});

describe.each(storageTargets())('the instances exporter on $name', (target) => {
  beforeAll(() => target.setUp());
  afterAll(() => target.tearDown());

  it('exports without the resources exporter, and keeps text PostgreSQL cannot hold', async () => {
    const { dataDir, databaseUrl, schema } = target.freshOptions();
    const alone = await startTestEngine(dataDir, { databaseUrl, schema, exporters: [instancesExporter] });
    try {
      await alone.zbc.deployResource({ name: 'hund.bpmn', process: anmeldung() });
      const { processInstanceKey: key } = await alone.zbc.createProcessInstance({ bpmnProcessId: 'hund-anmelden', variables: { 'name\u0000': 'a\u0000b' } });
      const job = await activateOne(alone, 'hund-pruefen');
      await alone.zbc.failJob({ jobKey: job.key, retries: 0, errorMessage: 'kaputt\u0000', retryBackOff: 0 });
      const { reads } = alone.running;
      expect(await eventually(() => reads.processInstance(key))).toMatchObject({ bpmnProcessId: 'hund-anmelden', version: 1 });
      expect((await eventually(async () => (await reads.incidentsOf(key))[0]))?.errorMessage).toBe('kaputt\uFFFD');
      expect(await reads.variablesOf(key)).toEqual([expect.objectContaining({ name: 'name\uFFFD', value: '"a\\u0000b"' })]);
    } finally {
      await alone.stop();
    }
  });
});
