/**
 * An error the user caused and can fix: bad input, a bad policy file. main.ts prints its
 * message as one line (no stack trace) and, when it has a location, as a file annotation.
 */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** Something worth telling the user that does not stop the run, at its place when it has one. */
export interface Notice {
  message: string;
  location?: SourceLocation;
}

export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly location?: SourceLocation,
  ) {
    super(message);
  }
}

/** Several user errors found in one pass, so every one can be fixed at once. */
export class UserErrors extends Error {
  override readonly name = 'UserErrors';
  constructor(readonly errors: readonly UserError[]) {
    super(errors.map((e) => e.message).join('\n'));
  }
}

/** The message of anything thrown, for one-line reporting. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A user-supplied value for an error message: strings quoted, others as JSON, long ones cut. */
export function quote(value: unknown): string {
  const text =
    typeof value === 'string' ? value : value === undefined ? 'undefined' : JSON.stringify(value);
  const short = (text.length > 80 ? `${text.slice(0, 77)}...` : text).replace(/\r?\n/g, '\\n');
  return typeof value === 'string' ? `'${short}'` : short;
}
