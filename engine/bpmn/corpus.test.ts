/**
 * Every third-party BPMN file we have is either parsed or rejected with a message that names an element of the file
 * or says what is wrong with the document as a whole; none throws or hangs.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseBpmnResource } from './index.js';
import { SHARED, sharedFilesBelow } from '../../test/support/shared-files.js';


const files = ['bpmn-corpus', 'zeebe-fixtures'].flatMap((folder) => sharedFilesBelow(folder, '.bpmn')).map((file) => join(SHARED, file));
const DOCUMENT_PROBLEMS = /^(Not well-formed XML: .+ \(line \d+, column \d+\)|Not a BPMN 2\.0 document: .+)$/;

async function outcome(file: string) {
  return parseBpmnResource(readFileSync(file), basename(file));
}

describe('the BPMN corpus', () => {
  it('has files to test', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  it('parses or rejects every file, each rejection naming elements of the file or the document problem', async () => {
    const started = performance.now();
    for (const file of files) {
      const result = await outcome(file);
      if (result.ok) {
        expect(result.value.processes.length).toBeGreaterThan(0);
        continue;
      }
      const { message } = result.failure;
      if (!message.startsWith('- Element: ')) {
        expect({ file, message }).toEqual({ file, message: expect.stringMatching(DOCUMENT_PROBLEMS) });
        continue;
      }
      const text = readFileSync(file, 'latin1');
      for (const [, elementId, reason] of message.matchAll(/^- Element: ([^\n]*?)(?: > [^\n]*)?\n {4}- ERROR: (.+)$/gm)) {
        const named = elementId!.startsWith('<') || text.includes(`"${elementId}"`);
        expect({ file, elementId, named }).toEqual({ file, elementId, named: true });
        expect(reason!.length).toBeGreaterThan(10);
      }
    }
    // measured at about 1-3 s for ~190 files; the bound only catches a hang or a quadratic slip
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it.each([
    'hello-world.bpmn', 'hello-world-complete.bpmn', 'conditional-pathway.bpmn', 'Client-SkipFirstTask.bpmn',
    'Worker-Failure1.bpmn', 'Worker-Failure-Retries.bpmn', 'Worker-RaiseIncident.bpmn',
  ])('deploys the zeebe-node fixture %s', async (name) => {
    expect((await outcome(join(SHARED, 'zeebe-fixtures/testdata', name))).ok).toBe(true);
  });

  it.each([
    'zeebe-fixtures/testdata/Client-MessageStart.bpmn', 'zeebe-fixtures/testdata/Client-ThrowError.bpmn', 'zeebe-fixtures/testdata/Signal.bpmn',
    'zeebe-fixtures/testdata/Client-DeployWorkflow.bpmn', 'bpmn-corpus/zeebe/miwg__Reference__C.9.1.bpmn', 'bpmn-corpus/zeebe/miwg__Reference__C.9.2.bpmn',
    'bpmn-corpus/zeebe/zpt__examples__src__pr-created.bpmn', 'bpmn-corpus/zeebe/zpt__examples__src__automated-tests.bpmn',
  ])('deploys %s with its events, call activities and multi-instance activities', async (path) => {
    expect((await outcome(join(SHARED, path))).ok).toBe(true);
  });

  it('rejects Client-BrokenBpmn.bpmn for its empty task type', async () => {
    const result = await outcome(join(SHARED, 'zeebe-fixtures/testdata/Client-BrokenBpmn.bpmn'));
    expect(!result.ok && result.failure.message).toContain(
      "- Element: ServiceTask_0g6tf5f > extensionElements > taskDefinition\n    - ERROR: Attribute 'type' must be present and not empty");
  });
});
