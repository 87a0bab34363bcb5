/**
 * A plain SMTP server on 127.0.0.1 (no TLS, no authentication, any sender) that hands every mail it accepts to a
 * callback: the local mail outbox of `npm start` and the tests' sink are both this, with different callbacks.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpEnvelope {
  from: string;
  recipients: string[];
}

export interface SmtpReceiverOptions {
  /** Called for each mail; the client gets its 250 only once the returned promise resolves. */
  onMail(raw: Buffer, envelope: SmtpEnvelope): Promise<void> | void;
  /** A recipient this returns false for is refused for good (550). Every recipient is accepted without it. */
  acceptsRecipient?(address: string): boolean;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface SmtpReceiver {
  port: number;
  /** `smtp://127.0.0.1:<port>/?ignoreTLS=true`, as AMTSFLOW_SMTP_URL takes it. */
  url: string;
  close(): Promise<void>;
}

export async function startSmtpReceiver({ onMail, acceptsRecipient = () => true, port = 0 }: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!acceptsRecipient(address.address)) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        };
        Promise.resolve(onMail(Buffer.concat(chunks), envelope)).then(() => callback(), (error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.server.once('error', reject);
    smtp.listen(port, '127.0.0.1', resolve);
  });
  const listening = (smtp.server.address() as AddressInfo).port;
  return {
    port: listening,
    url: `smtp://127.0.0.1:${listening}/?ignoreTLS=true`,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
