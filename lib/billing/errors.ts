/**
 * The one error the engine throws on purpose: the input breaks a billing rule
 * (DOMAIN.md section 9) or is malformed. `field` is a path into the input such as
 * `apps[0].events[1].edition`, so a form can attach the message to its field and
 * the simulator can print `field: message` on one line.
 *
 * `code` matches the app's DomainError code for bad input, so the console can map
 * it to HTTP 400 / a field error without importing anything from here but the class.
 */
export class BillingRuleError extends Error {
  readonly code = 'invalid' as const;
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = 'BillingRuleError';
    this.field = field;
  }

  /** `field: message`, the single line the simulator prints after `error: `. */
  describe(): string {
    return this.field === '' ? this.message : `${this.field}: ${this.message}`;
  }
}

export function isBillingRuleError(error: unknown): error is BillingRuleError {
  return error instanceof BillingRuleError;
}

/** Exhaustiveness guard for `switch` over string unions (checked at compile time). */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
