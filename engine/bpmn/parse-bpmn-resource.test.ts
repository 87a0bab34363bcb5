import { MAX_RESOURCE_BYTES } from '../xml/index.js';
import { around, bpmnDocument, endEvent, flow, parseProcess, rejection, serviceTask, startEvent } from './bpmn-test-documents.js';

const DOCTYPE_REJECTION = 'A document type declaration (<!DOCTYPE ...>) is not allowed: it could declare entities that expand without bound or read external files';

/** start → task_0 → … → task_{count-1} → end */
function longProcess(count: number): string {
  const parts = [startEvent(), endEvent()];
  let previous = 'start';
  for (let index = 0; index < count; index++) {
    parts.push(serviceTask(`task_${index}`), flow(`flow_${index}`, previous, `task_${index}`));
    previous = `task_${index}`;
  }
  parts.push(flow('flow_end', previous, 'end'));
  return bpmnDocument(parts.join('\n'));
}

describe('hostile and unusual resources', () => {
  it('rejects a billion-laughs entity expansion before parsing', async () => {
    const entities = Array.from({ length: 9 }, (_, level) =>
      `<!ENTITY lol${level + 1} "${`&lol${level};`.repeat(10)}">`).join('');
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol0 "lol">${entities}]>\n${bpmnDocument(startEvent()).replace(/^<\?xml[^>]*>/, '').replace('Hund anmelden', '&lol9;')}`;
    expect(await rejection(xml)).toBe(DOCTYPE_REJECTION);
  });

  it('rejects an external entity, also behind comments and processing instructions', async () => {
    const xml = `<?xml version="1.0"?><!-- exported --><?modeler x?>\n<!doctype definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${bpmnDocument(startEvent()).replace(/^<\?xml[^>]*>/, '')}`;
    expect(await rejection(xml)).toBe(DOCTYPE_REJECTION);
  });

  it('rejects a document type declaration inside the document too, but not one quoted in CDATA or a comment', async () => {
    const inside = bpmnDocument(startEvent()).replace('<bpmn:process', '<!DOCTYPE x [<!ENTITY a "b">]><bpmn:process');
    expect(await rejection(inside)).toBe(DOCTYPE_REJECTION);
    const quoted = bpmnDocument(`<!-- <!DOCTYPE html> -->${startEvent()}`, {
      processExtensions: '<zeebe:userTaskForm id="f"><![CDATA[{"components":[{"type":"html","content":"<!DOCTYPE html>"}]}]]></zeebe:userTaskForm>',
    });
    expect((await parseProcess(quoted)).elements.start).toBeDefined();
  });

  it(`rejects a resource over ${MAX_RESOURCE_BYTES} bytes before parsing it`, async () => {
    const huge = Buffer.alloc(5 * 1024 * 1024, ' ');
    const started = performance.now();
    expect(await rejection(huge)).toBe(`The resource is ${huge.length} bytes, larger than the limit of ${MAX_RESOURCE_BYTES} bytes`);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('parses a process of 10,000 tasks and 10,001 flows in well under the test timeout', async () => {
    const xml = longProcess(10_000);
    const started = performance.now();
    const process = await parseProcess(xml);
    expect(Object.keys(process.elements)).toHaveLength(10_003);
    expect(Object.keys(process.flows)).toHaveLength(10_001);
    // generous: it takes about a second; only a quadratic slip should trip this
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('caps the listed errors of a process broken everywhere', async () => {
    const message = await rejection(longProcess(1_000).replaceAll('type="check-dog"', 'type=""'));
    expect(message.split('\n- Element').length).toBe(100);
    expect(message).toMatch(/- \.\.\. and 900 more errors$/);
  });

  it('walks deeply nested sub-processes without exhausting the stack', async () => {
    const depth = 3_000;
    const opening = Array.from({ length: depth }, (_, level) => `<bpmn:subProcess id="sub_${level}">${startEvent(`start_${level}`)}`).join('');
    const process = await parseProcess(bpmnDocument(`${startEvent()}${opening}${'</bpmn:subProcess>'.repeat(depth)}`));
    expect(process.elements[`sub_${depth - 1}`]!.parentId).toBe(`sub_${depth - 2}`);
  });

  it('keeps an element with the id __proto__ as an element', async () => {
    const process = await parseProcess(bpmnDocument(around('__proto__', serviceTask('__proto__'))));
    expect(Object.hasOwn(process.elements, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(process.elements)).toBe(Object.prototype);
  });

  it('decodes bytes in the encoding the XML declaration names', async () => {
    const xml = bpmnDocument(around('t', serviceTask('t', '<zeebe:taskDefinition type="Prüfung"/>'))).replace('UTF-8', 'ISO-8859-1');
    const process = await parseProcess(Buffer.from(xml, 'latin1'));
    expect(process.elements.t!.job!.type).toEqual({ kind: 'static', value: 'Prüfung' });
  });

  it('decodes UTF-16 with a byte order mark', async () => {
    const xml = bpmnDocument(startEvent()).replace('UTF-8', 'UTF-16');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    expect((await parseProcess(bytes)).elements.start).toBeDefined();
  });

  it('rejects bytes that are not valid in the declared encoding', async () => {
    const bytes = Buffer.concat([Buffer.from(bpmnDocument(startEvent()).replace('Hund anmelden', '')), Buffer.from([0xff, 0xfe, 0xfd])]);
    expect(await rejection(bytes)).toBe('Not valid UTF-8 text');
  });

  it('rejects an encoding it does not know', async () => {
    expect(await rejection(Buffer.from(bpmnDocument(startEvent()).replace('UTF-8', 'X-MARTIAN'))))
      .toBe("Unsupported text encoding 'X-MARTIAN'");
  });
});
