/**
 * The closed error vocabulary. Services throw these; the HTTP layer maps them to status codes
 * in one place (server/errors.plugin.ts) and the CLI prints their message. Nothing else is thrown
 * on purpose: any other error is a bug and becomes a generic 500.
 */
export type ErrorCode =
  | 'invalid'
  | 'not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'conflict'
  | 'too_many_requests';

/** Base of every expected failure; `details` is safe to show to the caller. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: `details.field` names what was wrong. */
export class Invalid extends DomainError {
  readonly code = 'invalid';
  constructor(field: string, problem: string, details: Record<string, unknown> = {}) {
    super(`${field}: ${problem}`, { field, problem, ...details });
  }
}

/** A missing object, or one the actor may not read (the two answer alike). */
export class NotFound extends DomainError {
  readonly code = 'not_found';
  constructor(kind: string, id: string) {
    super(`${kind} ${id} not found`, { kind, id });
  }
}

export class Forbidden extends DomainError {
  readonly code = 'forbidden';
}

export class Unauthorized extends DomainError {
  readonly code = 'unauthorized';
}

export class Conflict extends DomainError {
  readonly code = 'conflict';
}

/** Too many attempts (failed sign-ins): the caller must wait `retryAfterSeconds`. */
export class TooManyRequests extends DomainError {
  readonly code = 'too_many_requests';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}
