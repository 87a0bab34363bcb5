/**
 * Online payment end to end: a process on the embedded engine creates a payment through the connector, waits at a
 * message catch event, the citizen pays on the stand-in provider's paypage (real HTTP), the signed notification
 * reaches amtsflow's endpoint, the status is pulled and the message correlates. Also: a lost notification healed by
 * reconciliation, a create whose answer was lost and is retried, refused notifications, and a mismatching payment.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pino from 'pino';
import { startStandInProvider, type StandInProvider } from '../../../test/peers/xbezahldienste-provider.js';
import {
  bpmnProcess, connectorProcess, connectorTask, eventually, flow, runToEnd, startConnectorTestBed, type ConnectorTestBed,
} from '../../testing/connector-test-bed.js';
import { catchEvent, message, messageDefinition, scriptTask, sqlTestTargets, type SqlTestDatabase } from '../../testing/engine-test-support.js';
import { paymentConnectors } from './payment-connectors.js';
import { PaymentLedger } from './payment-ledger.js';
import { paymentNotificationHandler, signNotification } from './payment-notification-handler.js';
import { PaymentService } from './payment-service.js';
import { XBezahldiensteClient } from './xbezahldienste-client.js';
import { elementTemplateProblems } from '../../templates/element-template-schema.js';
import { elementTemplatesOf } from '../../templates/element-templates.js';
import { zeebeMessagePublisher } from '../../runtime/zeebe-message-publisher.js';
import type { MessagePublisher } from '../../sdk/index.js';

const SECRET = 'geteiltes-geheimnis';
const RETURN_URL = 'https://portal.leichlingen.example/zahlung/zurueck';
const logger = pino({ level: 'silent' });

let database: SqlTestDatabase;
let ledger: PaymentLedger;
let provider: StandInProvider;
let receiver: Server;
let receiverUrl: string;
let service: PaymentService;
let bed: ConnectorTestBed;
/** What the notification endpoint publishes with outside a job: as the server would, on a client of its own. */
let publisher: MessagePublisher;

beforeAll(async () => {
  database = await sqlTestTargets()[0].open();
  ledger = await PaymentLedger.open(database);
  let handle: RequestListener = (_request, response) => response.writeHead(503).end();
  receiver = createServer((request, response) => handle(request, response));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/zahlung/benachrichtigung`;
  provider = await startStandInProvider({
    originatorId: 'leichlingen', endPointIds: ['hundesteuer', 'fundbuero'], clientId: 'amtsflow', clientSecret: 's3cret',
    notificationUrl: receiverUrl, notificationSecret: SECRET,
  });
  const client = new XBezahldiensteClient({ baseUrl: provider.url, originatorId: 'leichlingen', endPointId: 'hundesteuer', clientId: 'amtsflow', clientSecret: 's3cret' });
  service = new PaymentService({ ledger, provider: client, logger });
  bed = await startConnectorTestBed(paymentConnectors(service));
  publisher = zeebeMessagePublisher(bed.engine.zbc);
  handle = paymentNotificationHandler({ service, publisher, secret: SECRET, logger });

  // Hundesteuer: create the payment, wait for its outcome, then record whether it was paid.
  const body = [
    '<bpmn:startEvent id="start" />',
    connectorTask('zahlungAnlegen', 'amtsflow:payment-create:1', {
      inputs: { kassenzeichen: '=kassenzeichen', amountCents: '=betragInCent', description: 'Hundesteuer', redirectUrl: RETURN_URL },
      headers: { messageName: 'payment-finished', resultVariable: 'payment' },
    }),
    catchEvent('zahlungAbwarten', messageDefinition('payment-finished')),
    '<bpmn:exclusiveGateway id="bezahlt" default="fNichtBezahlt" />',
    scriptTask('alsBezahltVermerken', '=&quot;bezahlt&quot;', 'ergebnis'),
    scriptTask('alsOffenVermerken', '=&quot;nicht bezahlt&quot;', 'ergebnis'),
    '<bpmn:endEvent id="end" />',
    flow('f1', 'start', 'zahlungAnlegen'), flow('f2', 'zahlungAnlegen', 'zahlungAbwarten'), flow('f3', 'zahlungAbwarten', 'bezahlt'),
    flow('fBezahlt', 'bezahlt', 'alsBezahltVermerken', '=paymentStatus = "PAYED"'), flow('fNichtBezahlt', 'bezahlt', 'alsOffenVermerken'),
    flow('f4', 'alsBezahltVermerken', 'end'), flow('f5', 'alsOffenVermerken', 'end'),
  ].join('');
  await bed.engine.zbc.deployResource({ name: 'hundesteuer-zahlung.bpmn', process: bpmnProcess('hundesteuer-zahlung', body, message('payment-finished', '=payment.transactionId')) });
});

afterAll(async () => {
  await bed.destroy();
  await provider.close();
  await new Promise((resolve) => receiver.close(resolve));
  await database.close();
});

/** Starts a payment process and resolves, once its transaction exists, with the transaction and the running result. */
async function startPayment(kassenzeichen: string, betragInCent: number) {
  const before = provider.transactions().length;
  const result = bed.engine.zbc.createProcessInstanceWithResult({ bpmnProcessId: 'hundesteuer-zahlung', variables: { kassenzeichen, betragInCent }, requestTimeout: 30_000 });
  const transaction = await eventually(() => provider.transactions()[before], 10_000);
  const entry = await eventually(async () => (await ledger.byTransactionId(transaction.transactionId)) ?? false, 10_000);
  return { transaction, redirectUrl: entry.transactionRedirectUrl!, result: result.then((r) => r.variables as Record<string, any>) };
}

/** What the citizen's browser does on the paypage: load it, press a button, follow the redirect back. */
async function citizenOnPaypage(redirectUrl: string, action: 'pay' | 'cancel'): Promise<string> {
  const page = await (await fetch(redirectUrl)).text();
  const formAction = /<form method="post" action="([^"]+)"/.exec(page)![1];
  const answer = await fetch(new URL(formAction, redirectUrl), { method: 'POST', body: new URLSearchParams({ action }), redirect: 'manual' });
  expect(answer.status).toBe(303);
  return answer.headers.get('location')!;
}

describe('online payment', () => {
  it('is declared by connectors whose element templates Camunda\'s schema accepts', () => {
    expect(elementTemplatesOf(paymentConnectors(service)).flatMap(elementTemplateProblems)).toEqual([]);
  });

  it('continues the process once the citizen paid and the signed notification arrived', async () => {
    const { transaction, redirectUrl, result } = await startPayment('5.0100.123456.7', 12_500);
    expect(transaction.paymentRequest).toMatchObject({ grosAmount: 125, purpose: '5-0100-123456-7', currency: 'EUR', redirectUrl: RETURN_URL });
    expect(await citizenOnPaypage(redirectUrl, 'pay')).toBe(RETURN_URL);
    const variables = await result;
    expect(variables).toMatchObject({
      ergebnis: 'bezahlt',
      paymentStatus: 'PAYED',
      paymentResult: { transactionId: transaction.transactionId, kassenzeichen: '5.0100.123456.7', amountCents: 12_500, currency: 'EUR', paymentMethod: 'GIROPAY' },
      payment: { transactionId: transaction.transactionId, status: 'INITIAL' },
    });
    expect((await ledger.byTransactionId(transaction.transactionId))?.correlatedAt).toBeDefined();
  });

  it('takes the other path when the citizen cancels', async () => {
    const { redirectUrl, result } = await startPayment('5.0100.123456.8', 8_400);
    await citizenOnPaypage(redirectUrl, 'cancel');
    expect(await result).toMatchObject({ ergebnis: 'nicht bezahlt', paymentStatus: 'CANCELED' });
  });

  it('heals a lost notification by reconciliation', async () => {
    provider.loseNotifications = true;
    try {
      const { transaction, redirectUrl, result } = await startPayment('5.0100.200000.1', 17_500);
      await citizenOnPaypage(redirectUrl, 'pay');
      expect((await ledger.byTransactionId(transaction.transactionId))?.status).toBe('INITIAL');

      const reconcile = connectorProcess('zahlungsabgleich', 'amtsflow:payment-reconcile:1', { headers: { olderThanMinutes: '0', limit: '100', resultVariable: 'abgleich' } });
      const { abgleich } = await runToEnd(bed, 'zahlungsabgleich', reconcile) as { abgleich: { correlated: string[] } };
      expect(abgleich.correlated).toContain(transaction.transactionId);
      expect(await result).toMatchObject({ ergebnis: 'bezahlt', paymentStatus: 'PAYED' });
    } finally {
      provider.loseNotifications = false;
    }
  });

  it('reports a payment the provider timed out as FAILED through reconciliation', async () => {
    provider.loseNotifications = true;
    try {
      const { result } = await startPayment('5.0100.200000.2', 1_000);
      provider.expireOpenTransactions();
      await service.reconcile(publisher);
      expect(await result).toMatchObject({ ergebnis: 'nicht bezahlt', paymentStatus: 'FAILED' });
    } finally {
      provider.loseNotifications = false;
    }
  });

  it('creates no second transaction when the create job is retried after the answer was lost', async () => {
    const callsBefore = provider.createCalls;
    const transactionsBefore = provider.transactions().length;
    provider.dropNextCreateAnswer();
    const { transaction, redirectUrl, result } = await startPayment('5.0100.300000.1', 4_200);
    await eventually(async () => (await ledger.byTransactionId(transaction.transactionId))?.transactionId === transaction.transactionId, 10_000);
    expect(provider.createCalls).toBe(callsBefore + 2);
    expect(provider.transactions().length).toBe(transactionsBefore + 1);
    await citizenOnPaypage(redirectUrl, 'pay');
    expect(await result).toMatchObject({ ergebnis: 'bezahlt', paymentResult: { transactionId: transaction.transactionId } });
  });

  it('asks the provider only once for a request id it has seen', async () => {
    const request = { requestId: 'af-test-1', kassenzeichen: '5.0100.400000.1', amountCents: 999, description: 'Test', redirectUrl: RETURN_URL, messageName: 'payment-finished' };
    const first = await service.create(request);
    const callsAfterFirst = provider.createCalls;
    expect(await service.create(request)).toEqual(first);
    expect(provider.createCalls).toBe(callsAfterFirst);
    await expect(service.create({ ...request, amountCents: 1000 })).rejects.toThrow('was used for another payment');
  });
});

describe('the notification endpoint', () => {
  const notify = (body: string, signature?: string) => fetch(receiverUrl, {
    method: 'POST', body, headers: { 'content-type': 'application/json', ...(signature && { 'x-payment-signature': signature }) },
  });

  it('refuses a notification without a valid signature and changes nothing', async () => {
    const { transaction } = await startPayment('5.0100.500000.1', 500);
    const body = JSON.stringify({ transactionId: transaction.transactionId, status: 'PAYED' });
    expect((await notify(body)).status).toBe(401);
    expect((await notify(body, signNotification(body, 'falsches-geheimnis'))).status).toBe(401);
    expect((await ledger.byTransactionId(transaction.transactionId))?.status).toBe('INITIAL');
  });

  it('does not believe a signed notification that claims a payment the provider does not confirm', async () => {
    const { transaction } = await startPayment('5.0100.500000.2', 500);
    const body = JSON.stringify({ transactionId: transaction.transactionId, status: 'PAYED' });
    expect((await notify(body, signNotification(body, SECRET))).status).toBe(204);
    expect((await ledger.byTransactionId(transaction.transactionId))?.status).toBe('INITIAL');
  });

  it('answers 404 for a transaction amtsflow does not know, so the provider tries again later', async () => {
    const body = JSON.stringify({ transactionId: 'unbekannt' });
    expect((await notify(body, signNotification(body, SECRET))).status).toBe(404);
  });

  it('ignores a repeated notification of a correlated payment', async () => {
    const { transaction, redirectUrl, result } = await startPayment('5.0100.500000.3', 700);
    await citizenOnPaypage(redirectUrl, 'pay');
    await result;
    const body = JSON.stringify({ transactionId: transaction.transactionId, status: 'PAYED' });
    expect((await notify(body, signNotification(body, SECRET))).status).toBe(204);
    expect(await service.refreshAndCorrelate(transaction.transactionId, publisher)).toBe('already-correlated');
  });
});

describe('a payment that does not match its request', () => {
  it('is not correlated and keeps the problem for the Kasse', async () => {
    provider.loseNotifications = true;
    try {
      const created = await service.create({ requestId: 'af-mismatch-1', kassenzeichen: '5.0100.600000.1', amountCents: 5_000, description: 'Test', redirectUrl: RETURN_URL, messageName: 'payment-finished' });
      const stored = provider.transactions().find((t) => t.transactionId === created.transactionId)!;
      stored.paymentRequest.grosAmount = 5; // the provider now reports 5 euros instead of 50
      await citizenOnPaypage(created.redirectUrl, 'pay');
      expect(await service.refreshAndCorrelate(created.transactionId, publisher)).toBe('mismatch');
      expect((await ledger.byTransactionId(created.transactionId))?.problem).toBe('the provider reports 500 cents, 5000 were requested');
      expect([...bed.engine.running.engine.state.messages.values()].some((m) => m.correlationKey === created.transactionId)).toBe(false);
    } finally {
      provider.loseNotifications = false;
    }
  });
});
