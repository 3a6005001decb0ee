import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A risk grade's probability band as the README documents it: lower ≤ p < upper. */
export interface DocumentedBand {
  grade: string
  lower: number
  upper: number
}

/**
 * The grade bands of the README's "Honest evaluation" section ("A < 5 %, B 5–10 %, C 10–20 %,
 * D 20–40 %, E ≥ 40 %"), read from the text itself: the oracle the workbench's grades are
 * checked against from the outside.
 */
export function documentedGradeBands(): DocumentedBand[] {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8')
  const sentence = /grades A–E come from\s+fixed probability bands:([^.]*)\./.exec(readme)
  if (!sentence) throw new Error('README: the sentence with the grade bands was not found')
  const text = sentence[1].replace(/\s+/g, ' ')
  const bands: DocumentedBand[] = []
  for (const part of text.split(',')) {
    const first = /([A-E]) < (\d+) %/.exec(part)
    const middle = /([A-E]) (\d+)–(\d+) %/.exec(part)
    const last = /([A-E]) ≥ (\d+) %/.exec(part)
    if (first) bands.push({ grade: first[1], lower: 0, upper: Number(first[2]) / 100 })
    else if (middle)
      bands.push({ grade: middle[1], lower: Number(middle[2]) / 100, upper: Number(middle[3]) / 100 })
    else if (last) bands.push({ grade: last[1], lower: Number(last[2]) / 100, upper: Infinity })
    else throw new Error(`README: cannot read the grade band "${part.trim()}"`)
  }
  return bands
}

/** The documented grade of a probability. */
export function documentedGrade(bands: DocumentedBand[], p: number): string {
  const band = bands.find((b) => p >= b.lower && p < b.upper)
  if (!band) throw new Error(`no documented grade for p = ${p}`)
  return band.grade
}
