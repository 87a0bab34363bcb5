/**
 * DMN through the gateway: deploying decisions, business rule tasks that call them, EvaluateDecision, deleting a
 * decision requirements graph, and decisions after a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import {
  bpmnProcess, eventually, flow, rawGateway, startTestEngine, unaryCall, type TestEngine,
} from './harness.js';

const fixture = (name: string) => readFileSync(new URL(`../dmn/test-fixtures/${name}`, import.meta.url));

let engine: TestEngine;
beforeAll(async () => {
  engine = await startTestEngine();
  await engine.zbc.deployResource({ name: 'ordnungsamt-routing.dmn', process: fixture('ordnungsamt-routing.dmn') });
});
afterAll(async () => engine.destroy());

function classify(decisionId: string, resultVariable = 'routing'): Buffer {
  return bpmnProcess(`classify-${decisionId}`, [
    '<bpmn:startEvent id="start" />',
    `<bpmn:businessRuleTask id="classify"><bpmn:extensionElements><zeebe:calledDecision decisionId="${decisionId}" resultVariable="${resultVariable}" /></bpmn:extensionElements></bpmn:businessRuleTask>`,
    '<bpmn:endEvent id="end" />', flow('f1', 'start', 'classify'), flow('f2', 'classify', 'end'),
  ].join(''));
}

const labrador = { breed: 'Labrador Retriever', einzelfallGefaehrlich: false, expectedAdultHeightCm: 57, expectedAdultWeightKg: 30 };

describe('deploying DMN', () => {
  it('answers with the decision requirements and each decision, and a second deploy of the same file keeps the versions', async () => {
    const deployed = await engine.zbc.deployResource({ name: 'hundesteuer.dmn', process: fixture('hundesteuer.dmn') }) as unknown as {
      deployments: Array<{ decisionRequirements?: Record<string, unknown>; decision?: Record<string, unknown> }>;
    };
    const requirements = deployed.deployments.flatMap((d) => (d.decisionRequirements ? [d.decisionRequirements] : []));
    const decisions = deployed.deployments.flatMap((d) => (d.decision ? [d.decision] : []));
    expect(requirements).toEqual([expect.objectContaining({ version: 1, resourceName: 'hundesteuer.dmn', decisionRequirementsKey: expect.stringMatching(/^\d+$/) })]);
    expect(decisions.map((d) => d.dmnDecisionId)).toContain('hundesteuer');
    expect(new Set(decisions.map((d) => d.decisionRequirementsKey))).toEqual(new Set([requirements[0].decisionRequirementsKey]));
    const again = await engine.zbc.deployResource({ name: 'hundesteuer.dmn', process: fixture('hundesteuer.dmn') }) as unknown as typeof deployed;
    expect(again.deployments.flatMap((d) => (d.decisionRequirements ? [d.decisionRequirements.version] : []))).toEqual([1]);
  });

  it('rejects a table with a broken rule, naming the decision and the rule', async () => {
    const broken = fixture('ordnungsamt-routing.dmn').toString('utf8').replace(/<text>([^<]*)<\/text>/, '<text>[1..</text>');
    await expect(engine.zbc.deployResource({ name: 'broken.dmn', process: Buffer.from(broken) }))
      .rejects.toMatchObject({ code: 3, details: expect.stringMatching(/broken\.dmn[\s\S]*Element: ordnungsamtRouting/) });
  });
});

describe('business rule tasks', () => {
  it('evaluate the latest decision and complete with the result in the result variable', async () => {
    await engine.zbc.deployResource({ name: 'classify.bpmn', process: classify('ordnungsamtRouting') });
    const result = await engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'classify-ordnungsamtRouting', variables: labrador, requestTimeout: 5000 });
    expect(result.variables.routing).toMatchObject({ verfahren: 'ANZEIGE_§11' });
  });

  it('raise an incident for a decision that is not deployed, and go on once it is', async () => {
    await engine.zbc.deployResource({ name: 'late.bpmn', process: classify('lateDecision', 'answer') });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'classify-lateDecision', variables: {} });
    const incident = await eventually(() => [...engine.running.engine.state.incidents.values()].find((i) => String(i.processInstanceKey) === processInstanceKey));
    expect(incident).toMatchObject({ errorType: 'CALLED_DECISION_ERROR', elementId: 'classify' });
    const literal = `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="late" name="Late" namespace="x"><decision id="lateDecision" name="Late"><literalExpression><text>"now here"</text></literalExpression></decision></definitions>`;
    await engine.zbc.deployResource({ name: 'late.dmn', process: Buffer.from(literal) });
    await engine.zbc.resolveIncident({ incidentKey: String(incident.key) });
    await eventually(() => !engine.running.engine.state.elementInstances.has(Number(processInstanceKey)));
  });

  it('raise a DECISION_EVALUATION_ERROR incident naming the decision when the table fails', async () => {
    const unique = `<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="uniq" name="Uniq" namespace="x"><decision id="overlapping" name="Overlapping"><decisionTable hitPolicy="UNIQUE"><input id="i1"><inputExpression typeRef="number"><text>n</text></inputExpression></input><output id="o1" name="size" typeRef="string" /><rule id="small"><inputEntry><text>&lt;= 10</text></inputEntry><outputEntry><text>"small"</text></outputEntry></rule><rule id="medium"><inputEntry><text>[5..20]</text></inputEntry><outputEntry><text>"medium"</text></outputEntry></rule></decisionTable></decision></definitions>`;
    await engine.zbc.deployResource({ name: 'overlapping.dmn', process: Buffer.from(unique) });
    await engine.zbc.deployResource({ name: 'overlap.bpmn', process: classify('overlapping', 'size') });
    const { processInstanceKey } = await engine.zbc.createProcessInstance({ bpmnProcessId: 'classify-overlapping', variables: { n: 7 } });
    const incident = await eventually(() => [...engine.running.engine.state.incidents.values()].find((i) => String(i.processInstanceKey) === processInstanceKey));
    expect(incident.errorType).toBe('DECISION_EVALUATION_ERROR');
    expect(incident.errorMessage).toMatch(/'overlapping'[\s\S]*'small'[\s\S]*'medium'/);
  });
});

describe('EvaluateDecision', () => {
  it('evaluates by id and by key, with the matched rules and evaluated inputs', async () => {
    const byId = await engine.zbc.evaluateDecision({ decisionId: 'ordnungsamtRouting', variables: labrador } as never) as unknown as Record<string, any>;
    expect(JSON.parse(byId.decisionOutput)).toMatchObject({ verfahren: 'ANZEIGE_§11' });
    expect(byId.failureMessage).toBe('');
    const [evaluated] = byId.evaluatedDecisions;
    expect(evaluated).toMatchObject({ decisionId: 'ordnungsamtRouting', decisionType: 'DECISION_TABLE', decisionKey: byId.decisionKey });
    expect(evaluated.evaluatedInputs.map((input: { inputValue: string }) => JSON.parse(input.inputValue))).toEqual(['Labrador Retriever', false, 57, 30]);
    expect(evaluated.matchedRules.length).toBeGreaterThan(0);
    const byKey = await engine.zbc.evaluateDecision({ decisionKey: byId.decisionKey, variables: labrador } as never) as unknown as Record<string, any>;
    expect(byKey.decisionOutput).toBe(byId.decisionOutput);
  });

  it('answers a failed evaluation with the failed decision and its message, and an unknown decision with NOT_FOUND', async () => {
    const failed = await engine.zbc.evaluateDecision({ decisionId: 'overlapping', variables: { n: 7 } } as never) as unknown as Record<string, any>;
    expect(failed.failedDecisionId).toBe('overlapping');
    expect(failed.failureMessage).toContain('UNIQUE');
    await expect(engine.zbc.evaluateDecision({ decisionId: 'nope', variables: {} } as never)).rejects.toMatchObject({ code: 5 });
  });
});

describe('deleting and restarting', () => {
  it('deletes a decision requirements graph with its decisions, and keeps decisions across a restart', async () => {
    const first = await startTestEngine();
    try {
      const literal = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="greeting" name="Greeting" namespace="x"><decision id="greet" name="Greet"><literalExpression><text>${text}</text></literalExpression></decision></definitions>`);
      const v1 = await first.zbc.deployResource({ name: 'greet.dmn', process: literal('"Moin"') }) as unknown as { deployments: Array<{ decisionRequirements?: { decisionRequirementsKey: string } }> };
      const v2 = await first.zbc.deployResource({ name: 'greet.dmn', process: literal('"Hallo"') }) as unknown as typeof v1;
      const keyOf = (deployed: typeof v1) => deployed.deployments.find((d) => d.decisionRequirements)!.decisionRequirements!.decisionRequirementsKey;
      const raw = rawGateway(first.running.gatewayAddress);
      try {
        await unaryCall(raw, 'DeleteResource', { resourceKey: keyOf(v2) });
      } finally {
        raw.close();
      }
      const evaluate = async (target: TestEngine) => JSON.parse((await target.zbc.evaluateDecision({ decisionId: 'greet', variables: {} } as never) as unknown as { decisionOutput: string }).decisionOutput);
      expect(await evaluate(first)).toBe('Moin');
      await first.stop();
      const second = await startTestEngine(first.dataDir);
      try {
        expect(await evaluate(second)).toBe('Moin');
        expect(second.running.engine.state.decisionRequirements.has(Number(keyOf(v1)))).toBe(true);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(first.dataDir, { recursive: true, force: true });
    }
  });
});
