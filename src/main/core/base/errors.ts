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

/** An error as it crosses to another thread (structured clone keeps no class). */
export interface ThreadError {
  name: string
  message: string
}

/** The parts of an error another thread needs to raise it again ({@link fromThreadError}). */
export function toThreadError(e: unknown): ThreadError {
  const error = e instanceof Error ? e : new Error(String(e))
  return { name: error.name, message: error.message }
}

/** An error from another thread, raised again: a user's InputError stays one, so the CLI and the app treat it as the user's. */
export function fromThreadError(info: ThreadError): Error {
  if (info.name === 'InputError') return new InputError(info.message)
  const error = new Error(info.message)
  error.name = info.name
  return error
}
