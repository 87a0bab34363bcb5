// Deploys a process, starts instances and completes their jobs with a worker, using the unmodified zeebe-node client.
// Run it while `npm start` is running: node examples/hello-zeebe.mjs
import { ZBClient } from 'zeebe-node';

const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  id="hello-definitions" targetNamespace="http://amtsflow.example">
  <bpmn:process id="hello-amtsflow" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:serviceTask id="greet">
      <bpmn:extensionElements><zeebe:taskDefinition type="greet-citizen" /></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="toGreet" sourceRef="start" targetRef="greet" />
    <bpmn:sequenceFlow id="toEnd" sourceRef="greet" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const zbc = new ZBClient(process.env.ZEEBE_ADDRESS ?? '127.0.0.1:26500', { useTLS: false, loglevel: 'NONE' });
const deployed = await zbc.deployResource({ name: 'hello-amtsflow.bpmn', process: Buffer.from(bpmn) });
console.log(`deployed hello-amtsflow version ${deployed.deployments[0].process.version}`);

const worker = zbc.createWorker({
  taskType: 'greet-citizen',
  taskHandler: (job) => job.complete({ greeting: `Guten Tag, ${job.variables.name}!` }),
});

const names = ['Frau Schmitz', 'Herr Yilmaz', 'Frau Nowak'];
const results = await Promise.all(names.map((name) =>
  zbc.createProcessInstanceWithResult({ bpmnProcessId: 'hello-amtsflow', variables: { name }, requestTimeout: 10000 })));
for (const result of results) console.log(`instance ${result.processInstanceKey}: ${result.variables.greeting}`);

await worker.close();
await zbc.close();
