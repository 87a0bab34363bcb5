/** Every reference resource is one the platform accepts: forms the validator can judge, decisions and processes the engine deploys. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestEngine, type TestEngine } from '../connectors/testing/engine-test-support.js';
import { checkSchema } from '../forms/index.js';
import { citizenServices, REFERENCE_PROCESSES, referenceResourceFiles } from './index.js';
import { deployReferenceResources } from './testing/process-test-bed.js';

const forms = referenceResourceFiles().filter((file) => file.endsWith('.form'));

describe('the forms', () => {
  it.each(forms.map((file) => [path.basename(file), file]))('%s is a form-js 1.x schema the validator can judge', (_name, file) => {
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { id: string; schemaVersion: number };
    expect(checkSchema(schema)).toEqual([]);
    expect(schema.schemaVersion).toBe(19);
    expect(`${schema.id}.form`).toBe(path.basename(file));
  });
});

describe('deploying', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await startTestEngine();
  });
  afterAll(() => engine.destroy());

  it('deploys every form, decision and process on the embedded engine, in the listed order', async () => {
    const forms = await deployReferenceResources(engine.zbc);
    expect([...forms.byId.keys()].sort()).toEqual(forms.byKey.size === forms.byId.size ? [...forms.byId.keys()].sort() : []);
  });

  it('starts every citizen service by its id, and each has a start form among the forms', () => {
    const formIds = new Set(forms.map((file) => path.basename(file, '.form')));
    for (const service of citizenServices()) {
      expect(formIds.has(service.startFormId!)).toBe(true);
      const bpmn = REFERENCE_PROCESSES.flatMap((each) => each.resources.processes).map((file) => readFileSync(file, 'utf8'))
        .find((xml) => xml.includes(`<bpmn:process id="${service.bpmnProcessId}"`));
      expect(bpmn).toContain(`<zeebe:formDefinition formId="${service.startFormId}" />`);
    }
  });
});
