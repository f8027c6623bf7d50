/**
 * A problem with how the tool was called (bad option, path that does not exist, unknown rule id).
 * Adapters print `message` as one line and exit 2; never a stack trace.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The text of any thrown value, for one-line error output. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
