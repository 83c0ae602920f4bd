import { isAwsError } from '../aws/errors';

/** A problem to tell the user as it is: its message already says what happened and what to do. */
export class UserError extends Error {}

/** Thrown when the user backs out of a prompt: ends a command quietly. */
export class UserCancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

export function isCancellation(error: unknown): boolean {
  return error instanceof UserCancelled || (isAwsError(error) && error.kind === 'cancelled');
}
