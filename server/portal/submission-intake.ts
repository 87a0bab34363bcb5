/**
 * A citizen's submission, from request to reference number. Checked first (service, form version, data with
 * `forms/`, files); then written `pending` with its files and a new reference number in one transaction; then the
 * engine is asked for the instance; only once it acknowledged is the row `confirmed` and the citizen given the
 * reference and the status link. A crash between leaves a pending row that no citizen holds a reference to, which
 * the background settling (`submission-resumer.ts`) confirms or starts. An Idempotency-Key makes a retry get the
 * same answer, never a second instance.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ZBClient } from 'zeebe-node';
import type { UploadedFile } from '../../forms/index.js';
import type { AuditActor } from '../audit/audit-log.js';
import { isUniqueViolation } from '../storage/server-storage.js';
import { formInvalidProblem, type TaskFormValidator } from '../tasks/task-form-validation.js';
import {
  engineUnreachable, formOutdated, idempotencyKeyReused, noSuchService, serviceUnavailable, submissionInProgress, submissionNotStarted,
} from './portal-problems.js';
import { GroupCommit } from '../storage/group-commit.js';
import type { ServiceFormResolver } from './service-forms.js';
import type { ServiceStore } from './service-store.js';
import type { SubmissionBody, SubmittedFile } from './submission-body.js';
import { confirmationsInGroups, recordOutcome, startInstance, type Confirmation, type SettlementDeps } from './submission-settlement.js';
import type { NewSubmission, StoredSubmission, SubmissionStore } from './submission-store.js';
import { derivedToken, issueStatusToken, sha256Hex } from './status-tokens.js';

export interface SubmissionReceipt {
  reference: string;
  statusToken: string;
  submittedAt: string;
  serviceId: string;
}

export interface SubmissionRequest {
  serviceId: string;
  body: SubmissionBody;
  idempotencyKey?: string;
  locale?: string;
  origin: { actor: AuditActor; clientAddress?: string };
}

export interface SubmissionIntakeDeps extends SettlementDeps<StoredSubmission> {
  store: SubmissionStore;
  services: ServiceStore;
  forms: ServiceFormResolver;
  validate: TaskFormValidator;
  zeebe: ZBClient;
  logger: Logger;
  /** Group commits in flight at once: 1 on PGlite, more on a PostgreSQL server (see `GroupCommit`). */
  parallelCommits: number;
}

export class SubmissionIntake {
  /** Pending rows and confirmations are written in groups, so concurrent submissions share commits. */
  private readonly pending: GroupCommit<{ submission: NewSubmission; year: number }, { reference: string; createdAt: string }>;
  private readonly confirmations: GroupCommit<Confirmation, boolean>;

  constructor(private readonly deps: SubmissionIntakeDeps) {
    this.pending = new GroupCommit(deps.sql, GroupCommit.itemByItem((session, { submission, year }) => deps.store.insertPending(session, submission, year)), {
      // Without files it is one statement.
      standsAlone: ({ submission }) => submission.files.length === 0,
      maxInFlight: deps.parallelCommits,
    });
    this.confirmations = confirmationsInGroups(deps, deps.parallelCommits);
  }

  async submit(request: SubmissionRequest): Promise<SubmissionReceipt> {
    const { deps } = this;
    const found = await deps.services.withDeploymentGeneration(request.serviceId);
    if (!found?.service.published) throw noSuchService(request.serviceId);
    const { service, deploymentGeneration } = found;
    const keySha256 = request.idempotencyKey === undefined ? null : sha256Hex(`${service.id}\n${request.idempotencyKey}`);
    if (keySha256 !== null) {
      const earlier = await deps.store.byIdempotencyKey(keySha256);
      if (earlier) return this.replay(earlier, request);
    }
    const form = await deps.forms.formOf(service.id, deploymentGeneration);
    if (form.kind === 'unavailable') throw serviceUnavailable(form.reason);
    if (request.body.formKey !== undefined && request.body.formKey !== form.formKey) throw formOutdated(form.formKey);
    const verdict = deps.validate({
      schema: form.schema, cacheKey: form.formKey, submitted: request.body.data, variables: {}, locale: request.locale, files: uploadedFiles(request.body.files),
    });
    if (verdict.valid === 'unjudgeable') throw serviceUnavailable(verdict.reason);
    if (verdict.valid === false) throw formInvalidProblem(verdict.errors);

    const token = issueStatusToken(request.idempotencyKey);
    const submission = {
      id: randomUUID(),
      serviceId: service.id,
      referencePrefix: service.referencePrefix,
      statusTokenSha256: token.sha256,
      idempotencyKeySha256: keySha256,
      requestSha256: keySha256 === null ? null : request.body.fingerprint,
      tokenSalt: token.salt,
      processDefinitionKey: form.processDefinitionKey,
      bpmnProcessId: form.bpmnProcessId,
      processVersion: form.processVersion,
      formKey: form.formKey,
      data: verdict.data,
      files: referencedFiles(request.body.files, verdict.data).map((file) => ({ ...file, id: randomUUID() })),
    };
    let reference: string;
    let submittedAt: string;
    try {
      ({ reference, createdAt: submittedAt } = await this.pending.write({ submission, year: new Date().getUTCFullYear() }));
    } catch (error) {
      // The same Idempotency-Key sent twice at once: the first one's row won.
      if (keySha256 !== null && isUniqueViolation(error)) {
        const earlier = await deps.store.byIdempotencyKey(keySha256);
        if (earlier) return this.replay(earlier, request);
      }
      throw error;
    }
    const outcome = await startInstance(deps.zeebe, { ...submission, reference });
    if ('unreachable' in outcome) {
      // Left pending: the background settling finds out whether the instance exists, or starts it.
      deps.logger.warn({ err: outcome.unreachable, reference }, 'The engine did not acknowledge a submission\'s instance; it stays pending');
      throw engineUnreachable();
    }
    const settlement = { submission: { ...submission, reference }, origin: request.origin, details: { serviceId: service.id, files: submission.files.length } };
    await ('started' in outcome ? this.confirmations.write({ ...settlement, outcome }) : recordOutcome(deps, { ...settlement, outcome }));
    if ('refused' in outcome) throw submissionNotStarted(outcome.refused);
    return { reference, statusToken: token.token, submittedAt, serviceId: service.id };
  }

  /** The answer to a retry under the same Idempotency-Key. */
  private replay(earlier: StoredSubmission, request: SubmissionRequest): SubmissionReceipt {
    if (earlier.requestSha256 !== request.body.fingerprint) throw idempotencyKeyReused();
    if (earlier.state === 'pending') throw submissionInProgress();
    if (earlier.state !== 'confirmed') throw submissionNotStarted('This submission could not be handed to the process; please contact the office with its Idempotency-Key.');
    return {
      reference: earlier.reference,
      statusToken: derivedToken(request.idempotencyKey!, earlier.tokenSalt!),
      submittedAt: earlier.createdAt,
      serviceId: earlier.serviceId,
    };
  }
}

/** By file picker key; a Map, since a key is the client's text (`__proto__` included). */
function uploadedFiles(files: readonly SubmittedFile[]): Map<string, UploadedFile[]> {
  const byKey = new Map<string, UploadedFile[]>();
  for (const file of files) byKey.set(file.key, [...(byKey.get(file.key) ?? []), { name: file.name, type: file.contentType, size: file.content.length }]);
  return byKey;
}

/** The files whose key the cleaned data still names: a hidden file picker's files are dropped with its value. */
function referencedFiles(files: readonly SubmittedFile[], data: unknown): SubmittedFile[] {
  if (files.length === 0) return [];
  const named = new Set<string>();
  const walk = (value: unknown) => {
    if (typeof value === 'string') named.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(data);
  return files.filter((file) => named.has(file.key));
}
