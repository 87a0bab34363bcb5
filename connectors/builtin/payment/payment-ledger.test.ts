/** The payment ledger on PGlite (and PostgreSQL when AMTSFLOW_TEST_DATABASE_URL is set). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sqlTestTargets, type SqlTestDatabase } from '../../testing/engine-test-support.js';
import { PaymentLedger } from './payment-ledger.js';

const entry = (requestId: string) => ({
  requestId, endPointId: 'hundesteuer', kassenzeichen: '5.0100.1', amountCents: 12_500, currency: 'EUR', purpose: '5-0100-1', messageName: 'payment-finished',
});

describe.each(sqlTestTargets())('the payment ledger on $name', (target) => {
  let database: SqlTestDatabase;
  let ledger: PaymentLedger;

  beforeAll(async () => {
    database = await target.open();
    ledger = await PaymentLedger.open(database);
  });
  afterAll(async () => database.close());

  it('keeps the first request for a request id and the first transaction recorded for it', async () => {
    const reserved = await ledger.reserve(entry('r-1'));
    expect(reserved).toMatchObject({ requestId: 'r-1', amountCents: 12_500, kassenzeichen: '5.0100.1' });
    expect(reserved.transactionId).toBeUndefined();
    expect(await ledger.reserve({ ...entry('r-1'), amountCents: 1 })).toMatchObject({ amountCents: 12_500 });
    await ledger.recordCreated('r-1', { transactionId: 't-1', transactionRedirectUrl: 'https://psp/pay/t-1', status: 'INITIAL' });
    const again = await ledger.recordCreated('r-1', { transactionId: 't-2', transactionRedirectUrl: 'https://psp/pay/t-2', status: 'INITIAL' });
    expect(again).toMatchObject({ transactionId: 't-1', status: 'INITIAL' });
  });

  it('moves a transaction to a final status once; a final status never changes', async () => {
    await ledger.reserve(entry('r-2'));
    await ledger.recordCreated('r-2', { transactionId: 't-3', transactionRedirectUrl: 'https://psp/pay/t-3', status: 'INITIAL' });
    expect(await ledger.recordFinalStatus('t-3', 'PAYED', 'GIROPAY')).toBe(true);
    expect(await ledger.recordFinalStatus('t-3', 'FAILED', undefined)).toBe(false);
    expect(await ledger.byTransactionId('t-3')).toMatchObject({ status: 'PAYED', paymentMethod: 'GIROPAY', statusChangedAt: expect.stringMatching(/Z$/) });
  });

  it('lists what the processes have not heard of, and forgets it once correlated', async () => {
    const open = (await ledger.uncorrelated(new Date(Date.now() + 60_000), 100)).map((e) => e.transactionId);
    expect(open).toEqual(expect.arrayContaining(['t-1', 't-3']));
    await ledger.markCorrelated('t-3');
    expect((await ledger.uncorrelated(new Date(Date.now() + 60_000), 100)).map((e) => e.transactionId)).not.toContain('t-3');
    expect(await ledger.uncorrelated(new Date(Date.now() - 3_600_000), 100)).toEqual([]);
    await ledger.reserve(entry('r-3'));
    expect(await ledger.countWithoutTransaction()).toBe(1);
  });
});
