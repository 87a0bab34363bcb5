/**
 * Malformed, oversized and hostile bodies, files, tokens and ids at every public portal route: never a 5xx, a refusal
 * is always problem+json, and nothing half is ever stored: every stored submission was answered 201, is confirmed
 * with its instance, and its files are exactly the ones its data names.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readServerConfig } from '../config.js';
import { PDF_BYTES, PNG_BYTES, publishDogService, startPortalTestBed, type PortalTestBed } from '../tests/portal-fixtures.js';

let bed: PortalTestBed;
let accepted = 0;
const LIMITS = { maxFileBytes: 4096, maxFiles: 3, maxTotalBytes: 8192, submissionsPerMinute: 1_000_000 };

beforeAll(async () => {
  bed = await startPortalTestBed({ config: { portal: { ...readServerConfig({}).portal, ...LIMITS } } });
  await publishDogService(bed);
}, 60_000);
afterAll(async () => bed.stop());

function expectNoServerError(response: { status: number; headers: Record<string, string>; text: string }): void {
  expect(response.status).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.text).not.toMatch(/at .*\.(ts|js):\d+/);
  }
  if (response.status === 201) accepted += 1;
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('__proto__', 'constructor', '..', '../../etc/passwd', 'a\u0000b', '\u202e', 'files::a', 'data', 'formKey', '%2F', 'x'.repeat(400), ''),
);

/** Data the form accepts, so that the accepted path is under fire too. */
const validData = fc.record({ halterName: fc.string({ minLength: 1, maxLength: 50 }).filter((name) => name.trim() !== ''), gewicht: fc.integer({ min: 0, max: 150 }) });

const formData = fc.oneof(
  validData,
  fc.record({
    halterName: fc.oneof(fc.string({ maxLength: 120 }), fc.jsonValue()),
    gewicht: fc.oneof(fc.integer({ min: -10, max: 200 }), fc.double(), fc.string({ maxLength: 5 }), fc.jsonValue()),
    impfnachweis: fc.oneof(fc.constantFrom('files::a', 'files::b', 'files::missing'), hostileText, fc.jsonValue()),
    __proto__: fc.jsonValue(),
    extra: fc.jsonValue(),
  }, { requiredKeys: [] }),
  fc.jsonValue(),
);

/** Bytes of every kind: accepted types, near misses, random, too large. */
const fileBytes = fc.oneof(
  fc.constant(PDF_BYTES),
  fc.constant(PNG_BYTES),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.concat([Buffer.from('%PDF-'), Buffer.from(bytes)])),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ maxLength: 200 }).map((text) => Buffer.from(text)),
  fc.integer({ min: 4000, max: 9000 }).map((size) => Buffer.concat([PDF_BYTES, Buffer.alloc(size, 0x20)])),
);

const filePart = fc.record({
  name: fc.oneof(fc.constantFrom('files::a', 'files::b'), hostileText),
  filename: fc.oneof(fc.constantFrom('impf.pdf', 'bild.png', 'notiz.txt', 'a.exe', 'x.pdf.exe'), hostileText),
  contentType: fc.constantFrom('application/pdf', 'image/png', 'text/html', 'application/x-msdownload', ''),
  content: fileBytes,
});

const quoted = (text: string) => text.replace(/[\r\n"\\]/g, '_');

/** A multipart body by hand, so that it can be broken in ways a client library would not produce. */
function multipartBody(boundary: string, data: string | undefined, files: readonly { name: string; filename: string; contentType: string; content: Buffer }[], breakage: string): Buffer {
  const chunks: Buffer[] = [];
  if (data !== undefined) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="data"\r\n\r\n${data}\r\n`));
  for (const file of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.name)}"; filename="${quoted(file.filename)}"\r\n${file.contentType ? `Content-Type: ${file.contentType}\r\n` : ''}\r\n`));
    chunks.push(file.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const body = Buffer.concat(chunks);
  if (breakage === 'truncated') return body.subarray(0, Math.floor(body.length / 2));
  if (breakage === 'no-end') return body.subarray(0, body.length - boundary.length - 6);
  return body;
}

describe('the portal under hostile input', () => {
  it('submissions as JSON: hostile data and bodies never cause a server error', async () => {
    const rawBody = fc.oneof(
      validData.map((data) => JSON.stringify({ data })),
      fc.record({ data: formData, formKey: fc.oneof(hostileText, fc.jsonValue()) }, { requiredKeys: ['data'] }).map((value) => JSON.stringify(value)),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constantFrom('{"data":', '', '{"data":{"halterName":"' + 'x'.repeat(200_000) + '"}}', `{"data":${'['.repeat(5000)}${']'.repeat(5000)}}`),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant('hund-anmelden'), hostileText), rawBody, fc.constantFrom('application/json', 'text/plain', 'application/json; charset=latin1', ''), fc.option(hostileText),
        async (serviceId, payload, contentType, idempotencyKey) => {
          const call = bed.test.http.post(`/api/portal/services/${encodeURIComponent(serviceId)}/submissions`);
          if (contentType) call.set('Content-Type', contentType);
          if (idempotencyKey !== null) call.set('Idempotency-Key', idempotencyKey.replace(/[^\x20-\x7e]/g, ''));
          expectNoServerError(await call.send(payload));
        }),
      { numRuns: 150 },
    );
  });

  it('submissions with files: malformed, oversized and hostile multipart bodies never cause a server error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.oneof(validData.map((data) => JSON.stringify({ ...data, impfnachweis: 'files::a' })), formData.map((data) => JSON.stringify(data)), hostileText), { nil: undefined }),
        fc.oneof(fc.array(filePart, { maxLength: 5 }), fc.constant([{ name: 'files::a', filename: 'impf.pdf', contentType: 'application/pdf', content: PDF_BYTES }])),
        fc.constantFrom('none', 'none', 'truncated', 'no-end'),
        fc.constantFrom('b0undary', 'b0undary', 'x', '--', 'a'.repeat(70)),
        async (data, files, breakage, boundary) => {
          const body = multipartBody(boundary, data, files, breakage);
          const response = await bed.test.http.post('/api/portal/services/hund-anmelden/submissions')
            .set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(body);
          expectNoServerError(response);
        }),
      { numRuns: 150 },
    );
  });

  it('forms, status links and files: hostile ids and tokens never cause a server error', async () => {
    const token = fc.oneof(hostileText, fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), fc.constant('A'.repeat(43)));
    await fc.assert(
      fc.asyncProperty(hostileText, token, hostileText, async (serviceId, statusToken, attachmentId) => {
        expectNoServerError(await bed.test.http.get(`/api/portal/services/${encodeURIComponent(serviceId)}/form`));
        expectNoServerError(await bed.test.http.get(`/api/portal/services?${encodeURIComponent(serviceId)}=${encodeURIComponent(attachmentId)}`));
        expectNoServerError(await bed.test.http.get(`/api/portal/submissions/${encodeURIComponent(statusToken)}`));
        expectNoServerError(await bed.test.http.get(`/api/portal/submissions/${encodeURIComponent(statusToken)}/attachments/${encodeURIComponent(attachmentId)}`));
      }),
      { numRuns: 150 },
    );
  });

  it('stored nothing half: every stored submission was answered, is confirmed with its instance, and keeps only the files its data names', async () => {
    const { sql } = bed.test.server.context;
    const rows = await sql.query<{ id: string; state: string; process_instance_key: string | null; data: unknown }>('SELECT id::text AS id, state, process_instance_key, data FROM portal_submissions');
    expect(rows.length).toBe(accepted);
    expect(accepted).toBeGreaterThan(0);
    for (const row of rows) {
      expect({ state: row.state, instance: typeof row.process_instance_key }).toEqual({ state: 'confirmed', instance: 'string' });
      const data = typeof row.data === 'string' ? row.data : JSON.stringify(row.data);
      const files = await sql.query<{ field_key: string }>('SELECT field_key FROM portal_files WHERE submission_id = $1', [row.id]);
      for (const file of files) expect(data).toContain(JSON.stringify(file.field_key));
    }
    const orphans = await sql.query('SELECT f.id FROM portal_files f LEFT JOIN portal_submissions s ON s.id = f.submission_id WHERE s.id IS NULL OR s.state <> $1', ['confirmed']);
    expect(orphans).toEqual([]);
    expect((await sql.query('SELECT id FROM portal_files')).length).toBeGreaterThan(0);
  });
});
