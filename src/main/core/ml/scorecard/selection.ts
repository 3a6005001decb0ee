import { inverse, Matrix } from 'ml-matrix'

/**
 * Which characteristics enter the regression, by the rules scorecard builders apply
 * before fitting (Siddiqi ch. 6): too little information value (< minIv) is left out; a
 * characteristic whose WoE moves with a stronger one's (|Pearson r| > MAX_CORRELATION) is
 * left out in favour of the stronger (higher IV), since both would share one effect and
 * their points would no longer read one by one; very high IV is kept but flagged, as it
 * often means the column records the outcome itself.
 */

/** WoE columns correlated beyond this keep only the one with the higher IV. */
export const MAX_CORRELATION = 0.8
/** Information value from which a characteristic is flagged as suspiciously strong. */
export const SUSPICIOUS_IV = 0.5

export interface Candidate {
  feature: string
  iv: number
  /** WoE of each training row. */
  woe: Float64Array
}

export interface Selection {
  /** Indices into the candidates, strongest first. */
  kept: number[]
  dropped: { index: number; reason: string }[]
  notes: string[]
}

/** Applies the IV floor and the correlation rule to the candidates. */
export function selectCharacteristics(candidates: Candidate[], minIv: number): Selection {
  const dropped: Selection['dropped'] = []
  const notes: string[] = []
  const byStrength = candidates.map((_, i) => i).sort((a, b) => candidates[b].iv - candidates[a].iv || a - b)
  const kept: number[] = []
  for (const i of byStrength) {
    const c = candidates[i]
    if (c.iv < minIv) {
      dropped.push({ index: i, reason: `information value ${c.iv.toFixed(3)} is below ${minIv}` })
      continue
    }
    const twin = kept.find((k) => Math.abs(pearson(candidates[k].woe, c.woe)) > MAX_CORRELATION)
    if (twin !== undefined) {
      const r = pearson(candidates[twin].woe, c.woe)
      dropped.push({
        index: i,
        reason: `its WoE correlates ${r.toFixed(2)} with ${candidates[twin].feature}'s, which has more information value`
      })
      continue
    }
    kept.push(i)
    if (c.iv > SUSPICIOUS_IV) {
      notes.push(
        `${c.feature} has an information value of ${c.iv.toFixed(2)} (above ${SUSPICIOUS_IV}): check that it is known at application time and does not record the outcome.`
      )
    }
  }
  if (kept.length === 0 && byStrength.length > 0) {
    const best = byStrength[0]
    kept.push(best)
    const at = dropped.findIndex((d) => d.index === best)
    dropped.splice(at, 1)
    notes.push(
      `No characteristic reaches the information value floor of ${minIv}; the strongest, ${candidates[best].feature} (${candidates[best].iv.toFixed(3)}), is kept so that there is a model.`
    )
  }
  return { kept, dropped, notes }
}

/** Pearson correlation of two columns (0 when either is constant). */
export function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length
  let ma = 0
  let mb = 0
  for (let i = 0; i < n; i++) {
    ma += a[i]
    mb += b[i]
  }
  ma /= n
  mb /= n
  let sab = 0
  let saa = 0
  let sbb = 0
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma
    const db = b[i] - mb
    sab += da * db
    saa += da * da
    sbb += db * db
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0
}

/**
 * Variance inflation factor of each column among the others: the diagonal of the inverse
 * of their correlation matrix (1 = independent of the rest; above 5, a sign the points of
 * the characteristic share an effect with others). Null for a single column or a singular
 * matrix.
 */
export function varianceInflation(columns: Float64Array[]): (number | null)[] {
  const p = columns.length
  if (p < 2) return columns.map(() => null)
  const r = Matrix.eye(p)
  for (let a = 0; a < p; a++) {
    for (let b = 0; b < a; b++) {
      const v = pearson(columns[a], columns[b])
      r.set(a, b, v)
      r.set(b, a, v)
    }
  }
  try {
    const inv = inverse(r)
    return columns.map((_, a) => {
      const v = inv.get(a, a)
      return Number.isFinite(v) && v >= 1 - 1e-9 ? v : null
    })
  } catch {
    return columns.map(() => null)
  }
}
