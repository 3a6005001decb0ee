import { computed, watch } from 'vue'
import { createI18n } from 'vue-i18n'
import { isLang, messages, type Lang, type MessageKey, type MessageParams } from '../../../shared/i18n'

/**
 * The renderer's words, through vue-i18n over the one catalogue main reads too
 * (src/shared/i18n): English and Hindi, switched at run time and kept across restarts.
 * Components and plain modules call `t` (typed by the catalogue's keys); a message missing
 * in the chosen language is reported as a console error, which the browser tests fail on.
 */

const LANG_KEY = 'workbench.lang'

function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(LANG_KEY)
    return isLang(value) ? value : 'en'
  } catch {
    return 'en'
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: storedLang(),
  fallbackLocale: 'en',
  messages,
  missing: (locale: string, key: string) => {
    console.error(`No message "${key}" in the ${locale} catalogue`)
    return key
  },
  missingWarn: false,
  fallbackWarn: false
})

/** The language the window speaks now. */
export const lang = computed<Lang>(() => (isLang(i18n.global.locale.value) ? i18n.global.locale.value : 'en'))

/** Switches the window's language (every open screen follows) and remembers it. */
export function setLang(next: Lang): void {
  i18n.global.locale.value = next
  try {
    window.localStorage.setItem(LANG_KEY, next)
  } catch {
    // Storage unavailable: the choice lasts for this session.
  }
}

if (typeof document !== 'undefined')
  watch(lang, (l) => document.documentElement.setAttribute('lang', l), { immediate: true })

/** A message of the catalogue in the window's language; `count` picks among " | " choices. */
export function t(key: MessageKey, params?: MessageParams, count?: number): string {
  if (count === undefined) return params ? i18n.global.t(key, params) : i18n.global.t(key)
  return i18n.global.t(key, { n: count, count, ...params }, count)
}

export type { Lang, MessageKey }
