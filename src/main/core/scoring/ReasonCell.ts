import type { ReasonPieces, ReasonTemplate } from '../../../shared/decisionText'
import { FORMULA_START_CHARS } from './neutraliseCell'
import type { RowBytes } from './RowBytes'

const QUOTE = 0x22
const encoder = new TextEncoder()

/** One way of a sentence (raising or lowering the risk): its fixed words as UTF-8 around the slots. */
interface EncodedPieces {
  fixed: Uint8Array[]
  slots: ReasonPieces['slots']
  /** Whether the fixed words hold a comma or a line break (the cell is quoted whatever the value). */
  special: boolean
}

/** A unit's words around a whole number as UTF-8 (see NumberWords), for values written digit by digit. */
interface EncodedNumber {
  before: Uint8Array
  after: Uint8Array
  scale: number
  digits: number
  /** 10^digits. */
  power: number
  special: boolean
  /** Whether the words start with a character neutraliseCell looks at. */
  formula: boolean
}

/**
 * A feature's reasons written as CSV cells straight into a scored file's rows: the fixed
 * words and the amounts encoded once, a number's digits written by arithmetic where it rounds
 * as its text would, any other value encoded as it is made. Each row's cells used to be one
 * string joined from ~25 pieces (two-byte, as the sentences hold "—") that Node flattened and
 * encoded; writing them here took ~15 % off a scoring thread's time (100,000 rows, both load
 * orders), most of it the values' text. The cell is the one ChunkScorer's string path writes
 * for a plain-named feature, byte for byte; the rare sentence this does not write (a value
 * holding a double quote, a quoted sentence starting with a formula character) is left to it.
 */
export class ReasonCell {
  private readonly raises: EncodedPieces
  private readonly lowers: EncodedPieces
  private readonly number: EncodedNumber | null
  private readonly amounts: EncodedAmounts
  /**
   * The current sentence's slot texts (reused: no array per reason): null for a number
   * written as digits, undefined for an amount written from `amounts`.
   */
  private readonly texts: (string | null | undefined)[] = []

  private constructor(private readonly template: ReasonTemplate) {
    this.raises = encodePieces(template.raises)
    this.lowers = encodePieces(template.lowers)
    this.number = encodeNumber(template)
    this.amounts = encodeAmounts(template.amounts)
  }

  /** The writer of a feature's reasons, or null when its fixed words hold a double quote (the string path escapes them). */
  static of(template: ReasonTemplate): ReasonCell | null {
    const quoted = (p: ReasonPieces): boolean => p.fixed.some((text) => text.includes('"'))
    return quoted(template.raises) || quoted(template.lowers) ? null : new ReasonCell(template)
  }

  /** Writes the reason's cell; false when it wrote nothing and the string path must write it. */
  write(out: RowBytes, value: number | string | null, contribution: number): boolean {
    const pieces = contribution > 0 ? this.raises : this.lowers
    const { fixed, slots } = pieces
    const texts = this.texts
    const number = this.number
    // The value × scale rounded to the unit's decimals, as its whole part and its decimals, when written as digits.
    let whole = -1
    let fraction = 0
    // The amount's index among the template's amounts, when written from them.
    let amount = -1
    let special = pieces.special
    for (let i = 0; i < slots.length; i++) {
      if (slots[i] === 'value' && number !== null && typeof value === 'number') {
        const x = number.scale === 1 ? value : value * number.scale
        if (Number.isInteger(x)) {
          whole = x >= 0 && x < 1e15 && !Object.is(x, -0) ? x : -1
          fraction = 0
        } else {
          const rounded = roundedDecimal(x, number.power)
          whole = rounded < 0 ? -1 : Math.floor(rounded / number.power)
          fraction = rounded - whole * number.power
        }
        if (whole >= 0) {
          // Grouped digits hold a comma from 1,000.
          if (whole >= 1000 || number.special) special = true
          texts[i] = null
          continue
        }
      }
      if (slots[i] === 'amount') {
        amount = this.template.amountIndex(contribution)
        if (amount >= 0) {
          const kind = this.amounts.kinds[amount]
          if (kind === QUOTED) return false
          if (kind === SPECIAL) special = true
          texts[i] = undefined
          continue
        }
      }
      const text = slots[i] === 'value' ? this.template.value(value) : this.template.amount(contribution)
      const kind = specialIn(text)
      if (kind === QUOTED) return false
      if (kind === SPECIAL) special = true
      texts[i] = text
    }
    // A quoted cell is neutralised first (see ChunkScorer._sentenceCell): left to the string path.
    if (special && this.startsFormula(fixed, slots.length, amount)) return false
    if (special) out.byte(QUOTE)
    out.bytes(fixed[0])
    for (let i = 0; i < slots.length; i++) {
      const text = texts[i]
      if (typeof text === 'string') out.cell(text)
      else if (text === undefined) out.bytes(this.amounts.bytes[amount])
      else {
        out.bytes(number!.before)
        out.groupedNumber(whole, fraction, number!.digits)
        out.bytes(number!.after)
      }
      out.bytes(fixed[i + 1])
    }
    if (special) out.byte(QUOTE)
    return true
  }

  /** Whether the sentence's first character is one neutraliseCell looks at (`amount` as in write). */
  private startsFormula(fixed: Uint8Array[], slots: number, amount: number): boolean {
    for (let i = 0; i <= slots; i++) {
      if (fixed[i].length > 0) return FORMULA_START_CHARS.includes(String.fromCharCode(fixed[i][0]))
      if (i === slots) break
      const text = this.texts[i]
      // A number written as digits starts with its words, or with a digit.
      if (text === null) return this.number!.formula
      const first = text === undefined ? this.template.amounts[amount] : text
      if (first.length > 0) return FORMULA_START_CHARS.includes(first[0])
    }
    return false
  }
}

/**
 * x × power rounded to a whole number, as groupIndian rounds x to that many decimals, or −1
 * where arithmetic might round otherwise and the text path decides: x negative, 10^9 or more
 * once scaled, or within a millionth of a half. groupIndian rounds x's shortest decimal text
 * half up; below 10^9 the product's error and the distance from x to that text are each under
 * 10^-6 of a unit, so away from a half both round to the same whole number.
 */
function roundedDecimal(x: number, power: number): number {
  const scaled = x * power
  if (!(x > 0) || scaled >= 1e9) return -1
  const below = Math.floor(scaled)
  return Math.abs(scaled - below - 0.5) > 1e-6 ? Math.round(scaled) : -1
}

const PLAIN = 0
const SPECIAL = 1
const QUOTED = 2

/** Whether text holds a character that makes a CSV cell quoted (a comma or a line break), or a quote to escape. */
function specialIn(text: string): number {
  let kind = PLAIN
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) return QUOTED
    if (c === 0x2c || c === 0x0a || c === 0x0d) kind = SPECIAL
  }
  return kind
}

function encodePieces(pieces: ReasonPieces): EncodedPieces {
  return {
    fixed: pieces.fixed.map((text) => encoder.encode(text)),
    slots: pieces.slots,
    special: pieces.fixed.some((text) => specialIn(text) !== PLAIN)
  }
}

/** A template's amounts as UTF-8, and whether each makes a cell quoted (PLAIN, SPECIAL or QUOTED). */
interface EncodedAmounts {
  bytes: Uint8Array[]
  kinds: Uint8Array
}

/** Encoded once per DecisionText: its templates share one list of amounts. */
const encodedAmounts = new WeakMap<readonly string[], EncodedAmounts>()

function encodeAmounts(amounts: readonly string[]): EncodedAmounts {
  let encoded = encodedAmounts.get(amounts)
  if (!encoded) {
    encoded = {
      bytes: amounts.map((text) => encoder.encode(text)),
      kinds: Uint8Array.from(amounts, specialIn)
    }
    encodedAmounts.set(amounts, encoded)
  }
  return encoded
}

/** The unit's words around a number, when it has them once each side and no quote in them. */
function encodeNumber(template: ReasonTemplate): EncodedNumber | null {
  const number = template.number
  if (!number || number.words.length !== 2) return null
  const [before, after] = number.words
  const kinds = [specialIn(before), specialIn(after)]
  if (kinds.includes(QUOTED)) return null
  const first = before.length > 0 ? before[0] : ''
  return {
    before: encoder.encode(before),
    after: encoder.encode(after),
    scale: number.scale,
    digits: number.digits,
    power: 10 ** number.digits,
    special: kinds.includes(SPECIAL),
    formula: first !== '' && FORMULA_START_CHARS.includes(first)
  }
}
