import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '../../engine/tests/harness.js';
import { DOG_SERVICE_FORM, PDF_BYTES, PNG_BYTES, publishDogService, startPortalTestBed, type PortalTestBed } from '../tests/portal-fixtures.js';
import { as } from '../tests/test-server.js';

let bed: PortalTestBed;
beforeAll(async () => {
  bed = await startPortalTestBed();
  await publishDogService(bed);
}, 60_000);
afterAll(async () => bed.stop());

const submit = (body: object, headers: Record<string, string> = {}) => bed.test.http.post('/api/portal/services/hund-anmelden/submissions').set(headers).send(body);
const submissionCount = async () => Number((await bed.test.server.context.sql.query<{ n: string }>('SELECT count(*)::text AS n FROM portal_submissions'))[0].n);
const year = new Date().getUTCFullYear();

async function instanceVariables(reference: string): Promise<Record<string, string>> {
  const [row] = await bed.test.server.context.sql.query<{ process_instance_key: string }>('SELECT process_instance_key FROM portal_submissions WHERE reference = $1', [reference]);
  const variables = await eventually(async () => {
    const found = await bed.engine.running.reads.variablesOf(row.process_instance_key);
    return found.length > 0 && found;
  });
  return Object.fromEntries(variables.map((variable) => [variable.name, variable.value]));
}

describe('publishing services', () => {
  it('lists a published service in the catalogue and serves its form with the exact form version', async () => {
    const catalogue = await bed.test.http.get('/api/portal/services');
    expect(catalogue.body.services).toEqual([{ id: 'hund-anmelden', title: 'Hund anmelden', description: 'Hundesteuer-Anmeldung' }]);
    const form = await bed.test.http.get('/api/portal/services/hund-anmelden/form');
    expect(form.status).toBe(200);
    expect(form.body.schema).toEqual(DOG_SERVICE_FORM);
    expect(form.body.formKey).toMatch(/^form:\d+$/);
  });

  it('refuses a process whose start event links no form, and a prefix another service has', async () => {
    const noForm = await as(bed.test, bed.manager, 'post', '/api/services').send({ processId: 'nirgends', title: 'X', referencePrefix: 'XY' });
    expect(noForm.status).toBe(409);
    expect(noForm.body.type).toBe('urn:amtsflow:problem:service-unavailable');
    await publishDogService(bed, 'hund-zwei', 'HUNDB');
    const taken = await as(bed.test, bed.manager, 'post', '/api/services').send({ processId: 'hund-zwei', title: 'Zwei', referencePrefix: 'HUND' });
    expect(taken.status).toBe(409);
    expect(taken.body.type).toBe('urn:amtsflow:problem:reference-prefix-taken');
  });

  it('withdraws a service: gone from the catalogue, no more submissions, both audited', async () => {
    await publishDogService(bed, 'hund-weg', 'WEG');
    expect((await as(bed.test, bed.manager, 'post', '/api/services/hund-weg/withdraw')).status).toBe(204);
    expect((await bed.test.http.get('/api/portal/services')).body.services.map((s: { id: string }) => s.id)).not.toContain('hund-weg');
    expect((await bed.test.http.post('/api/portal/services/hund-weg/submissions').send({ data: { halterName: 'A' } })).status).toBe(404);
    expect((await as(bed.test, bed.manager, 'post', '/api/services/hund-weg/withdraw')).status).toBe(404);
    const audit = await as(bed.test, bed.admin, 'get', '/api/admin/audit?targetId=hund-weg');
    expect(audit.body.entries.map((entry: { action: string }) => entry.action)).toEqual(['service.withdrawn', 'service.published']);
    const all = await as(bed.test, bed.manager, 'get', '/api/services');
    expect(all.body.services.find((s: { id: string }) => s.id === 'hund-weg')).toMatchObject({ published: false, referencePrefix: 'WEG' });
  });
});

describe('submitting', () => {
  it('starts an instance with the cleaned data and answers with a reference number and a status link', async () => {
    const response = await submit({ data: { halterName: 'Anna Schmidt', gewicht: 12, unbekannt: 'weg damit' } });
    expect(response.status).toBe(201);
    expect(response.body.reference).toMatch(new RegExp(`^HUND-${year}-\\d{6}$`));
    expect(response.body.statusToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(response.headers.location).toBe(response.body.statusUrl);
    expect(response.body.statusPageUrl).toBe(response.body.statusUrl.replace('/api/portal/submissions/', '/status/'));
    const variables = await instanceVariables(response.body.reference);
    expect(variables).toMatchObject({ halterName: '"Anna Schmidt"', gewicht: '12', submissionReference: JSON.stringify(response.body.reference) });
    expect(variables.unbekannt).toBeUndefined();
    expect(JSON.parse(variables.submissionId)).toMatch(/^[0-9a-f-]{36}$/);
    const audit = await as(bed.test, bed.admin, 'get', `/api/admin/audit?targetId=${response.body.reference}`);
    expect(audit.body.entries).toEqual([expect.objectContaining({ action: 'submission.received', actor: { kind: 'anonymous' } })]);
  });

  it('numbers references per prefix without gaps', async () => {
    const first = await submit({ data: { halterName: 'Eins' } });
    const second = await submit({ data: { halterName: 'Zwei' } });
    const number = (reference: string) => Number(reference.split('-')[2]);
    expect(number(second.body.reference)).toBe(number(first.body.reference) + 1);
  });

  it('refuses invalid data with field errors naming path, component and key, and stores nothing', async () => {
    const before = await submissionCount();
    const response = await submit({ data: { gewicht: -3 } }, { 'Accept-Language': 'en' });
    expect(response.status).toBe(422);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(response.body.type).toBe('urn:amtsflow:problem:form-invalid');
    expect(response.body.errors).toEqual([
      expect.objectContaining({ pointer: '/data/halterName', path: 'halterName', componentId: 'name', key: 'halterName', code: 'required', message: 'Field is required.' }),
      expect.objectContaining({ pointer: '/data/gewicht', path: 'gewicht', componentId: 'weight', key: 'gewicht', code: 'min' }),
    ]);
    expect(await submissionCount()).toBe(before);
  });

  it('refuses a submission for an older form version clearly', async () => {
    const form = await bed.test.http.get('/api/portal/services/hund-anmelden/form');
    const changed = { ...DOG_SERVICE_FORM, components: [...DOG_SERVICE_FORM.components, { id: 'breed', key: 'rasse', type: 'textfield', label: 'Rasse' }] };
    await as(bed.test, bed.manager, 'post', '/api/deployments').attach('files', Buffer.from(JSON.stringify(changed)), 'hund-anmelden.form');
    const stale = await submit({ data: { halterName: 'Alt' }, formKey: form.body.formKey });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('urn:amtsflow:problem:form-outdated');
    const current = await bed.test.http.get('/api/portal/services/hund-anmelden/form');
    expect(stale.body.formKey).toBe(current.body.formKey);
    expect((await submit({ data: { halterName: 'Neu', rasse: 'Mops' }, formKey: current.body.formKey })).status).toBe(201);
  });

  it('answers a retry under the same Idempotency-Key the same, with one instance, and refuses the key for other data', async () => {
    const headers = { 'Idempotency-Key': 'retry-key-0123456789abcdef' };
    const first = await submit({ data: { halterName: 'Wiederholt' } }, headers);
    const again = await submit({ data: { halterName: 'Wiederholt' } }, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const rows = await bed.test.server.context.sql.query('SELECT id FROM portal_submissions WHERE reference = $1', [first.body.reference]);
    expect(rows).toHaveLength(1);
    const variables = await instanceVariables(first.body.reference);
    expect(await bed.engine.running.reads.findInstancesByVariable('submissionId', variables.submissionId)).toHaveLength(1);
    const other = await submit({ data: { halterName: 'Jemand anders' } }, headers);
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('urn:amtsflow:problem:idempotency-key-reused');
    expect((await submit({ data: { halterName: 'X' } }, { 'Idempotency-Key': 'short' })).status).toBe(400);
  });
});

describe('files', () => {
  const multipart = (data: object) => bed.test.http.post('/api/portal/services/hund-anmelden/submissions').field('data', JSON.stringify(data));

  it('keeps the file, typed by its bytes, for the citizen and for the clerk of the task, and for no one else', async () => {
    const response = await multipart({ halterName: 'Mit Datei', impfnachweis: 'files::impf' })
      .attach('files::impf', PDF_BYTES, { filename: 'impfpass.pdf', contentType: 'application/x-msdownload' });
    expect(response.status).toBe(201);
    const status = await bed.test.http.get(`/api/portal/submissions/${response.body.statusToken}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ reference: response.body.reference, service: { id: 'hund-anmelden', title: 'Hund anmelden' }, state: 'received', closedAt: null });
    expect(status.body.attachments).toEqual([{ id: expect.any(String), name: 'impfpass.pdf', contentType: 'application/pdf', size: PDF_BYTES.length }]);
    const fileId = status.body.attachments[0].id;
    const download = await bed.test.http.get(`/api/portal/submissions/${response.body.statusToken}/attachments/${fileId}`).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="?impfpass\.pdf"?$/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(download.body)).toEqual(PDF_BYTES);

    const [{ process_instance_key: instanceKey }] = await bed.test.server.context.sql.query<{ process_instance_key: string }>('SELECT process_instance_key FROM portal_submissions WHERE reference = $1', [response.body.reference]);
    const taskKey = await eventually(async () => (await bed.test.server.context.sql.query<{ job_key: string }>('SELECT job_key FROM tasks WHERE process_instance_key = $1', [instanceKey]))[0]?.job_key, 10_000);
    const task = await as(bed.test, bed.kaemmerei, 'get', `/api/tasks/${taskKey}`);
    expect(task.body.attachments).toEqual([{ id: fileId, name: 'impfpass.pdf', contentType: 'application/pdf', size: PDF_BYTES.length, href: `/api/tasks/${taskKey}/attachments/${fileId}` }]);
    const clerkDownload = await as(bed.test, bed.kaemmerei, 'get', `/api/tasks/${taskKey}/attachments/${fileId}`).buffer(true);
    expect(clerkDownload.status).toBe(200);
    expect(Buffer.from(clerkDownload.body)).toEqual(PDF_BYTES);
    expect((await as(bed.test, bed.ordnungsamt, 'get', `/api/tasks/${taskKey}/attachments/${fileId}`)).status).toBe(403);

    // Another citizen's link shows nothing of this one; a file of another submission is not found under this link.
    const other = await submit({ data: { halterName: 'Andere' } });
    expect((await bed.test.http.get(`/api/portal/submissions/${other.body.statusToken}/attachments/${fileId}`)).status).toBe(404);
    expect((await bed.test.http.get(`/api/portal/submissions/${'A'.repeat(43)}`)).status).toBe(404);

    // The state follows the case: a clerk takes it up, then completes it.
    await as(bed.test, bed.kaemmerei, 'post', `/api/tasks/${taskKey}/claim`);
    expect((await bed.test.http.get(`/api/portal/submissions/${response.body.statusToken}`)).body.state).toBe('in-progress');
    expect((await as(bed.test, bed.kaemmerei, 'post', `/api/tasks/${taskKey}/complete`).send({})).status).toBe(200);
    const done = await eventually(async () => {
      const body = (await bed.test.http.get(`/api/portal/submissions/${response.body.statusToken}`)).body;
      return body.state === 'completed' && body;
    });
    expect(done.closedAt).toEqual(expect.any(String));
  });

  it('refuses a file whose bytes are no accepted type, whose name claims another type, or that the picker does not accept', async () => {
    const before = await submissionCount();
    const exe = await multipart({ halterName: 'X', impfnachweis: 'files::a' }).attach('files::a', Buffer.from('MZ\u0090\u0000\u0003'), 'virus.pdf');
    expect(exe.status).toBe(400);
    expect(exe.body.errors[0]).toMatchObject({ pointer: '/files/files::a', detail: 'virus.pdf: Angenommen werden nur PDF-, PNG-, JPEG- und Textdateien.' });
    // In the language the portal shows, which it sends as Accept-Language.
    const inEnglish = await multipart({ halterName: 'X', impfnachweis: 'files::a' }).set('Accept-Language', 'en').attach('files::a', Buffer.from('MZ\u0090\u0000\u0003'), 'virus.pdf');
    expect(inEnglish.body.errors[0].detail).toBe('virus.pdf: only PDF, PNG, JPEG and plain text files are accepted.');
    const disguised = await multipart({ halterName: 'X', impfnachweis: 'files::a' }).attach('files::a', PNG_BYTES, 'bild.pdf');
    expect(disguised.status).toBe(400);
    expect(disguised.body.errors[0].detail).toBe('bild.pdf: Der Name passt nicht zum Inhalt der Datei (image/png).');
    const text = await multipart({ halterName: 'X', impfnachweis: 'files::a' }).attach('files::a', Buffer.from('nur Text'), 'notiz.txt');
    expect(text.status).toBe(422);
    expect(text.body.errors).toEqual([expect.objectContaining({ key: 'impfnachweis', code: 'fileType' })]);
    const prototypeKey = await multipart({ halterName: 'X', impfnachweis: '__proto__' }).attach('__proto__', PDF_BYTES, 'impf.pdf');
    expect(prototypeKey.status).toBe(201);
    const png = await multipart({ halterName: 'X', impfnachweis: 'files::a' }).attach('files::a', PNG_BYTES, 'impf.png');
    expect(png.status).toBe(201);
    expect(await submissionCount()).toBe(before + 2);
  });

  it('refuses too many and too large files before anything is stored', async () => {
    const before = await submissionCount();
    let call = multipart({ halterName: 'X' });
    for (let i = 0; i < 11; i++) call = call.attach(`files::${i}`, PDF_BYTES, `f${i}.pdf`);
    expect((await call).status).toBe(400);
    const large = await multipart({ halterName: 'X', impfnachweis: 'files::big' }).attach('files::big', Buffer.concat([PDF_BYTES, Buffer.alloc(5 * 1024 * 1024)]), 'big.pdf');
    expect(large.status).toBe(413);
    expect(large.body.detail).toMatch(/^big\.pdf ist größer als \d+(\.\d)? MB\.$/);
    expect(await submissionCount()).toBe(before);
  });
});
