import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { storageTargets, type StorageTarget } from '../storage/storage-test-targets.js';
import { bpmnProcess, eventually, rawGateway, sequence, serviceTask, startTestEngine, unaryCall, type TestEngine, type TestEngineOptions } from './harness.js';

const hundProcess = (label: string) => bpmnProcess('hund-anmelden', sequence({ id: 'pruefen', xml: serviceTask('pruefen', 'hund-pruefen') }))
  .toString('utf8').replace('<bpmn:serviceTask id="pruefen">', `<bpmn:serviceTask id="pruefen" name="${label}">`);
const hundForm = (label: string) => JSON.stringify({ id: 'hund-form', type: 'default', components: [{ type: 'textfield', key: 'rasse', label }] }, null, 2);

async function deleteResource(engine: TestEngine, resourceKey: string): Promise<void> {
  const raw = rawGateway(engine.running.gatewayAddress);
  try {
    await unaryCall(raw, 'DeleteResource', { resourceKey });
  } finally {
    raw.close();
  }
}

async function positions(engine: TestEngine): Promise<{ exported: number; journal: number }> {
  const [row] = await engine.running.sql.query<{ exported: string | null; journal: string }>(
    `SELECT (SELECT position::text FROM exporter_position WHERE exporter = 'resources') AS exported,
            (SELECT max(position)::text FROM journal) AS journal`,
  );
  return { exported: Number(row!.exported ?? 0), journal: Number(row!.journal) };
}

describe.each(storageTargets())('deployed resources exported to $name', (target: StorageTarget) => {
  const started: TestEngine[] = [];
  /** An engine with its own schema; `again` restarts on the data of an engine stopped before. */
  const start = async (options: TestEngineOptions = {}, again?: { dataDir: string; schema?: string }) => {
    const fresh = target.freshOptions();
    const dataDir = again?.dataDir ?? fresh.dataDir;
    const engine = await startTestEngine(dataDir, { databaseUrl: fresh.databaseUrl, schema: again?.schema ?? fresh.schema, ...options });
    started.push(engine);
    return engine;
  };
  const stop = async (engine: TestEngine) => {
    started.splice(started.indexOf(engine), 1);
    await engine.stop();
  };

  beforeAll(() => target.setUp());
  afterAll(async () => {
    await Promise.all(started.splice(0).map((engine) => engine.stop()));
    await target.tearDown();
  });

  it('makes a deployed process readable by key with its exact BPMN XML, and a form with its exact schema', async () => {
    const engine = await start();
    const xml = hundProcess('Rasse prüfen – Anlage 1 LHundG NRW');
    const process = (await engine.zbc.deployResource({ name: 'hund.bpmn', process: Buffer.from(xml) })).deployments[0].process;
    const schema = hundForm('Rasse (laut Heimtierausweis)');
    const deployedForm = await engine.zbc.deployResource({ name: 'hund.form', form: Buffer.from(schema) });
    const formKey = String(deployedForm.deployments[0].form.formKey);
    const { reads } = engine.running;

    expect(await eventually(() => reads.processDefinitionByKey(process.processDefinitionKey))).toEqual({
      processDefinitionKey: process.processDefinitionKey,
      bpmnProcessId: 'hund-anmelden',
      version: 1,
      resourceName: 'hund.bpmn',
      deploymentKey: expect.stringMatching(/^\d+$/),
      deletedAt: null,
      resource: xml,
    });
    const expectedForm = {
      formKey, formId: 'hund-form', version: 1, resourceName: 'hund.form', schema, deploymentKey: String(deployedForm.key), deletedAt: null,
    };
    expect(await eventually(() => reads.formByKey(formKey))).toEqual(expectedForm);
    expect(await reads.latestForm('hund-form')).toEqual(expectedForm);
    expect(await reads.processDefinitions()).toEqual([expect.objectContaining({ processDefinitionKey: process.processDefinitionKey, version: 1 })]);
    expect(await reads.formByKey('2251799813685249000')).toBeUndefined();
    expect(await reads.processDefinitionByKey('not-a-key')).toBeUndefined();
    await stop(engine);
  });

  it('makes a deployed decision requirements graph readable by key with its exact DMN XML and its decisions, deletion marked', async () => {
    const engine = await start();
    const dmn = `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="gebuehren" name="Gebühren" namespace="x"><decision id="gebuehr" name="Gebühr für die Anmeldung"><literalExpression><text>12.5</text></literalExpression></decision></definitions>`;
    const deployed = await engine.zbc.deployResource({ name: 'gebuehren.dmn', process: Buffer.from(dmn) }) as unknown as {
      deployments: Array<{ decisionRequirements?: { decisionRequirementsKey: string }; decision?: { decisionKey: string } }>;
    };
    const requirementsKey = deployed.deployments.find((d) => d.decisionRequirements)!.decisionRequirements!.decisionRequirementsKey;
    const decisionKey = deployed.deployments.find((d) => d.decision)!.decision!.decisionKey;
    const { reads } = engine.running;
    expect(await eventually(() => reads.decisionRequirementsByKey(requirementsKey))).toMatchObject({
      decisionRequirementsId: 'gebuehren', name: 'Gebühren', version: 1, resourceName: 'gebuehren.dmn', resource: dmn, deletedAt: null,
      decisions: [{ decisionKey, decisionId: 'gebuehr', name: 'Gebühr für die Anmeldung', version: 1 }],
    });
    await deleteResource(engine, requirementsKey);
    expect(await eventually(async () => (await reads.decisionRequirementsByKey(requirementsKey))?.deletedAt ?? undefined)).toBeInstanceOf(Date);
    await stop(engine);
  });

  it('resolves the form a start event links by id to its latest version, and reads an embedded start form', async () => {
    const engine = await start();
    const linked = Buffer.from(hundProcess('Prüfen').replace('<bpmn:startEvent id="start" />',
      '<bpmn:startEvent id="start"><bpmn:extensionElements><zeebe:formDefinition formId="hund-form" /></bpmn:extensionElements></bpmn:startEvent>'));
    const process = (await engine.zbc.deployResource({ name: 'hund.bpmn', process: linked })).deployments[0].process;
    const v1 = await engine.zbc.deployResource({ name: 'hund.form', form: Buffer.from(hundForm('Rasse')) });
    const { reads } = engine.running;
    expect(await eventually(() => reads.startFormOf(process.processDefinitionKey))).toEqual({
      formKey: String(v1.deployments[0].form.formKey), schema: hundForm('Rasse'), formId: 'hund-form', version: 1,
    });
    const v2 = await engine.zbc.deployResource({ name: 'hund.form', form: Buffer.from(hundForm('Rasse laut Heimtierausweis')) });
    expect(await eventually(async () => (await reads.startFormOf(process.processDefinitionKey))?.version === 2 && reads.startFormOf(process.processDefinitionKey)))
      .toMatchObject({ formKey: String(v2.deployments[0].form.formKey), version: 2 });

    const embeddedSchema = JSON.stringify({ components: [{ type: 'textfield', key: 'fundort', label: 'Fundort' }], type: 'default' });
    const embedded = bpmnProcess('fund-melden', '<bpmn:startEvent id="s"><bpmn:extensionElements><zeebe:formDefinition formKey="camunda-forms:bpmn:fund" /></bpmn:extensionElements></bpmn:startEvent><bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" />')
      .toString('utf8').replace('<bpmn:process id="fund-melden" isExecutable="true">',
        `<bpmn:process id="fund-melden" isExecutable="true"><bpmn:extensionElements><zeebe:userTaskForm id="fund">${embeddedSchema.replace(/"/g, '&quot;')}</zeebe:userTaskForm></bpmn:extensionElements>`);
    const fund = (await engine.zbc.deployResource({ name: 'fund.bpmn', process: Buffer.from(embedded) })).deployments[0].process;
    expect(await eventually(() => reads.startFormOf(fund.processDefinitionKey))).toEqual({ formKey: 'camunda-forms:bpmn:fund', schema: embeddedSchema });
    await stop(engine);
  });

  it('lists every version, and marks deleted ones with the time of deletion instead of removing them', async () => {
    const engine = await start();
    const { zbc, running: { reads } } = engine;
    const processKeys: string[] = [];
    for (const label of ['Prüfen', 'Rasse prüfen']) {
      processKeys.push((await zbc.deployResource({ name: 'hund.bpmn', process: Buffer.from(hundProcess(label)) })).deployments[0].process.processDefinitionKey);
    }
    const formKeys: string[] = [];
    for (const label of ['Rasse', 'Rasse (laut Heimtierausweis)']) {
      formKeys.push(String((await zbc.deployResource({ name: 'hund.form', form: Buffer.from(hundForm(label)) })).deployments[0].form.formKey));
    }
    const beforeDeletion = Date.now();
    await deleteResource(engine, processKeys[1]!);
    await deleteResource(engine, formKeys[1]!);

    // Exported in journal order, so once the form's deletion is there, everything before it is too.
    const deletedAt = await eventually(async () => (await reads.formByKey(formKeys[1]!))?.deletedAt ?? undefined);
    expect(deletedAt.getTime()).toBeGreaterThanOrEqual(beforeDeletion - 1000);
    expect((await reads.latestForm('hund-form'))?.formKey).toBe(formKeys[0]);
    expect((await reads.processDefinitions()).map((row) => [row.processDefinitionKey, row.version])).toEqual([[processKeys[0], 1]]);
    expect((await reads.processDefinitions({ includeDeleted: true })).map((row) => [row.version, row.deletedAt instanceof Date])).toEqual([[1, false], [2, true]]);
    expect(await reads.processDefinitionByKey(processKeys[1]!)).toMatchObject({ version: 2, deletedAt: expect.any(Date), resource: hundProcess('Rasse prüfen') });
    await stop(engine);
  });

  it('resumes after a restart from where it stopped, exporting what it missed once', async () => {
    const first = await start();
    const v1 = (await first.zbc.deployResource({ name: 'hund.bpmn', process: Buffer.from(hundProcess('Prüfen')) })).deployments[0].process;
    const form = (await first.zbc.deployResource({ name: 'hund.form', form: Buffer.from(hundForm('Rasse')) })).deployments[0].form;
    await eventually(() => first.running.reads.formByKey(String(form.formKey)));
    const where = { dataDir: first.dataDir, schema: await schemaOf(first) };
    await stop(first);

    // An engine that runs no exporter moves the journal on without the export.
    const second = await start({ exporters: [] }, where);
    const v2 = (await second.zbc.deployResource({ name: 'hund.bpmn', process: Buffer.from(hundProcess('Rasse prüfen')) })).deployments[0].process;
    await deleteResource(second, String(form.formKey));
    const behind = await positions(second);
    expect(behind.exported).toBeGreaterThan(0);
    expect(behind.exported).toBeLessThan(behind.journal);
    await stop(second);

    const third = await start({}, where);
    await eventually(async () => {
      const { exported, journal } = await positions(third);
      return exported === journal;
    });
    const rows = await third.running.sql.query<{ key: string; version: number; copies: string }>(
      'SELECT process_definition_key::text AS key, version, count(*)::text AS copies FROM process_definition GROUP BY process_definition_key, version ORDER BY version',
    );
    expect(rows).toEqual([{ key: v1.processDefinitionKey, version: 1, copies: '1' }, { key: v2.processDefinitionKey, version: 2, copies: '1' }]);
    expect((await third.running.reads.formByKey(String(form.formKey)))?.deletedAt).toEqual(expect.any(Date));
    await stop(third);
  });

  it('keeps answering commands while the exporter cannot write, and exports everything once it can again', async () => {
    const engine = await start({ exporterOptions: { retryDelayMs: { first: 10, max: 100 } } });
    const { zbc, running: { reads, sql } } = engine;
    await zbc.deployResource({ name: 'hund.bpmn', process: Buffer.from(hundProcess('Prüfen')) });
    await sql.exec('ALTER TABLE form_definition RENAME TO form_definition_gone');

    const form = (await zbc.deployResource({ name: 'hund.form', form: Buffer.from(hundForm('Rasse')) })).deployments[0].form;
    const instance = await zbc.createProcessInstance({ bpmnProcessId: 'hund-anmelden', variables: { rasse: 'Mops' } });
    const [job] = await zbc.activateJobs({ type: 'hund-pruefen', worker: 'test', maxJobsToActivate: 1, timeout: 30_000, requestTimeout: 2000 });
    expect(job?.processInstanceKey).toBe(instance.processInstanceKey);
    await zbc.completeJob({ jobKey: job!.key, variables: {} });
    expect((await positions(engine)).exported).toBeLessThan((await positions(engine)).journal);

    await sql.exec('ALTER TABLE form_definition_gone RENAME TO form_definition');
    expect(await eventually(() => reads.formByKey(String(form.formKey)))).toMatchObject({ formId: 'hund-form', version: 1 });
    await eventually(async () => {
      const { exported, journal } = await positions(engine);
      return exported === journal;
    });
    await stop(engine);
  });

  // PGlite has one session, so no other session can hold a lock there
  if (target.name === 'PostgreSQL') it('keeps answering commands while another session holds a lock on the exporter\'s table', async () => {
    const engine = await start();
    const schema = await schemaOf(engine);
    const { zbc, running: { reads, sql } } = engine;
    await zbc.deployResource({ name: 'hund.bpmn', process: Buffer.from(hundProcess('Prüfen')) });
    await eventually(async () => (await reads.processDefinitions()).length === 1);

    const locker = new pg.Client({ connectionString: process.env.AMTSFLOW_TEST_DATABASE_URL });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      // SHARE mode lets readers through but makes every INSERT wait.
      await locker.query(`LOCK TABLE ${schema}.process_definition IN SHARE MODE`);
      const v2 = (await zbc.deployResource({ name: 'hund.bpmn', process: Buffer.from(hundProcess('Rasse prüfen')) })).deployments[0].process;
      await eventually(async () => {
        const waiting = await sql.query(
          `SELECT 1 FROM pg_locks JOIN pg_class ON pg_class.oid = pg_locks.relation
           WHERE NOT pg_locks.granted AND pg_class.relname = 'process_definition' AND pg_class.relnamespace = $1::regnamespace`,
          [schema],
        );
        return waiting.length > 0;
      });

      const instance = await zbc.createProcessInstance({ bpmnProcessId: 'hund-anmelden', variables: {} });
      expect(instance.processDefinitionKey).toBe(v2.processDefinitionKey);
      expect(await reads.processDefinitionByKey(v2.processDefinitionKey)).toBeUndefined();
      await locker.query('COMMIT');
      expect(await eventually(() => reads.processDefinitionByKey(v2.processDefinitionKey))).toMatchObject({ version: 2 });
    } finally {
      await locker.end();
    }
    await stop(engine);
  });
});

async function schemaOf(engine: TestEngine): Promise<string> {
  const [row] = await engine.running.sql.query<{ schema: string }>('SELECT current_schema() AS schema');
  return row!.schema;
}
