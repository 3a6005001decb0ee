import { messages, type MessageKey, type MessageParams } from '../../../shared/i18n'
import { lookup } from '../../../shared/i18n/translate'
import { t } from './index'

/**
 * Words for things named at run time (an engine, a setting of the shared schema): the
 * catalogue's message when it has one, else the words given. A setting added to the
 * schema before the catalogue names it then shows its schema label instead of a key.
 */

/** True when the catalogue holds a message at this dotted path (every message exists in English). */
export function hasMessage(path: string): path is MessageKey {
  return lookup(messages.en, path) !== undefined
}

/** The catalogue's message at `path`, or `fallback` when it has none. */
export function messageOr(path: string, fallback: string, params?: MessageParams): string {
  return hasMessage(path) ? t(path, params) : fallback
}
