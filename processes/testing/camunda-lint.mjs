// Lints BPMN files with the rules the designer applies (lint-config.json: bpmnlint-plugin-camunda-compat, camunda-cloud-8-3),
// read with the Zeebe moddle extension. A script, run by camunda-lint.test.ts in a plain Node process: bpmnlint's
// rules are CommonJS that require ES modules, which Node does and Jest's module sandbox does not.
// Also reports flow elements the diagram does not draw.
// Usage: node camunda-lint.mjs <file.bpmn>...; prints one JSON object per file: { file, warnings, problems }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json');
const modeler = { name: 'Camunda Modeler', prefix: 'modeler', uri: 'http://camunda.org/schema/modeler/1.0', xml: { tagAlias: 'lowerCase' },
  types: [{ name: 'ExecutionPlatform', isAbstract: true, extends: ['bpmn:Definitions'], properties: [
    { name: 'executionPlatform', isAttr: true, type: 'String' }, { name: 'executionPlatformVersion', isAttr: true, type: 'String' }] }] };

const config = JSON.parse(readFileSync(new URL('../../designer/src/staff/designer/modeler/lint/lint-config.json', import.meta.url), 'utf8'));
const linter = new Linter({ config, resolver: new NodeResolver() });
const results = [];
for (const file of process.argv.slice(2)) {
  const { rootElement, warnings } = await new BpmnModdle({ zeebe, modeler }).fromXML(readFileSync(file, 'utf8'));
  const reports = await linter.lint(rootElement);
  const problems = Object.entries(reports).flatMap(([rule, list]) => list
    .filter((report) => report.category !== 'info')
    .map((report) => `${report.category} ${rule} at ${report.id}: ${report.message}`));
  results.push({ file, warnings: warnings.map((warning) => warning.message), problems: [...problems, ...missingDiagram(rootElement)] });
}
process.stdout.write(JSON.stringify(results));

/** Flow elements without a shape or edge: bpmn-js would open the file but not draw them. */
function missingDiagram(definitions) {
  const drawn = new Set(definitions.diagrams.flatMap((diagram) => diagram.plane.planeElement.map((element) => element.bpmnElement?.id)));
  const elements = [];
  const walk = (container) => {
    for (const element of container.flowElements ?? []) {
      elements.push(element);
      walk(element);
    }
  };
  for (const root of definitions.rootElements) if (root.$type === 'bpmn:Process') walk(root);
  return elements.filter((element) => !drawn.has(element.id)).map((element) => `error diagram at ${element.id}: not in the diagram`);
}
