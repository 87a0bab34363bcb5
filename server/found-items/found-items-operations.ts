/**
 * What the Fundbüro's processes ask of the register, one operation per task (header `operation`): record a stored
 * find and tell the open losses it matches (`verlustmeldung-treffer`), move a find to a new state, propose
 * candidates for a loss, report a loss's owner to the chosen find (`fundsache-verlierer-gemeldet`), close a loss.
 */
import type { Logger } from 'pino';
import type { ZBClient } from 'zeebe-node';
import type { Candidate, FoundItemRegister, FoundItemState, LossEntry } from './found-item-register.js';
import { JobInputs } from './job-inputs.js';
import { placeWords } from './place-words.js';

export const FOUND_ITEMS_JOB_TYPE = 'amtsflow:found-items:1';
export const FOUND_ITEM_OPERATIONS = ['record-find', 'set-state', 'propose-candidates', 'report-owner', 'close-loss'] as const;

/** The messages the operations publish; their names and correlation keys are those of the BPMN. */
export const LOSS_MATCH_MESSAGE = 'verlustmeldung-treffer';
export const OWNER_REPORTED_MESSAGE = 'fundsache-verlierer-gemeldet';
/** The BPMN error `report-owner` throws when the chosen find is no longer in the Fundbüro. */
export const FIND_NOT_AVAILABLE_ERROR = 'FUNDSACHE_NICHT_VERFUEGBAR';

/** The variables every operation may read (ActivateJobs fetches only these). */
export const FOUND_ITEM_JOB_VARIABLES = [
  'aktenzeichen', 'kategorie', 'oeffentlicheBeschreibung', 'oeffentlicherFundort', 'fundort', 'fundDatum',
  'verlustort', 'verlorenAb', 'verlorenBis', 'fundAktenzeichen', 'verlierer', 'verlustBeschreibung', 'geheimesMerkmal', 'sprache',
];

/** What `set-state` may set; `stored` comes from `record-find`, `claimed` from `report-owner`. */
const SETTABLE_STATES = ['owner-acquired', 'handed-over', 'disposed'] as const satisfies readonly FoundItemState[];
const DEFAULT_MATCH_WINDOW_DAYS = 30;
const MAX_CANDIDATES = 20;
/**
 * How long a published message waits for its instance: a loss whose clerk is comparing it right now gets the match
 * when it next waits; a Fund reaches its waiting point within moments of being recorded.
 */
const MESSAGE_TIME_TO_LIVE_MS = 7 * 24 * 3_600_000;
const GRPC_ALREADY_EXISTS = 6;

export interface FoundItemJob {
  processInstanceKey: string;
  variables: Record<string, unknown>;
  customHeaders: Record<string, string>;
}

export type OperationOutcome = { kind: 'completed'; variables: Record<string, unknown> } | { kind: 'bpmn-error'; errorCode: string; message: string };

const completed = (variables: Record<string, unknown> = {}): OperationOutcome => ({ kind: 'completed', variables });

export class FoundItemsOperations {
  constructor(private readonly deps: { register: FoundItemRegister; zeebe: ZBClient; logger: Logger }) {}

  async run(job: FoundItemJob): Promise<OperationOutcome> {
    const inputs = new JobInputs(job.variables, job.customHeaders);
    const operation = inputs.oneOfHeader('operation', FOUND_ITEM_OPERATIONS);
    inputs.check();
    switch (operation) {
      case 'record-find': return this.recordFind(job, inputs);
      case 'set-state': return this.setState(inputs);
      case 'propose-candidates': return this.proposeCandidates(job, inputs);
      case 'report-owner': return this.reportOwner(inputs);
      case 'close-loss': return this.closeLoss(inputs);
    }
  }

  private async recordFind(job: FoundItemJob, inputs: JobInputs): Promise<OperationOutcome> {
    const find = {
      aktenzeichen: inputs.text('aktenzeichen', 100),
      processInstanceKey: job.processInstanceKey,
      category: inputs.text('kategorie', 40),
      publicDescription: inputs.text('oeffentlicheBeschreibung', 300),
      publicPlace: inputs.text('oeffentlicherFundort', 120),
      foundOn: inputs.day('fundDatum'),
    };
    const fullPlace = inputs.optionalText('fundort') ?? '';
    inputs.check();
    await this.deps.register.recordFind({ ...find, placeWords: placeWords(`${find.publicPlace} ${fullPlace}`) });
    const losses = await this.deps.register.lossesMatching(find);
    for (const loss of losses) {
      await this.publish({ name: LOSS_MATCH_MESSAGE, correlationKey: loss, messageId: `${LOSS_MATCH_MESSAGE}:${find.aktenzeichen}:${loss}`, variables: { treffer: find.aktenzeichen } });
    }
    return completed({ benachrichtigteVerlustmeldungen: losses });
  }

  private async setState(inputs: JobInputs): Promise<OperationOutcome> {
    const aktenzeichen = inputs.text('aktenzeichen', 100);
    const state = inputs.oneOfHeader('state', SETTABLE_STATES);
    inputs.check();
    const known = await this.deps.register.setState(aktenzeichen, state);
    if (!known) this.deps.logger.warn({ aktenzeichen, state }, 'A find the register does not hold changed its state');
    return completed();
  }

  private async proposeCandidates(job: FoundItemJob, inputs: JobInputs): Promise<OperationOutcome> {
    const windowDays = inputs.integerHeader('matchWindowDays', DEFAULT_MATCH_WINDOW_DAYS, 0, 3650);
    const aktenzeichen = inputs.text('aktenzeichen', 100);
    const category = inputs.text('kategorie', 40);
    const lostFrom = inputs.day('verlorenAb');
    const lostUntil = inputs.optionalDay('verlorenBis');
    const place = inputs.optionalText('verlustort') ?? '';
    inputs.check();
    const loss: LossEntry = {
      aktenzeichen, processInstanceKey: job.processInstanceKey, category, lostFrom,
      matchUntil: addDays(lostUntil !== undefined && lostUntil > lostFrom ? lostUntil : lostFrom, windowDays),
      placeWords: placeWords(place),
    };
    await this.deps.register.indexLoss(loss);
    const candidates = await this.deps.register.candidatesFor(loss, MAX_CANDIDATES);
    return completed({ kandidaten: candidates.map(candidateOption) });
  }

  private async reportOwner(inputs: JobInputs): Promise<OperationOutcome> {
    const lossAktenzeichen = inputs.text('aktenzeichen', 100);
    const findAktenzeichen = inputs.text('fundAktenzeichen', 100);
    const verlierer = inputs.object('verlierer');
    const verlustBeschreibung = inputs.text('verlustBeschreibung');
    const geheimesMerkmal = inputs.optionalText('geheimesMerkmal') ?? null;
    const sprache = inputs.optionalText('sprache', 10) ?? 'de';
    inputs.check();
    if (!(await this.deps.register.claim(findAktenzeichen, lossAktenzeichen))) {
      const state = await this.deps.register.stateOf(findAktenzeichen);
      return {
        kind: 'bpmn-error', errorCode: FIND_NOT_AVAILABLE_ERROR,
        message: state === undefined ? `The register has no find ${findAktenzeichen}` : `The find ${findAktenzeichen} is no longer available (${state})`,
      };
    }
    await this.publish({
      name: OWNER_REPORTED_MESSAGE, correlationKey: findAktenzeichen, messageId: `${OWNER_REPORTED_MESSAGE}:${lossAktenzeichen}:${findAktenzeichen}`,
      variables: { verlierer, verlustBeschreibung, geheimesMerkmal, sprache, verlustAktenzeichen: lossAktenzeichen },
    });
    await this.deps.register.removeLoss(lossAktenzeichen);
    return completed();
  }

  private async closeLoss(inputs: JobInputs): Promise<OperationOutcome> {
    const aktenzeichen = inputs.text('aktenzeichen', 100);
    inputs.check();
    await this.deps.register.removeLoss(aktenzeichen);
    return completed();
  }

  /** Publishes once: a retried job's message has the same id, which the engine refuses while the first is buffered. */
  private async publish(message: { name: string; correlationKey: string; messageId: string; variables: Record<string, unknown> }): Promise<void> {
    try {
      await this.deps.zeebe.publishMessage({ ...message, timeToLive: MESSAGE_TIME_TO_LIVE_MS });
    } catch (error) {
      if ((error as { code?: unknown }).code !== GRPC_ALREADY_EXISTS) throw error;
    }
  }
}

/** A candidate as the clerk's select offers it (`value`, `label`) with its public fields. */
function candidateOption(candidate: Candidate) {
  const where = candidate.sharedPlaceWords.length > 0 ? `; Ort passt: ${candidate.sharedPlaceWords.join(', ')}` : '';
  return {
    value: candidate.aktenzeichen,
    label: `${candidate.aktenzeichen}, gefunden ${candidate.foundOn} in ${candidate.place}: ${candidate.description}${where}`,
    ...candidate,
  };
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
