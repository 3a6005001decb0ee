/*
 * Timing is deliberately not asserted here. Measured with a throwaway script (15 numeric +
 * 3 categorical columns, k = 5, targetRatio 1, one core of the shared dev machine):
 * 80,000 training rows at 8 % defaults (6,400 minority rows) take ~0.7 s, 100,000 rows at
 * 10 % (10,000 minority rows) ~1.5 s of CPU.
 */
import { describe, expect, it } from 'vitest'
import { Rng } from '../../../../src/main/core/base/random'
import { smoteNc, type SmoteResult } from '../../../../src/main/core/ml/smote'

interface Data {
  numeric: Float64Array[]
  categorical: Int32Array[]
  labels: Uint8Array
}

/**
 * Minority rows (label 1) are standard normal with codes 0..levels−1; majority rows sit
 * far away (around 1000) with code 99, so any leak of a majority row into the output shows.
 */
function makeData(
  seed: number,
  numMinority: number,
  numMajority: number,
  d: number,
  c: number,
  levels = 4
): Data {
  const rng = new Rng(seed)
  const n = numMinority + numMajority
  const labels = new Uint8Array(n)
  labels.fill(1, 0, numMinority)
  // Shuffle the labels so minority rows are spread through the table.
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const t = labels[i]
    labels[i] = labels[j]
    labels[j] = t
  }
  const numeric = Array.from({ length: d }, () =>
    Float64Array.from(labels, (label) => (label === 1 ? rng.normal() : 1000 + rng.normal()))
  )
  const categorical = Array.from({ length: c }, () =>
    Int32Array.from(labels, (label) => (label === 1 ? rng.int(levels) : 99))
  )
  return { numeric, categorical, labels }
}

/** Brute-force k nearest minority neighbours by the SMOTE-NC distance, ranked by (distance, position). */
function bruteForceNeighbours(data: Data, minorityRows: number[], k: number): number[][] {
  const m = minorityRows.length
  const stds = data.numeric.map((col) => {
    const values = minorityRows.map((r) => col[r])
    const mean = values.reduce((s, v) => s + v, 0) / m
    return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / m)
  })
  stds.sort((a, b) => a - b)
  const mid = stds.length >> 1
  const median = stds.length === 0 ? 0 : stds.length % 2 ? stds[mid] : (stds[mid - 1] + stds[mid]) / 2
  const penalty = median > 0 ? median * median : 1
  return minorityRows.map((a, ia) => {
    const candidates: { index: number; dist: number }[] = []
    minorityRows.forEach((b, ib) => {
      if (ib === ia) return
      let dist = 0
      for (const col of data.numeric) dist += (col[a] - col[b]) ** 2
      for (const col of data.categorical) if (col[a] !== col[b]) dist += penalty
      candidates.push({ index: ib, dist })
    })
    candidates.sort((x, y) => x.dist - y.dist || x.index - y.index)
    return candidates.slice(0, k).map((cand) => cand.index)
  })
}

function rowOf(columns: ArrayLike<number>[], i: number): number[] {
  return columns.map((col) => col[i])
}

/** Whether s = a + u·(b − a) for some u in [0, 1]. */
function onSegment(s: number[], a: number[], b: number[]): boolean {
  let j = 0
  for (let t = 1; t < a.length; t++) if (Math.abs(b[t] - a[t]) > Math.abs(b[j] - a[j])) j = t
  const span = b[j] - a[j]
  if (span === 0) return s.every((v, t) => Math.abs(v - a[t]) < 1e-12)
  const u = (s[j] - a[j]) / span
  if (u < -1e-12 || u > 1 + 1e-12) return false
  return s.every((v, t) => Math.abs(a[t] + u * (b[t] - a[t]) - v) < 1e-9)
}

function smallestMode(codes: number[]): number {
  const counts = new Map<number, number>()
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1)
  let best = Infinity
  let bestCount = 0
  for (const [code, count] of counts) {
    if (count > bestCount || (count === bestCount && code < best)) {
      best = code
      bestCount = count
    }
  }
  return best
}

/**
 * Checks every synthetic row against brute force: it lies on a segment from some minority
 * row to one of that row's k nearest minority neighbours, and each categorical value is
 * the most frequent (then smallest) code among those neighbours.
 */
function expectExactSmoteNc(data: Data, minorityRows: number[], out: SmoteResult): void {
  const neighbours = bruteForceNeighbours(data, minorityRows, out.k)
  for (let s = 0; s < out.count; s++) {
    const synthetic = rowOf(out.numeric, s)
    let explained = false
    for (let ia = 0; ia < minorityRows.length && !explained; ia++) {
      const a = rowOf(data.numeric, minorityRows[ia])
      for (const ib of neighbours[ia]) {
        if (!onSegment(synthetic, a, rowOf(data.numeric, minorityRows[ib]))) continue
        const modes = data.categorical.map((col) =>
          smallestMode(neighbours[ia].map((n) => col[minorityRows[n]]))
        )
        if (modes.every((code, h) => out.categorical[h][s] === code)) explained = true
        break
      }
    }
    expect(explained, `synthetic row ${s} is not explained by any seed and neighbour`).toBe(true)
  }
}

function minorityIndices(labels: Uint8Array, cls = 1): number[] {
  return Array.from(labels.keys()).filter((i) => labels[i] === cls)
}

describe('smoteNc', () => {
  it("places every synthetic row between a minority row and one of its exact k nearest minority neighbours, with the neighbours' most frequent codes", () => {
    // 150 minority rows: more than one locality group, so both passes of the search run.
    const data = makeData(1, 150, 400, 5, 2)
    const out = smoteNc(data.numeric, data.categorical, data.labels, { rng: new Rng(2), k: 5 })
    expect(out).toMatchObject({ count: 250, minorityClass: 1, k: 5 })
    expectExactSmoteNc(data, minorityIndices(data.labels), out)
  })

  it('draws as imbalanced-learn (one integer in [0, m·k) for the seed and slot, then the steps) and walks exactly towards that neighbour', () => {
    // 150 minority rows (more than one locality group), 6 numeric columns (the unrolled
    // four and a remainder), 2 categorical; every synthetic row is checked against its own draw.
    const data = makeData(12, 150, 900, 6, 2)
    const minorityRows = minorityIndices(data.labels)
    const out = smoteNc(data.numeric, data.categorical, data.labels, { rng: new Rng(77), k: 5 })
    expect(out.count).toBe(750)
    const neighbours = bruteForceNeighbours(data, minorityRows, 5)
    const draws = new Rng(77)
    const picks = Array.from({ length: out.count }, () => draws.int(150 * 5))
    const steps = Array.from({ length: out.count }, () => draws.next())
    for (let s = 0; s < out.count; s++) {
      const seed = Math.floor(picks[s] / 5)
      const nb = neighbours[seed][picks[s] % 5]
      const x = rowOf(data.numeric, minorityRows[seed])
      const y = rowOf(data.numeric, minorityRows[nb])
      expect(rowOf(out.numeric, s)).toEqual(x.map((v, j) => v + steps[s] * (y[j] - v)))
      expect(rowOf(out.categorical, s)).toEqual(
        data.categorical.map((col) => smallestMode(neighbours[seed].map((n) => col[minorityRows[n]])))
      )
    }
  })

  it('is plain SMOTE when there are no categorical columns', () => {
    const data = makeData(3, 80, 200, 4, 0)
    const out = smoteNc(data.numeric, [], data.labels, { rng: new Rng(4), k: 3 })
    expect(out.categorical).toEqual([])
    expect(out.count).toBe(120)
    expectExactSmoteNc(data, minorityIndices(data.labels), out)
  })

  it('never interpolates codes: every synthetic code is an integer code present among minority rows', () => {
    const data = makeData(5, 60, 300, 2, 3, 6)
    const out = smoteNc(data.numeric, data.categorical, data.labels, { rng: new Rng(6) })
    const minority = minorityIndices(data.labels)
    data.categorical.forEach((col, h) => {
      const present = new Set(minority.map((r) => col[r]))
      expect(out.categorical[h].every((code) => present.has(code))).toBe(true)
    })
  })

  it('brings the minority count to round(targetRatio × majority count)', () => {
    const data = makeData(7, 40, 300, 2, 1)
    const opts = { rng: new Rng(8) }
    expect(smoteNc(data.numeric, data.categorical, data.labels, { ...opts, targetRatio: 1 }).count).toBe(260)
    expect(smoteNc(data.numeric, data.categorical, data.labels, { ...opts, targetRatio: 0.5 }).count).toBe(
      110
    )
    expect(smoteNc(data.numeric, data.categorical, data.labels, { ...opts, targetRatio: 0.1 }).count).toBe(0)
  })

  it('gives identical rows for the same seed and different rows for another seed', () => {
    const data = makeData(9, 50, 200, 3, 2)
    const run = (seed: number): SmoteResult =>
      smoteNc(data.numeric, data.categorical, data.labels, { rng: new Rng(seed) })
    expect(run(10)).toEqual(run(10))
    expect(run(10).numeric[0]).not.toEqual(run(11).numeric[0])
  })

  it('reads only the given training rows: rows outside them never shape the output', () => {
    const data = makeData(12, 100, 200, 3, 2)
    const minority = minorityIndices(data.labels)
    // The last 20 minority rows play test rows: move them far away with an unused code.
    const heldOut = new Set(minority.slice(80))
    for (const r of heldOut) {
      for (const col of data.numeric) col[r] = -500
      for (const col of data.categorical) col[r] = 7
    }
    const rows = Int32Array.from(Array.from(data.labels.keys()).filter((r) => !heldOut.has(r)))
    const out = smoteNc(data.numeric, data.categorical, data.labels, { rng: new Rng(13), rows })
    expect(out.count).toBe(200 - 80)
    for (const col of out.numeric) expect(col.every((v) => v > -100 && v < 100)).toBe(true)
    for (const col of out.categorical) expect(col.includes(7)).toBe(false)
    expectExactSmoteNc(
      data,
      minority.filter((r) => !heldOut.has(r)),
      out
    )
  })

  it('treats label 0 as the minority when defaults are the majority', () => {
    const data = makeData(14, 30, 90, 2, 1)
    const flipped = { ...data, labels: Uint8Array.from(data.labels, (v) => 1 - v) }
    const out = smoteNc(flipped.numeric, flipped.categorical, flipped.labels, { rng: new Rng(15) })
    expect(out.minorityClass).toBe(0)
    expect(out.count).toBe(60)
    expectExactSmoteNc(flipped, minorityIndices(flipped.labels, 0), out)
  })

  it('breaks distance ties towards the earlier minority row', () => {
    // 1-D rows at 0, 10, 20, 100 with codes 0..3 and k = 1, so a synthetic code names the
    // neighbour used. Row 1 is equally far from rows 0 and 2 and must pick row 0; row 2 goes
    // to row 1 and row 3 to row 2, so code 2 only ever appears at x >= 20.
    const numeric = [Float64Array.from([0, 10, 20, 100, 5000])]
    const categorical = [Int32Array.from([0, 1, 2, 3, 9])]
    const labels = Uint8Array.from([1, 1, 1, 1, 0])
    const majority = {
      numeric: [Float64Array.from([...numeric[0], ...new Array(400).fill(5000)])],
      categorical: [Int32Array.from([...categorical[0], ...new Array(400).fill(9)])],
      labels: Uint8Array.from([...labels, ...new Array(400).fill(0)])
    }
    const out = smoteNc(majority.numeric, majority.categorical, majority.labels, { rng: new Rng(16), k: 1 })
    const xs = out.numeric[0]
    const codes = out.categorical[0]
    expect(codes.some((code) => code === 0)).toBe(true)
    for (let s = 0; s < out.count; s++) {
      if (codes[s] === 2) expect(xs[s]).toBeGreaterThanOrEqual(20)
      if (codes[s] === 0) expect(xs[s]).toBeLessThanOrEqual(10)
    }
  })

  it('resolves a tie between neighbour codes to the smallest code', () => {
    // Rows at 0, 10, 20, 30 with codes 6, 6, 2, 2 and k = 2: every row's two neighbours
    // hold one 6 and one 2, so every synthetic row takes code 2.
    const n = 4 + 50
    const numeric = [Float64Array.from({ length: n }, (_, i) => (i < 4 ? 10 * i : 9000))]
    const categorical = [Int32Array.from({ length: n }, (_, i) => (i < 4 ? [6, 6, 2, 2][i] : 9))]
    const labels = Uint8Array.from({ length: n }, (_, i) => (i < 4 ? 1 : 0))
    const out = smoteNc(numeric, categorical, labels, { rng: new Rng(17), k: 2 })
    expect(out.count).toBe(46)
    expect(out.categorical[0].every((code) => code === 2)).toBe(true)
  })

  it('uses k = minority count − 1 when the minority is that small', () => {
    const data = makeData(18, 4, 20, 2, 1)
    const out = smoteNc(data.numeric, data.categorical, data.labels, { rng: new Rng(19), k: 5 })
    expect(out.k).toBe(3)
    expectExactSmoteNc(data, minorityIndices(data.labels), out)
  })

  it('refuses fewer than two minority rows and NaN numeric values with a clear message', () => {
    const one = makeData(20, 1, 10, 2, 1)
    expect(() => smoteNc(one.numeric, one.categorical, one.labels, { rng: new Rng(1) })).toThrow(
      /at least 2 rows of the minority class \(label 1\).*found 1/
    )
    const data = makeData(21, 10, 30, 2, 1)
    data.numeric[1][minorityIndices(data.labels)[3]] = NaN
    expect(() => smoteNc(data.numeric, data.categorical, data.labels, { rng: new Rng(1) })).toThrow(
      /numeric column 1 is NaN/
    )
  })
})
