import type { HistoryEntry } from '../../../../shared/dto'
import { t } from '../../i18n'
import { formatDateTime } from '../../ui/format'

/** Where a score was asked for, short (a table cell) and in full (the details). */
export function channelWords(channel: 'app' | 'cli' | 'http'): { short: string; long: string } {
  return {
    short: t(`history.channel.${channel}Short`),
    long: t(`history.channel.${channel}Long`)
  }
}

/** An entry of the history in a line: the drawer's title, the Details button's name. */
export function describeEntry(entry: HistoryEntry): string {
  return entry.kind === 'single'
    ? t('history.entrySingle', { time: formatDateTime(entry.createdAt), id: entry.id })
    : t('history.entryBatch', { file: entry.fileName, time: formatDateTime(entry.createdAt) })
}
