/** The XBezahldienste client against the stand-in provider over real HTTP: tokens, errors, and what is permanent. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStandInProvider, type StandInProvider } from '../../../test/peers/xbezahldienste-provider.js';
import { PaymentProviderError, XBezahldiensteClient, type XBezahldiensteConfig } from './xbezahldienste-client.js';
import type { PaymentRequest } from './xbezahldienste-protocol.js';
import { centsToEuros, eurosToCents } from './xbezahldienste-protocol.js';

let provider: StandInProvider;
let config: XBezahldiensteConfig;

beforeAll(async () => {
  provider = await startStandInProvider({ originatorId: 'leichlingen', endPointIds: ['hundesteuer'], clientId: 'amtsflow', clientSecret: 's3cret' });
  config = { baseUrl: provider.url, originatorId: 'leichlingen', endPointId: 'hundesteuer', clientId: 'amtsflow', clientSecret: 's3cret' };
});
afterAll(async () => provider.close());

const request = (overrides: Partial<PaymentRequest> = {}): PaymentRequest => ({
  requestId: `client-${Math.random().toString(36).slice(2, 10)}`,
  requestTimestamp: new Date().toISOString(),
  currency: 'EUR',
  grosAmount: 19.99,
  purpose: 'KZ 4711',
  description: 'Fundsache: Gebühr',
  redirectUrl: 'https://portal.example/zurueck',
  items: [{ id: '1', description: 'Gebühr', quantity: 1, grosAmount: 19.99 }],
  ...overrides,
});

describe('the XBezahldienste client', () => {
  it('gets a token, creates a transaction and reads its status', async () => {
    const client = new XBezahldiensteClient(config);
    const created = await client.createPaymentTransaction(request());
    expect(created.paymentInformation).toMatchObject({ status: 'INITIAL', transactionRedirectUrl: expect.stringContaining('/paypage/') });
    const read = await client.getPaymentTransaction(created.paymentInformation.transactionId);
    expect(read.paymentRequest.grosAmount).toBe(19.99);
  });

  it('treats a refused request (400) and unknown credentials (401) as permanent', async () => {
    const client = new XBezahldiensteClient(config);
    const refused = await client.createPaymentTransaction(request({ purpose: 'Kassenzeichen 5.0100.123.4' })).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PaymentProviderError);
    expect(refused).toMatchObject({ permanent: true, status: 400, message: expect.stringContaining('purpose') });
    const stranger = new XBezahldiensteClient({ ...config, clientSecret: 'falsch' });
    await expect(stranger.getPaymentTransaction('x')).rejects.toMatchObject({ permanent: true, status: 401 });
  });

  it('treats an unreachable provider as transient, to be retried', async () => {
    const client = new XBezahldiensteClient({ ...config, baseUrl: 'http://127.0.0.1:9' });
    await expect(client.getPaymentTransaction('x')).rejects.toMatchObject({ permanent: false, message: expect.stringContaining('could not be reached') });
  });
});

describe('amounts on the wire', () => {
  it('are euros with two decimals, converted from and to whole cents without loss', () => {
    for (const cents of [1, 10, 99, 1999, 12_500, 100_000_000, 987_654_321]) expect(eurosToCents(centsToEuros(cents))).toBe(cents);
    expect(() => eurosToCents(0.125)).toThrow('whole cents');
    expect(() => centsToEuros(1.5)).toThrow('whole number of cents');
  });
});
