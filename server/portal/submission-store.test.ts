import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { storageTargets } from '../../engine/storage/storage-test-targets.js';
import { openServerStorage, type SqlClient } from '../storage/server-storage.js';
import { GroupCommit } from '../storage/group-commit.js';
import { SubmissionStore, type NewSubmission } from './submission-store.js';

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

function newSubmission(overrides: Partial<NewSubmission> = {}): NewSubmission {
  return {
    id: randomUUID(), serviceId: 'hund', referencePrefix: 'HUND', statusTokenSha256: randomUUID(), idempotencyKeySha256: null, requestSha256: null,
    tokenSalt: null, processDefinitionKey: '2251799813685250', bpmnProcessId: 'hund', processVersion: 1, formKey: 'form:1', data: { halterName: 'Anna' }, files: [],
    ...overrides,
  };
}

describe.each(storageTargets())('portal submissions on $name', (target) => {
  let sql: SqlClient;
  let store: SubmissionStore;
  beforeAll(async () => {
    await target.setUp();
    sql = await openServerStorage(target.freshOptions());
    store = new SubmissionStore(sql);
    await sql.query(`INSERT INTO portal_services (process_id, title, reference_prefix) VALUES ('hund', 'Hund anmelden', 'HUND'), ('fund', 'Fundsache', 'FUND')`);
  });
  afterAll(async () => {
    await sql.close();
    await target.tearDown();
  });

  it('numbers concurrent submissions per prefix and year without gaps, a refused one included', async () => {
    const writer = new GroupCommit(sql, GroupCommit.itemByItem((session, submission: NewSubmission) => store.insertPending(session, submission, 2031)), {
      standsAlone: (s) => s.files.length === 0, maxInFlight: 4,
    });
    const key = createHash('sha256').update('same key').digest('hex');
    const submissions = Array.from({ length: 40 }, (_, n) => newSubmission({
      ...(n % 10 === 0 ? { files: [{ key: 'files::a', name: 'a.pdf', contentType: 'application/pdf', content: PDF, sha256: 'x', id: randomUUID() }] } : {}),
      // Two with the same Idempotency-Key: the database refuses the second, which must use up no number.
      ...(n === 7 || n === 8 ? { idempotencyKeySha256: key } : {}),
    }));
    const outcomes = await Promise.allSettled(submissions.map((submission) => writer.write(submission)));
    expect(outcomes.filter((outcome) => outcome.status === 'rejected')).toHaveLength(1);
    const references = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value.reference] : [])).sort();
    expect(references).toEqual(Array.from({ length: 39 }, (_, n) => `HUND-2031-${String(n + 1).padStart(6, '0')}`));
    const other = await store.insertPending(sql, newSubmission({ serviceId: 'fund', referencePrefix: 'FUND' }), 2031);
    expect(other.reference).toBe('FUND-2031-000001');
  });

  it('keeps numbering past six digits', async () => {
    await sql.query(`INSERT INTO portal_reference_counters (prefix, year, last_number) VALUES ('HUND', 2032, 999999)`);
    expect((await store.insertPending(sql, newSubmission(), 2032)).reference).toBe('HUND-2032-1000000');
  });

  it('settles a submission once, and gives a stale pending one to one claimer only', async () => {
    const submission = newSubmission();
    await store.insertPending(sql, submission, 2033);
    expect(await store.claimStalePending(60_000)).toBeUndefined();
    await sql.query(`UPDATE portal_submissions SET attempted_at = now() - interval '2 minutes' WHERE id = $1`, [submission.id]);
    const [first, second] = await Promise.all([store.claimStalePending(60_000), store.claimStalePending(60_000)]);
    expect([first?.id, second?.id].filter(Boolean)).toEqual([submission.id]);
    expect(await sql.transaction((tx) => store.settle(tx, submission.id, { state: 'confirmed', processInstanceKey: '2251799813685300' }))).toBe(true);
    expect(await sql.transaction((tx) => store.settle(tx, submission.id, { state: 'confirmed', processInstanceKey: '2251799813685301' }))).toBe(false);
    expect((await store.byStatusToken(submission.statusTokenSha256))).toMatchObject({ state: 'confirmed', processInstanceKey: '2251799813685300', data: { halterName: 'Anna' } });
  });

  it('confirms many at once, each only once', async () => {
    const [a, b] = [newSubmission(), newSubmission()];
    await store.insertPending(sql, a, 2035);
    await store.insertPending(sql, b, 2035);
    await sql.transaction((tx) => store.settle(tx, b.id, { state: 'failed', failure: 'refused' }));
    const confirmed = await sql.transaction((tx) => store.confirmAll(tx, [{ id: a.id, processInstanceKey: '2251799813685500' }, { id: b.id, processInstanceKey: '2251799813685501' }]));
    expect([...confirmed]).toEqual([a.id]);
    expect(await store.byStatusToken(a.statusTokenSha256)).toMatchObject({ state: 'confirmed', processInstanceKey: '2251799813685500' });
    expect(await store.byStatusToken(b.statusTokenSha256)).toMatchObject({ state: 'failed', processInstanceKey: null });
    expect([...await sql.transaction((tx) => store.confirmAll(tx, [{ id: a.id, processInstanceKey: '2251799813685502' }]))]).toEqual([]);
  });

  it('gives a file only with its own submission, or with the confirmed submission of its instance', async () => {
    const fileId = randomUUID();
    const submission = newSubmission({ files: [{ key: 'files::a', name: 'impf.pdf', contentType: 'application/pdf', content: PDF, sha256: 'x', id: fileId }] });
    const other = newSubmission();
    await sql.transaction((tx) => store.insertPending(tx, submission, 2034));
    await store.insertPending(sql, other, 2034);
    expect((await store.fileContent(submission.id, fileId))?.content).toEqual(PDF);
    expect(await store.fileContent(other.id, fileId)).toBeUndefined();
    expect(await store.fileContent(submission.id, 'not-a-uuid')).toBeUndefined();
    expect(await store.fileContentOfInstance('2251799813685400', fileId)).toBeUndefined();
    await sql.transaction((tx) => store.settle(tx, submission.id, { state: 'confirmed', processInstanceKey: '2251799813685400' }));
    expect(await store.filesOfInstance('2251799813685400')).toEqual([{ id: fileId, submissionId: submission.id, fieldKey: 'files::a', name: 'impf.pdf', contentType: 'application/pdf', size: PDF.length }]);
    expect((await store.fileContentOfInstance('2251799813685400', fileId))?.content).toEqual(PDF);
  });
});
