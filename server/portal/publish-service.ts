/**
 * Publishes a process as a public service of the portal, the one way for both a process manager's request and the
 * reference processes seeded on the first start: only a process whose latest version links a start form the
 * validator can judge, and whose `laterDocuments` message (if any) it catches; texts and prefix stored and audited in
 * one transaction.
 */
import type { AuditEntryInput } from '../audit/audit-log.js';
import { HttpProblem, problemType } from '../http/problem.js';
import { isUniqueViolation } from '../storage/server-storage.js';
import type { PortalServices } from './portal-module.js';
import { serviceUnavailable } from './portal-problems.js';
import type { LaterDocumentsMessage, PortalService } from './service-store.js';

export interface ServiceToPublish {
  processId: string;
  title: string;
  description?: string;
  referencePrefix: string;
  /** The message by which a running case takes documents the citizen hands in later (see `ServiceStore`). */
  laterDocuments?: LaterDocumentsMessage | null;
}

export async function publishService(
  { context, services, forms }: Pick<PortalServices, 'context' | 'services' | 'forms'>,
  input: ServiceToPublish,
  origin: Pick<AuditEntryInput, 'actor' | 'clientAddress'>,
): Promise<PortalService> {
  const form = await forms.formOf(input.processId);
  if (form.kind === 'unavailable') throw serviceUnavailable(form.reason);
  if (input.laterDocuments && !form.messagesCaught.has(input.laterDocuments.message)) {
    throw new HttpProblem(409, {
      type: problemType('later-documents-message-unknown'), title: 'No such message in the process',
      detail: `Version ${form.processVersion} of "${input.processId}" catches no message "${input.laterDocuments.message}".`,
    });
  }
  try {
    return await context.sql.transaction(async (tx) => {
      const published = await services.publish(tx, { id: input.processId, title: input.title, description: input.description ?? '', referencePrefix: input.referencePrefix, laterDocuments: input.laterDocuments ?? null }, origin.actor.id ?? null);
      await context.audit.record({
        ...origin, action: 'service.published', target: { kind: 'service', id: input.processId },
        details: { title: input.title, referencePrefix: input.referencePrefix, laterDocuments: input.laterDocuments ?? null, processVersion: form.processVersion, formKey: form.formKey },
      }, tx);
      return published;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new HttpProblem(409, { type: problemType('reference-prefix-taken'), title: 'Reference prefix taken', detail: `Another service uses the prefix ${input.referencePrefix}.` });
  }
}
