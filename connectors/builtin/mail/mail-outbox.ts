/**
 * The local mail outbox: where mail goes when no SMTP server is configured (`npm start` on a fresh machine). It is a
 * real SMTP server on 127.0.0.1 that the mail connector delivers to like any other; it sends nothing on, but keeps each
 * mail as an `.eml` file (RFC 5322, opens in any mail program) so a Hundesteuerbescheid can be read where it landed.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startSmtpReceiver, type SmtpReceiver } from './smtp-receiver.js';

export interface MailOutbox extends SmtpReceiver {
  /** The folder the `.eml` files are written to. */
  dir: string;
}

export async function startMailOutbox(dir: string): Promise<MailOutbox> {
  await mkdir(dir, { recursive: true });
  const receiver = await startSmtpReceiver({
    onMail: async (raw, envelope) => {
      // Sortable by arrival; written under a temporary name first so a reader never sees half a mail.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`;
      const recipients = `X-Amtsflow-Envelope-To: ${envelope.recipients.join(', ')}\r\n`;
      await writeFile(path.join(dir, `.${name}.tmp`), Buffer.concat([Buffer.from(recipients), raw]));
      await rename(path.join(dir, `.${name}.tmp`), path.join(dir, name));
    },
  });
  return { ...receiver, dir };
}
