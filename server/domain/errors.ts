// Refusals, said once for every way in: a request that cannot be answered as asked. The layers under
// the API throw these; graphql/errors.ts gives each its extensions.code (the one place that maps
// them), and an HTTP route answers them with a 4xx status. Anything else that is thrown is a fault.

/** A refusal: its message says what was wrong and where, and goes to the asker as it is. */
export abstract class Refusal extends Error {
  /** machine-readable details the asker may act on (which argument, which version) */
  abstract readonly details: Readonly<Record<string, unknown>>;
}

/** The input is not acceptable: `argument` names where (e.g. `filters[0].values`). */
export class BadInput extends Refusal {
  readonly details: { argument: string };
  constructor(message: string, argument: string) {
    super(message);
    this.details = { argument };
  }
}

/** The asker's role or scope does not allow it. */
export class Forbidden extends Refusal {
  readonly details = {};
}

/** The thing was changed by someone else since the asker read it; `currentVersion` is the version now stored. */
export class Conflict extends Refusal {
  readonly details: { currentVersion: number };
  constructor(message: string, currentVersion: number) {
    super(message);
    this.details = { currentVersion };
  }
}

/** The thing asked for does not exist (or no longer does). */
export class NotFound extends Refusal {
  readonly details = {};
}

export const badInput = (message: string, argument: string): BadInput => new BadInput(message, argument);
export const forbidden = (message: string): Forbidden => new Forbidden(message);
