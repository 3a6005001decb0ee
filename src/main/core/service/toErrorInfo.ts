import type { ErrorInfo } from '../../../shared/dto'
import { classifyError } from '../base/classifyError'

/**
 * Turns any error into the plain object the renderer shows (Beekeeper's dispatcher
 * pattern), by the one catalogue (core/base/errors.ts): the IPC error code is the
 * catalogue code; user mistakes keep their message; our own bugs say so without a stack.
 */
export function toErrorInfo(error: unknown, context: { database?: string } = {}): ErrorInfo {
  const info = classifyError(error, context)
  if (info.code === 'CANCELLED')
    return { code: info.code, message: 'The job was cancelled; nothing was saved.' }
  if (info.code === 'INTERNAL')
    return { code: info.code, message: `Something went wrong inside the workbench: ${info.message}` }
  return info.details ? { code: info.code, message: info.message, details: info.details } : info
}
