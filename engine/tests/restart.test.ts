import { describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { catchEvent, message, messageDefinition, startEvent, startMessage, timerDefinition } from './event-xml.js';
import { activateOne, bpmnProcess, flow, sequence, serviceTask, startTestEngine } from './harness.js';

describe('restart', () => {
  it('brings back deployments, instances, variables, jobs and incidents, and re-offers jobs activated before the stop', async () => {
    const first = await startTestEngine();
    const { zbc } = first;
    await zbc.deployResource({ name: 'durable.bpmn', process: bpmnProcess('durable', sequence({ id: 't', xml: serviceTask('t', 'durable-job', '', '1') })) });
    const waiting = await zbc.createProcessInstance({ bpmnProcessId: 'durable', variables: { citizen: 'Frau Schmitz' } });
    const failing = await zbc.createProcessInstance({ bpmnProcessId: 'durable', variables: { citizen: 'Herr Meier' } });
    const jobs = await zbc.activateJobs({ type: 'durable-job', worker: 'before-stop', maxJobsToActivate: 2, timeout: 1500, requestTimeout: 2000 });
    const failingJob = jobs.find((job) => job.processInstanceKey === failing.processInstanceKey)!;
    await zbc.failJob({ jobKey: failingJob.key, retries: 0, errorMessage: 'Fachverfahren down', retryBackOff: 0 });
    await first.stop();

    const second = await startTestEngine(first.dataDir);
    try {
      const state = second.running.engine.state;
      expect(state.latestProcess('durable')?.version).toBe(1);
      expect([...state.incidents.values()].map((i) => i.errorMessage)).toEqual(['Fachverfahren down']);
      const again = await second.zbc.activateJobs({ type: 'durable-job', worker: 'after-restart', maxJobsToActivate: 5, timeout: 30000, requestTimeout: 5000 });
      expect(again.map((job) => job.processInstanceKey)).toEqual([waiting.processInstanceKey]);
      expect(again[0].variables).toEqual({ citizen: 'Frau Schmitz' });
      const result = second.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'durable', variables: {}, requestTimeout: 10000 });
      const [fresh] = await second.zbc.activateJobs({ type: 'durable-job', worker: 'after-restart', maxJobsToActivate: 1, timeout: 30000, requestTimeout: 5000 });
      expect(BigInt(fresh.key)).toBeGreaterThan(BigInt(failingJob.key));
      await second.zbc.completeJob({ jobKey: fresh.key, variables: {} });
      await result;
    } finally {
      await second.stop();
      await rm(first.dataDir, { recursive: true, force: true });
    }
  });

  it('keeps timers, timer start events, message subscriptions, buffered messages and message start locks in the snapshot', async () => {
    const first = await startTestEngine();
    const waitFor = (id: string, definition: string) => bpmnProcess(id, ['<bpmn:startEvent id="start" />', catchEvent('wait', definition),
      serviceTask('work', `${id}-work`), '<bpmn:endEvent id="end" />', flow('f1', 'start', 'wait'), flow('f2', 'wait', 'work'), flow('f3', 'work', 'end')].join(''),
    message('reply'));
    await first.zbc.deployResource({ name: 'timed.bpmn', process: waitFor('timed', timerDefinition('timeDuration', 'PT1S')) });
    await first.zbc.deployResource({ name: 'replied.bpmn', process: waitFor('replied', messageDefinition('reply')) });
    await first.zbc.deployResource({ name: 'nightly.bpmn', process: bpmnProcess('nightly', [startEvent('tick', timerDefinition('timeCycle', 'R/P1D')),
      '<bpmn:endEvent id="end" />', flow('f1', 'tick', 'end')].join('')) });
    await first.zbc.deployResource({ name: 'applied.bpmn', process: bpmnProcess('applied', [startEvent('in', messageDefinition('apply')),
      serviceTask('decide', 'applied-work'), '<bpmn:endEvent id="end" />', flow('f1', 'in', 'decide'), flow('f2', 'decide', 'end')].join(''), startMessage('apply')) });
    await first.zbc.createProcessInstance({ bpmnProcessId: 'timed', variables: {} });
    await first.zbc.createProcessInstance({ bpmnProcessId: 'replied', variables: { key: 'open' } });
    await first.zbc.publishMessage({ name: 'reply', correlationKey: 'buffered', variables: { via: 'buffer' }, timeToLive: 60_000 });
    await first.zbc.publishMessage({ name: 'apply', correlationKey: 'dog-7', variables: { n: 1 }, timeToLive: 60_000 });
    await first.zbc.publishMessage({ name: 'apply', correlationKey: 'dog-7', variables: { n: 2 }, timeToLive: 60_000 });
    const before = first.running.engine.state;
    const pending = { timers: before.timers.size, subscriptions: before.messageSubscriptions.size, messages: before.messages.size };
    await first.stop();

    const second = await startTestEngine(first.dataDir);
    try {
      const state = second.running.engine.state;
      expect({ timers: state.timers.size, subscriptions: state.messageSubscriptions.size, messages: state.messages.size }).toEqual(pending);
      expect((await activateOne(second, 'timed-work')).variables).toEqual({});
      await second.zbc.publishMessage({ name: 'reply', correlationKey: 'open', variables: { via: 'publish' }, timeToLive: 0 });
      expect((await activateOne(second, 'replied-work')).variables).toEqual({ key: 'open', via: 'publish' });
      await second.zbc.createProcessInstance({ bpmnProcessId: 'replied', variables: { key: 'buffered' } });
      expect((await activateOne(second, 'replied-work')).variables).toEqual({ key: 'buffered', via: 'buffer' });
      const firstApplication = await activateOne(second, 'applied-work');
      expect(firstApplication.variables).toEqual({ n: 1 });
      await second.zbc.completeJob({ jobKey: firstApplication.key, variables: {} });
      expect((await activateOne(second, 'applied-work')).variables).toEqual({ n: 2 });
    } finally {
      await second.stop();
      await rm(first.dataDir, { recursive: true, force: true });
    }
  });
});
