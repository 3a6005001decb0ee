import { InputError } from '../../core/base/errors'
import { CsvInputError } from '../../core/data/csv/CsvInputError'
import { DatabaseFileError } from '../../core/storage/openDatabase'
import { NotFoundError } from '../../core/storage/DatasetRepo'

/** True for errors caused by what the user gave (exit code 1), as opposed to our bugs. */
export function isUserError(error: unknown): boolean {
  return (
    error instanceof InputError ||
    error instanceof CsvInputError ||
    error instanceof DatabaseFileError ||
    error instanceof NotFoundError
  )
}
