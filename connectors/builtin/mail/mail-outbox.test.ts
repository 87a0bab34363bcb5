/** The local mail outbox: mail sent over SMTP lands as a readable .eml file. */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { startMailOutbox, type MailOutbox } from './mail-outbox.js';

let outbox: MailOutbox | undefined;
let dir: string | undefined;

afterEach(async () => {
  await outbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the local mail outbox', () => {
  it('keeps each mail it is sent as an .eml file with its recipients, in the order they arrived', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'amtsflow-outbox-'));
    outbox = await startMailOutbox(path.join(dir, 'mail'));
    const transport = nodemailer.createTransport(outbox.url);
    await transport.sendMail({
      from: 'amtsflow@localhost', to: 'e.mustermann@example.org', bcc: 'kaemmerei@leichlingen.de', subject: 'Ihr Hundesteuerbescheid',
      text: 'Sehr geehrte Frau Mustermann,', attachments: [{ filename: 'Bescheid.pdf', content: Buffer.from('%PDF-1.7'), contentType: 'application/pdf' }],
    });
    await transport.sendMail({ from: 'amtsflow@localhost', to: 'zweite@example.org', subject: 'Zweite Nachricht', text: 'x' });
    transport.close();

    const files = (await readdir(outbox.dir)).sort();
    expect(files).toHaveLength(2);
    expect(files.every((name) => name.endsWith('.eml'))).toBe(true);
    const first = await readFile(path.join(outbox.dir, files[0]), 'utf8');
    expect(first).toMatch(/^X-Amtsflow-Envelope-To: e\.mustermann@example\.org, kaemmerei@leichlingen\.de\r\n/);
    expect(first).toContain('Subject: Ihr Hundesteuerbescheid');
    expect(first).toContain('filename=Bescheid.pdf');
    expect(await readFile(path.join(outbox.dir, files[1]), 'utf8')).toContain('Subject: Zweite Nachricht');
  });
});
