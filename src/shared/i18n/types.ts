/**
 * Types of the message catalogue: each area writes its English messages as a nested
 * object and checks its Hindi ones (locales/hi/<area>.json) against `Translated<typeof en>`,
 * so a message missing in Hindi is a type error, not a screen with a key on it; one extra
 * in Hindi fails tests/shared/i18n.test.ts (an imported JSON file is not held to exact keys).
 */

/** The languages every user-facing text exists in. */
export const LANGS = ['en', 'hi'] as const
export type Lang = (typeof LANGS)[number]

/** A nested object of messages. */
export interface MessageTree {
  [key: string]: string | MessageTree
}

/** The same shape as T with every message a string: what a translation of T must fill in. */
export type Translated<T> = { [K in keyof T]: T[K] extends string ? string : Translated<T[K]> }

/** Every dotted path to a message of T ("score.title"). */
export type MessagePath<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : MessagePath<T[K], `${P}${K}.`>
}[keyof T & string]

/** Values put into a message's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>

/** One area of the catalogue: its messages in both languages. */
export interface Area<T extends MessageTree> {
  en: T
  hi: Translated<T>
}

/** Declares an area, checking the Hindi against the English shape. */
export function area<T extends MessageTree>(en: T, hi: Translated<T>): Area<T> {
  return { en, hi }
}
