/** A command the engine refuses, with the gRPC status Zeebe uses for the same case. */
export type RejectionCode = 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'FAILED_PRECONDITION' | 'ALREADY_EXISTS' | 'DEADLINE_EXCEEDED';

export class Rejection extends Error {
  override name = 'Rejection';
  constructor(readonly code: RejectionCode, message: string) {
    super(message);
  }
}

export const invalidArgument = (message: string) => new Rejection('INVALID_ARGUMENT', message);
export const notFound = (message: string) => new Rejection('NOT_FOUND', message);
export const failedPrecondition = (message: string) => new Rejection('FAILED_PRECONDITION', message);
