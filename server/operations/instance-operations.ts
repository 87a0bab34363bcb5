/**
 * What an operator changes in a running instance, through zeebe-node as against any Zeebe: cancel it, retry an
 * incident (new job retries, then ResolveIncident), set a variable. Each change is audited after the engine took
 * it, with the state before as far as the exporter's tables know it (they may lag the engine by a moment).
 */
import type { ZBClient } from 'zeebe-node';
import type { AuditEntryInput, AuditLog } from '../audit/audit-log.js';
import { gatewayProblem } from '../http/gateway-problem.js';
import { HttpProblem, notFound, problemType } from '../http/problem.js';
import type { OperationsSource } from './operations-source.js';

export type Origin = Pick<AuditEntryInput, 'actor' | 'clientAddress'>;

export interface RetriedIncident {
  incidentKey: string;
  processInstanceKey: string;
  /** The job given new retries, or null for an incident without a job. */
  jobKey: string | null;
  retries: number | null;
}

export interface VariableChange {
  processInstanceKey: string;
  scopeKey: string;
  name: string;
  /** JSON text. */
  value: string;
}

/** Audit details keep values and messages short: the log is append-only, and variables can hold personal data. */
const AUDITED_TEXT_LENGTH = 1_000;
const clipped = (text: string | null | undefined) =>
  text === null || text === undefined || text.length <= AUDITED_TEXT_LENGTH ? text ?? null : `${text.slice(0, AUDITED_TEXT_LENGTH)}…`;

export const operationsUnavailable = () => new HttpProblem(503, {
  type: problemType('operations-data-unavailable'),
  title: 'Operations data unavailable',
  detail: 'Operations data needs the embedded engine\'s exporter; this server runs against a Zeebe gateway (ZEEBE_ADDRESS) whose instances it cannot read.',
});

export class InstanceOperations {
  constructor(
    private readonly zeebe: ZBClient,
    private readonly audit: AuditLog,
    private readonly source: OperationsSource | undefined,
  ) {}

  /** The exporter's tables, or 503 when this server has none. */
  requireSource(): OperationsSource {
    if (!this.source) throw operationsUnavailable();
    return this.source;
  }

  async cancel(processInstanceKey: string, origin: Origin): Promise<void> {
    const before = await this.source?.processInstance(processInstanceKey);
    try {
      await this.zeebe.cancelProcessInstance(processInstanceKey);
    } catch (error) {
      throw gatewayProblem(error, 'The process instance was not canceled', { processInstanceKey });
    }
    await this.audit.record({
      ...origin, action: 'process-instance.canceled', target: { kind: 'process-instance', id: processInstanceKey },
      details: before ? { bpmnProcessId: before.bpmnProcessId, version: before.version, before: { state: before.state }, after: { state: 'CANCELED' } } : {},
    });
  }

  async retryIncident(incidentKey: string, retries: number, origin: Origin): Promise<RetriedIncident> {
    const incident = await this.requireSource().incidentByKey(incidentKey);
    if (!incident) throw notFound(`There is no incident ${incidentKey} (or it is not exported yet).`);
    if (incident.state !== 'ACTIVE') {
      throw new HttpProblem(409, { type: problemType('incident-resolved'), title: 'Incident already resolved', detail: `Incident ${incidentKey} was resolved at ${incident.resolvedAt?.toISOString()}.` });
    }
    const extensions = { incidentKey, processInstanceKey: incident.processInstanceKey };
    if (incident.jobKey !== null) {
      // Without retries the job would fail into the same incident again at once, as in Zeebe.
      try {
        await this.zeebe.updateJobRetries({ jobKey: incident.jobKey, retries });
      } catch (error) {
        throw gatewayProblem(error, 'The job did not get new retries', { ...extensions, jobKey: incident.jobKey });
      }
    }
    try {
      await this.zeebe.resolveIncident({ incidentKey });
    } catch (error) {
      throw gatewayProblem(error, 'The incident was not resolved', extensions);
    }
    const result: RetriedIncident = { incidentKey, processInstanceKey: incident.processInstanceKey, jobKey: incident.jobKey, retries: incident.jobKey === null ? null : retries };
    await this.audit.record({
      ...origin, action: 'incident.resolved', target: { kind: 'process-instance', id: incident.processInstanceKey },
      details: {
        incidentKey, elementId: incident.elementId, errorType: incident.errorType, errorMessage: clipped(incident.errorMessage),
        jobKey: incident.jobKey, before: { state: 'ACTIVE' }, after: { state: 'RESOLVED', ...(result.retries === null ? {} : { jobRetries: retries }) },
      },
    });
    return result;
  }

  /**
   * Sets one variable in its scope (local: the nearest scope is not searched). `value` is JSON text, checked by the
   * caller. A scope other than the instance itself must be known to belong to it, which needs the exporter's tables.
   */
  async setVariable(change: VariableChange, origin: Origin): Promise<VariableChange> {
    const { processInstanceKey, scopeKey, name, value } = change;
    if (scopeKey !== processInstanceKey) {
      const scope = await this.requireSource().elementInstance(scopeKey);
      if (scope?.processInstanceKey !== processInstanceKey) throw notFound(`Process instance ${processInstanceKey} has no element instance ${scopeKey}.`);
    }
    const before = await this.source?.variable(scopeKey, name);
    try {
      await this.zeebe.setVariables({ elementInstanceKey: scopeKey, variables: { [name]: JSON.parse(value) as unknown }, local: true });
    } catch (error) {
      throw gatewayProblem(error, 'The variable was not set', { processInstanceKey, scopeKey, name });
    }
    await this.audit.record({
      ...origin, action: 'process-instance.variable-set', target: { kind: 'process-instance', id: processInstanceKey },
      details: { scopeKey, name, ...(this.source ? { before: clipped(before?.value) } : {}), after: clipped(value) },
    });
    return change;
  }
}
