/**
 * A mistake in what the user gave (a file, an option, a value): the CLI exits 1 and
 * prints the message, the app shows it. The message says what, where and what to do.
 */
export class InputError extends Error {
  constructor(
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message)
    this.name = 'InputError'
  }
}

/** Raised when a job is cancelled; work done so far is discarded. */
export class CancelledError extends Error {
  constructor(message = 'Cancelled') {
    super(message)
    this.name = 'AbortError'
  }
}

/** True for the error a cancelled job rejects with (ours or the platform's AbortError). */
export function isCancellation(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}
