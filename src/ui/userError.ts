/** A problem to tell the user as it is: its message already says what happened and what to do. */
export class UserError extends Error {}
