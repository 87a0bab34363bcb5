/** The problems the portal answers with, each with a stable type. */
import { HttpProblem, problemType } from '../http/problem.js';

export const noSuchService = (id: string) =>
  new HttpProblem(404, { type: problemType('service-not-found'), title: 'No such service', detail: `There is no public service "${id}".` });

export const serviceUnavailable = (reason: string) =>
  new HttpProblem(409, { type: problemType('service-unavailable'), title: 'Service unavailable', detail: `This service cannot take submissions at the moment: ${reason}` });

export const formOutdated = (formKey: string) =>
  new HttpProblem(409, {
    type: problemType('form-outdated'), title: 'The form has changed',
    detail: 'The form was changed since it was loaded. Load it again (its current formKey is given) and submit again.',
    extensions: { formKey },
  });

export const noSuchSubmission = () =>
  new HttpProblem(404, { type: problemType('submission-not-found'), title: 'No such submission', detail: 'This status link is not known.' });

export const idempotencyKeyReused = () =>
  new HttpProblem(422, {
    type: problemType('idempotency-key-reused'), title: 'Idempotency-Key used for another submission',
    detail: 'This Idempotency-Key was sent with a different submission. Use a new key for a new submission.',
  });

export const submissionInProgress = () =>
  new HttpProblem(409, {
    type: problemType('submission-in-progress'), title: 'Submission in progress',
    detail: 'This submission is still being handed to the process; ask again in a moment with the same Idempotency-Key.',
    extensions: { retryAfterSeconds: 5 },
  });

export const submissionNotStarted = (detail: string) =>
  new HttpProblem(409, { type: problemType('submission-not-started'), title: 'The submission could not be started', detail });

export const engineUnreachable = () =>
  new HttpProblem(503, {
    type: problemType('submission-pending'), title: 'The submission is not confirmed yet',
    detail: 'The process engine did not answer. Try again with the same Idempotency-Key; the submission is never started twice.',
  });

export const laterDocumentsNotAccepted = () =>
  new HttpProblem(409, { type: problemType('later-documents-not-accepted'), title: 'No documents accepted', detail: 'This service does not take documents handed in later.' });

export const caseClosed = () =>
  new HttpProblem(409, { type: problemType('case-closed'), title: 'The case is closed', detail: 'This case is closed; documents can no longer be handed in for it.' });

export const laterDocumentsPending = () =>
  new HttpProblem(503, {
    type: problemType('later-documents-pending'), title: 'The documents are not confirmed yet',
    detail: 'The documents are stored, but the process engine did not answer. Send them again with the same Idempotency-Key; they are never handed on twice.',
  });
