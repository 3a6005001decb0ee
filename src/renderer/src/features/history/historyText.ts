import type { HistoryEntry } from '../../../../shared/dto'
import { formatDateTime } from '../../ui/format'

/** Where a score was asked for, short (a table cell) and in full (the details). */
export const CHANNEL_WORDS = {
  app: { short: 'this app', long: 'this app' },
  cli: { short: 'ptm command', long: 'the ptm command' },
  http: { short: '/predict', long: 'the /predict service' }
} as const

/** An entry of the history in a line: the drawer's title, the Details button's name. */
export function describeEntry(entry: HistoryEntry): string {
  return entry.kind === 'single'
    ? `Applicant scored ${formatDateTime(entry.createdAt)} (record #${entry.id})`
    : `Batch ${entry.fileName}, ${formatDateTime(entry.createdAt)}`
}
