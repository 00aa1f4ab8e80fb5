/** A bad command line or configuration: printed as one line, exit code 2. */
export class UsageError extends Error {}
