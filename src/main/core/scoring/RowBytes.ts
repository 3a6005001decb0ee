/**
 * Output rows as UTF-8 in a buffer of its own (moved, not copied, to another thread): input
 * records copied as bytes, the scores and reasons after them written as text. Copying a
 * record instead of decoding it into the row's string saves decoding and encoding it again
 * (measured: the chunk's latin1 string, the joined rows and their encoding were a sixth of a
 * scoring thread's time). The buffer is an earlier output's memory when the coordinator
 * hands one back (`spare`), so a batch does not allocate and free a buffer per chunk.
 */
export class RowBytes {
  private buffer: Buffer
  private length = 0

  constructor(capacity: number, spare?: ArrayBuffer) {
    // Not from Node's shared pool: the buffer is moved whole.
    this.buffer =
      spare && spare.byteLength >= capacity
        ? Buffer.from(spare)
        : Buffer.allocUnsafeSlow(Math.max(capacity, 4096))
  }

  /** Appends source[start, end). */
  copy(source: Buffer, start: number, end: number): void {
    this.reserve(end - start)
    this.length += source.copy(this.buffer, this.length, start, end)
  }

  /** Appends text as UTF-8 (one call into Node: for whole rows). */
  text(text: string): void {
    // At most three bytes per UTF-16 unit.
    this.reserve(text.length * 3)
    this.length += this.buffer.write(text, this.length, 'utf8')
  }

  /**
   * Appends a short text as UTF-8, encoded here: the same bytes as text(), for the cells
   * after a record (a probability, a grade, a reason's value). A call into Node and the
   * joined row string it encodes cost more than the few characters of a cell.
   */
  cell(text: string): void {
    const n = text.length
    this.reserve(n * 3)
    const b = this.buffer
    let at = this.length
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c < 0x80) b[at++] = c
      else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6)
        b[at++] = 0x80 | (c & 0x3f)
      } else if (c < 0xd800 || c >= 0xe000) {
        b[at++] = 0xe0 | (c >> 12)
        b[at++] = 0x80 | ((c >> 6) & 0x3f)
        b[at++] = 0x80 | (c & 0x3f)
      } else {
        // A surrogate (a pair, or one alone that UTF-8 writes as U+FFFD): Node's encoder decides.
        this.text(text)
        return
      }
    }
    this.length = at
  }

  /** Appends bytes already encoded (a reason's fixed words). */
  bytes(bytes: Uint8Array): void {
    const n = bytes.length
    this.reserve(n)
    const b = this.buffer
    let at = this.length
    // A loop, not set(): the pieces are a few dozen bytes, shorter than a call's cost.
    for (let i = 0; i < n; i++) b[at++] = bytes[i]
    this.length = at
  }

  /**
   * Appends whole.fraction as groupIndian writes it: the whole part (0 ≤ whole < 10^15) in
   * Indian grouping ("12,34,567": the last three digits, then pairs), then, unless the
   * fraction (0 ≤ fraction < 10^digits) is 0, a point and its `digits` decimals without
   * trailing zeros.
   */
  groupedNumber(whole: number, fraction: number, digits: number): void {
    let wholeDigits = 1
    for (let p = 10; p <= whole; p *= 10) wholeDigits++
    // Integer arithmetic (`| 0`) wherever the number fits 32 bits: a floating-point remainder
    // is a call into the C library (measured: 2 % of a scoring thread's time, with fixedPoint's).
    let decimals = digits
    let rest = fraction | 0
    while (decimals > 0 && rest % 10 === 0) {
      rest = (rest / 10) | 0
      decimals--
    }
    const commas = wholeDigits > 3 ? (wholeDigits - 2) >> 1 : 0
    const length = wholeDigits + commas + (decimals > 0 ? decimals + 1 : 0)
    this.reserve(length)
    let at = this.length + length
    if (decimals > 0) at = this.digitsBefore(at, rest, decimals, POINT)
    // The last three digits, then pairs, each after a comma.
    const last = whole < INT_LIMIT ? (whole | 0) % 1000 : whole % 1000
    at = this.digitsBefore(at, last, Math.min(3, wholeDigits), COMMA)
    let high = (whole - last) / 1000
    for (let left = wholeDigits - 3; left > 0; left -= 2) {
      const pair = high < INT_LIMIT ? (high | 0) % 100 : high % 100
      at = this.digitsBefore(at, pair, Math.min(2, left), COMMA)
      high = (high - pair) / 100
    }
    this.length += length
  }

  /**
   * Appends x.toFixed(digits) for 0 ≤ x ≤ 1 (a probability), digits ≤ 6: by arithmetic where it
   * rounds as toFixed does, away from a half by more than a millionth of the last place (x ×
   * 10^digits ≤ 10^6 errs by under 10^-9 there), else by toFixed. toFixed and encoding its text
   * were a twentieth of a scoring thread's time.
   */
  fixedPoint(x: number, digits: number): void {
    const power = POWERS[digits]
    const scaled = x * power
    if (!(x >= 0 && x <= 1) || Object.is(x, -0) || Math.abs(scaled - Math.floor(scaled) - 0.5) <= 1e-6) {
      this.cell(x.toFixed(digits))
      return
    }
    const rounded = Math.round(scaled)
    const whole = rounded >= power ? 1 : 0
    const length = digits > 0 ? digits + 2 : 1
    this.reserve(length)
    let at = this.length + length
    if (digits > 0) at = this.digitsBefore(at, rounded - whole * power, digits, POINT)
    this.buffer[at - 1] = ZERO + whole
    this.length += length
  }

  /**
   * Writes the last `count` digits of n < 2^31 (zeros in front where it has fewer) to end at `end`,
   * then `mark` before them unless they start the number; returns where the mark went. The
   * caller has reserved the room.
   */
  private digitsBefore(end: number, n: number, count: number, mark: number): number {
    const b = this.buffer
    let at = end
    // n < 2^31 (a group of digits, decimals, a probability's millionths).
    let rest = n | 0
    for (let k = 0; k < count; k++) {
      const next = (rest / 10) | 0
      b[--at] = ZERO + rest - next * 10
      rest = next
    }
    if (at > this.length) b[--at] = mark
    return at
  }

  /** Appends one byte (an ASCII comma, quote or line feed). */
  byte(b: number): void {
    this.reserve(1)
    this.buffer[this.length++] = b
  }

  /** The rows written so far, in the buffer's memory. */
  written(): Uint8Array {
    return new Uint8Array(this.buffer.buffer, this.buffer.byteOffset, this.length)
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return
    const bigger = Buffer.allocUnsafeSlow(Math.max(this.buffer.length * 2, this.length + bytes))
    this.buffer.copy(bigger, 0, 0, this.length)
    this.buffer = bigger
  }
}

const COMMA = 0x2c
const ZERO = 0x30
const POINT = 0x2e
/** Numbers below it fit a 32-bit integer. */
const INT_LIMIT = 2 ** 31
/** 10^digits for fixedPoint. */
const POWERS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]
