import { ZodError } from 'zod'
import type { ErrorInfo } from '../../../shared/dto'
import { CsvInputError } from '../data/csv/CsvInputError'
import { InputError } from '../base/errors'
import { DatabaseFileError } from '../storage/openDatabase'
import { NotFoundError } from '../storage/DatasetRepo'

/**
 * Turns any error into the plain object the renderer shows (Beekeeper's dispatcher
 * pattern): user mistakes keep their message; our own bugs say so without a stack.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof ZodError) {
    return {
      code: 'INVALID_INPUT',
      message: error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '),
      details: { issues: error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) }
    }
  }
  if (error instanceof CsvInputError) {
    return {
      code: error.code,
      message: error.message,
      details: { file: error.file, line: error.line, column: error.column }
    }
  }
  if (error instanceof InputError)
    return { code: 'INPUT_ERROR', message: error.message, details: error.details }
  if (error instanceof NotFoundError) return { code: 'NOT_FOUND', message: error.message }
  if (error instanceof DatabaseFileError)
    return { code: 'DATABASE_FILE', message: error.message, details: { file: error.file } }
  if (error instanceof Error && error.name === 'AbortError')
    return { code: 'CANCELLED', message: 'The job was cancelled; nothing was saved.' }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'INTERNAL', message: `Something went wrong inside the workbench: ${message}` }
}
