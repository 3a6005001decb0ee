import { describe, expect, it } from 'vitest'
import { HistogramLayout } from '../../../../../src/main/core/ml/gbm/gradientHistogram'
import {
  SplitCandidate,
  SplitFinder,
  type SplitParams
} from '../../../../../src/main/core/ml/gbm/splitSearch'

// Every gain below is worked by hand: G_L²/(H_L + λ) + G_R²/(H_R + λ) − G²/(H + λ).

const PARAMS: SplitParams = {
  l2: 1,
  minChildWeight: 0.5,
  maxCatToOnehot: 4,
  maxCatThreshold: 32,
  catL2: 1,
  catSmooth: 1,
  minDataPerGroup: 1
}

/** A finder over features of three value bins each (numeric unless flagged). */
function finder(categorical: number[], params: Partial<SplitParams> = {}, bins = 3): SplitFinder {
  const numValueBins = new Int32Array(categorical.length).fill(bins)
  return new SplitFinder(
    { ...PARAMS, ...params },
    numValueBins,
    Uint8Array.from(categorical),
    new HistogramLayout(numValueBins)
  )
}

/** Histograms from [g, h] per bin, missing bin last, feature after feature. */
const hist = (...features: [number, number][][]): Float64Array => Float64Array.from(features.flat(2))

/** Finds the best split of a leaf over every feature of `h`, with its sums G and H. */
function best(
  f: SplitFinder,
  h: Float64Array,
  numFeatures: number,
  G: number,
  H: number,
  numRows = 100,
  copies = 1
): SplitCandidate {
  const out = new SplitCandidate()
  const features = Int32Array.from({ length: numFeatures }, (_, i) => i)
  f.find(h, features, numFeatures, G, H, numRows, copies, out)
  return out
}

describe('SplitFinder on numeric features', () => {
  // Bins (g, h): (−2, 2), (1, 1), (3, 2); G = 2, H = 5, parent term 4/6.
  const noMissing: [number, number][] = [
    [-2, 2],
    [1, 1],
    [3, 2],
    [0, 0]
  ]

  it('picks the best threshold, and sends NaN to the heavier child when the leaf had none', () => {
    const out = best(finder([0]), hist(noMissing), 1, 2, 5)
    // bin 0: 4/3 + 16/4 − 2/3 = 14/3; bin 1: 1/4 + 9/3 − 2/3 = 31/12.
    expect(out.gain).toBeCloseTo(14 / 3, 12)
    expect([out.feature, out.bin, out.categorical, out.leftG, out.leftH, out.childL2]).toEqual([
      0,
      0,
      false,
      -2,
      2,
      1
    ])
    // Left holds 2 of the hessian, right 3: NaN goes right.
    expect(out.missingLeft).toBe(0)
  })

  it('sends NaN left when the left child is at least as heavy', () => {
    // Bins (−2, 3), (1, 1), (3, 2): bin 0 is best (4/4 + 16/4 − 4/7) and H_L = H_R = 3.
    const out = best(
      finder([0]),
      hist([
        [-2, 3],
        [1, 1],
        [3, 2],
        [0, 0]
      ]),
      1,
      2,
      6
    )
    expect(out.bin).toBe(0)
    expect(out.gain).toBeCloseTo(1 + 4 - 4 / 7, 12)
    expect(out.missingLeft).toBe(1)
  })

  it('tries each threshold with the NaN rows on either side', () => {
    // NaN rows (−3, 1): G = −1, H = 6. Bin 0 with NaN left: 25/4 + 16/4 − 1/7, the best.
    const out = best(
      finder([0]),
      hist([
        [-2, 2],
        [1, 1],
        [3, 2],
        [-3, 1]
      ]),
      1,
      -1,
      6
    )
    expect(out.gain).toBeCloseTo(10.25 - 1 / 7, 12)
    expect([out.bin, out.missingLeft, out.leftG, out.leftH]).toEqual([0, 1, -5, 3])
  })

  it('offers every value left and NaN alone right', () => {
    // Bins (1, 1) ×3, NaN (−6, 2): G = −3, H = 5. Values | NaN: 9/4 + 36/3 − 9/6 = 12.75,
    // above the best threshold (25/4 + 4/3 − 1.5 at bins 0 and 1).
    const out = best(
      finder([0]),
      hist([
        [1, 1],
        [1, 1],
        [1, 1],
        [-6, 2]
      ]),
      1,
      -3,
      5
    )
    expect(out.gain).toBeCloseTo(12.75, 12)
    expect([out.bin, out.missingLeft, out.leftG, out.leftH]).toEqual([2, 0, 3, 3])
  })

  it('needs each child to weigh minChildWeight, the leaf two of them, and two rows', () => {
    // Bin 0 leaves 2 left (< 2.5); bin 1 leaves 2 right: no split.
    expect(best(finder([0], { minChildWeight: 2.5 }), hist(noMissing), 1, 2, 5).feature).toBe(-1)
    // With 2.0, bin 0 (2 | 3) is allowed.
    expect(best(finder([0], { minChildWeight: 2 }), hist(noMissing), 1, 2, 5).bin).toBe(0)
    // H = 5 < 2 × 2.6: not searched at all; one row: not searched either.
    expect(best(finder([0], { minChildWeight: 2.6 }), hist(noMissing), 1, 2, 5).gain).toBe(0)
    expect(best(finder([0]), hist(noMissing), 1, 2, 5, 1).feature).toBe(-1)
  })

  it('takes the first of equally good features, and a later feature only when strictly better', () => {
    const twice = hist(noMissing, noMissing)
    expect(best(finder([0, 0]), twice, 2, 2, 5).feature).toBe(0)
    // The second feature's bin 0 split is stronger: (−3, 2), (2, 1), (3, 2).
    const better = hist(noMissing, [
      [-3, 2],
      [2, 1],
      [3, 2],
      [0, 0]
    ])
    const out = best(finder([0, 0]), better, 2, 2, 5)
    expect(out.feature).toBe(1)
    expect(out.gain).toBeCloseTo(9 / 3 + 25 / 4 - 4 / 6, 12)
  })

  it('finds no split in a leaf whose rows share one bin', () => {
    const out = best(
      finder([0]),
      hist([
        [0, 0],
        [2, 5],
        [0, 0],
        [0, 0]
      ]),
      1,
      2,
      5
    )
    expect(out.feature).toBe(-1)
    expect(out.gain).toBe(0)
  })
})

describe('SplitFinder on categorical features', () => {
  it('with few categories, splits one category against the rest with the plain λ', () => {
    // Categories (2, 2), (−3, 2), (1, 1); G = 0, H = 5. Category 1 alone: 9/3 + 9/4 = 5.25.
    const out = best(
      finder([1]),
      hist([
        [2, 2],
        [-3, 2],
        [1, 1],
        [0, 0]
      ]),
      1,
      0,
      5
    )
    expect(out.categorical).toBe(true)
    expect(out.gain).toBeCloseTo(5.25, 12)
    expect(Array.from(out.sides.subarray(0, 4))).toEqual([0, 1, 0, 0])
    expect([out.bin, out.missingLeft, out.leftG, out.leftH, out.childL2]).toEqual([-1, 0, -3, 2, 1])
  })

  it('treats NaN rows as one more category, whose side is learned', () => {
    // Categories (1, 2), (−1, 2), (1, 1), NaN (−5, 1): G = −4, H = 6. NaN alone left:
    // 25/2 + 1/6 − 16/7, above category 0 alone (1/3 + 25/5 − 16/7).
    const out = best(
      finder([1]),
      hist([
        [1, 2],
        [-1, 2],
        [1, 1],
        [-5, 1]
      ]),
      1,
      -4,
      6
    )
    expect(out.gain).toBeCloseTo(12.5 + 1 / 6 - 16 / 7, 12)
    expect(Array.from(out.sides.subarray(0, 4))).toEqual([0, 0, 0, 1])
    expect(out.missingLeft).toBe(1)
  })

  it('does not split a leaf with one category', () => {
    expect(
      best(
        finder([1]),
        hist([
          [0, 0],
          [2, 5],
          [0, 0],
          [0, 0]
        ]),
        1,
        2,
        5
      ).feature
    ).toBe(-1)
  })

  // Six categories of one row and hessian 1 each, g = 3, −2, 1, −4, 0, 2 (G = 0, H = 6): sorted
  // by g ÷ (h + 1), categories 3, 1, 4, 2, 5, 0; prefixes of at most (6 + 1) >> 1 = 3 from
  // either end, children's λ = 1 + catL2 = 2. {3, 1}: 36/4 + 36/6 = 15, the best.
  const six = hist([
    [3, 1],
    [-2, 1],
    [1, 1],
    [-4, 1],
    [0, 1],
    [2, 1],
    [0, 0]
  ])

  it('with many categories, splits on the best prefix of the categories sorted by g ÷ (h + smoothing)', () => {
    const out = best(finder([1], {}, 6), six, 1, 0, 6, 6)
    expect(out.gain).toBeCloseTo(15, 12)
    expect(Array.from(out.sides.subarray(0, 7))).toEqual([0, 1, 0, 1, 0, 0, 0])
    expect([out.leftG, out.leftH, out.childL2]).toEqual([-6, 2, 2])
  })

  it('offers no set split whose copies in the emitted tree would pass 256', () => {
    // {3, 1} left makes 2 runs left and 3 right: 85 × 3 = 255 copies pass, 86 × 3 do not;
    // then the best set with at most 2 runs a side is {0, 5} (25/4 + 25/6).
    expect(best(finder([1], {}, 6), six, 1, 0, 6, 6, 85).gain).toBeCloseTo(15, 12)
    const out = best(finder([1], {}, 6), six, 1, 0, 6, 6, 86)
    expect(out.gain).toBeCloseTo(25 / 4 + 25 / 6, 12)
    expect(Array.from(out.sides.subarray(0, 7))).toEqual([1, 0, 0, 0, 0, 1, 0])
  })

  it('leaves out categories with fewer rows than the smoothing, and groups of fewer rows than minDataPerGroup', () => {
    // Smoothing 2: every category (one row each) is left out, so no set split remains.
    expect(best(finder([1], { catSmooth: 2 }, 6), six, 1, 0, 6, 6).feature).toBe(-1)
    // Groups of two rows: only prefixes of 2 are offered, and 6 − 2 = 4 rows must stay right.
    const grouped = best(finder([1], { minDataPerGroup: 2 }, 6), six, 1, 0, 6, 6)
    expect(grouped.gain).toBeCloseTo(15, 12)
    const tooFew = best(finder([1], { minDataPerGroup: 5 }, 6), six, 1, 0, 6, 6)
    expect(tooFew.feature).toBe(-1)
  })
})
