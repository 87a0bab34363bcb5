/**
 * For tests: a local SMTP server that keeps every mail it receives, with its envelope and the parsed message. A
 * recipient whose address starts with `unbekannt@` is refused for good (550).
 */
import { startSmtpReceiver, type SmtpReceiver } from '../smtp-receiver.js';
import { parseMimeMessage, type MimeMessage } from './mime-message.js';

export interface ReceivedMail {
  from: string;
  recipients: string[];
  message: MimeMessage;
}

export interface SmtpSink extends SmtpReceiver {
  received: ReceivedMail[];
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const receiver = await startSmtpReceiver({
    acceptsRecipient: (address) => !address.startsWith('unbekannt@'),
    onMail: (raw, envelope) => {
      received.push({ ...envelope, message: parseMimeMessage(raw.toString('utf8')) });
    },
  });
  return { ...receiver, received };
}
