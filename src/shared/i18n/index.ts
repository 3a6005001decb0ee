import { app } from './areas/app'
import { cli } from './areas/cli'
import { committee } from './areas/committee'
import { common } from './areas/common'
import { data } from './areas/data'
import { decision } from './areas/decision'
import { explore } from './areas/explore'
import { firstSteps } from './areas/firstSteps'
import { governance } from './areas/governance'
import { history } from './areas/history'
import { models } from './areas/models'
import { score } from './areas/score'
import { sheet } from './areas/sheet'
import { strategy } from './areas/strategy'
import { train } from './areas/train'
import { units } from './areas/units'
import { validation } from './areas/validation'
import { makeTranslator } from './translate'
import { LANGS, type Lang, type MessagePath, type MessageParams, type MessageTree } from './types'

/**
 * The one catalogue of user-facing words, in English and Hindi: the renderer reads it
 * through vue-i18n, main (the decision sheet, the CLI's messages to people, /predict's
 * texts) through `translator`. Each area's English, the source language, is typed code
 * (areas/*.ts); its Hindi is a JSON file a translator edits without reading code
 * (locales/hi/*.json), typed against the English. tests/shared/i18n.test.ts checks both
 * are complete and that every message is one vue-i18n reads as plain text.
 */
const AREAS = {
  decision,
  units,
  cli,
  sheet,
  app,
  common,
  firstSteps,
  score,
  history,
  models,
  governance,
  train,
  data,
  explore,
  committee,
  strategy,
  validation
}

type Areas = typeof AREAS
type English = { [K in keyof Areas]: Areas[K]['en'] }

function inLanguage(lang: Lang): MessageTree {
  return Object.fromEntries(Object.entries(AREAS).map(([name, a]) => [name, a[lang]])) as MessageTree
}

/** Every message, by language. */
export const messages: Record<Lang, MessageTree> = { en: inLanguage('en'), hi: inLanguage('hi') }

/** The dotted key of any message ("decision.verdict.approve"). */
export type MessageKey = MessagePath<English>

/** A function that gives a message in one language. */
export type Translate = (key: MessageKey, params?: MessageParams, count?: number) => string

/** The messages of one language, outside Vue. */
export function translator(lang: Lang): Translate {
  return makeTranslator<MessageKey>(messages, lang)
}

/** A language code as given on a command line or in a request, checked. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value)
}

export { LANGS, type Lang, type MessageParams }
