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

describe('SplitFinder’s limits, worked at their edges', () => {
  it('offers nothing from a fresh candidate', () => {
    const out = new SplitCandidate()
    expect([out.gain, out.feature, out.categorical, out.bin]).toEqual([0, -1, false, -1])
  })

  it('splits a leaf of exactly twice minChildWeight into two children of minChildWeight, and a leaf of two rows', () => {
    // Bins (−2, 2), (2, 2): H = 4 = 2 × 2; the split leaves 2 | 2.
    const even = hist([
      [-2, 2],
      [2, 2],
      [0, 0],
      [0, 0]
    ])
    expect(best(finder([0], { minChildWeight: 2 }), even, 1, 0, 4, 2).bin).toBe(0)
    // Categorical too: category 0 alone (2 | 2).
    expect(best(finder([1], { minChildWeight: 2 }), even, 1, 0, 4, 2).feature).toBe(0)
  })

  it('reads only the first `count` features it is given', () => {
    const h = hist(
      [
        [-2, 2],
        [1, 1],
        [3, 2],
        [0, 0]
      ],
      [
        [-3, 2],
        [2, 1],
        [3, 2],
        [0, 0]
      ]
    )
    const out = new SplitCandidate()
    finder([0, 0]).find(h, Int32Array.of(0, 1), 1, 2, 5, 100, 1, out)
    expect(out.feature).toBe(0)
  })

  it('counts a bin whose gradients cancel out', () => {
    // Four bins (−2, 1), (0, 2), (−1, 1), (3, 1): G = 0, H = 5. Thresholds: bin 0 4/2 + 4/5,
    // bin 1 4/4 + 4/3, bin 2 (the cancelling bin's hessian on the left) 9/5 + 9/2 = 6.3.
    const out = best(
      finder([0], {}, 4),
      hist([
        [-2, 1],
        [0, 2],
        [-1, 1],
        [3, 1],
        [0, 0]
      ]),
      1,
      0,
      5
    )
    expect(out.gain).toBeCloseTo(6.3, 12)
    expect([out.bin, out.leftG, out.leftH]).toEqual([2, -3, 4])
  })

  it('allows a child of exactly minChildWeight on either side, numeric or categorical', () => {
    // Bins (−3, 1), (1, 2), (2, 1): minChildWeight 1. Bin 0: 9/2 + 9/4 − 0 = 6.75 (H 1 | 3);
    // bin 1: 4/4 + 4/2 = 3. The split of H_L = 1 wins.
    const h = hist([
      [-3, 1],
      [1, 2],
      [2, 1],
      [0, 0]
    ])
    const numeric = best(finder([0], { minChildWeight: 1 }), h, 1, 0, 4)
    expect(numeric.gain).toBeCloseTo(6.75, 12)
    // Mirrored, the right child holds 1.
    const mirrored = best(
      finder([0], { minChildWeight: 1 }),
      hist([
        [2, 1],
        [1, 2],
        [-3, 1],
        [0, 0]
      ]),
      1,
      0,
      4
    )
    expect([mirrored.bin, mirrored.gain]).toEqual([1, 6.75])
    // One against the rest: category 0 (H 1 | 3) and category 2 (H 3 | 1 on the right).
    expect(best(finder([1], { minChildWeight: 1 }), h, 1, 0, 4).gain).toBeCloseTo(6.75, 12)
    const catRight = best(
      finder([1], { minChildWeight: 1 }),
      hist([
        [1, 2],
        [2, 1],
        [-3, 1],
        [0, 0]
      ]),
      1,
      0,
      4
    )
    expect(Array.from(catRight.sides.subarray(0, 4))).toEqual([0, 0, 1, 0])
  })

  it('takes the first of equally good category sets', () => {
    const h = hist(
      [
        [2, 2],
        [-3, 3],
        [1, 1],
        [0, 0]
      ],
      [
        [2, 2],
        [-3, 3],
        [1, 1],
        [0, 0]
      ]
    )
    expect(best(finder([1, 1]), h, 2, 0, 6).feature).toBe(0)
  })
})

describe('SplitFinder’s category sets, worked by hand', () => {
  it('reads each category’s own hessian when splitting one against the rest', () => {
    // Categories (2, 2), (−3, 3), (1, 1): G = 0, H = 6. Category 1 alone: 9/4 + 9/4 = 4.5.
    const out = best(
      finder([1]),
      hist([
        [2, 2],
        [-3, 3],
        [1, 1],
        [0, 0]
      ]),
      1,
      0,
      6
    )
    expect(out.gain).toBeCloseTo(4.5, 12)
    expect([out.leftG, out.leftH]).toEqual([-3, 3])
  })

  it('splits two categories apart', () => {
    const out = best(
      finder([1]),
      hist([
        [2, 2],
        [0, 0],
        [-2, 2],
        [0, 0]
      ]),
      1,
      0,
      4
    )
    expect(out.gain).toBeCloseTo(4 / 3 + 4 / 3, 12)
  })

  it('counts only categories with rows when choosing one-against-the-rest', () => {
    // Three categories with rows among six bins: one against the rest with the plain λ
    // (category 1: 9/4 + 9/4), not the sorted search with λ + catL2.
    const h = hist([
      [2, 2],
      [-3, 3],
      [0, 0],
      [1, 1],
      [0, 0],
      [0, 0],
      [0, 0]
    ])
    const out = best(finder([1], {}, 6), h, 1, 0, 6, 6)
    expect(out.gain).toBeCloseTo(4.5, 12)
    expect(out.childL2).toBe(1)
  })

  it('counts rows from hessians (rows ÷ H of them a unit) against the smoothing and the groups', () => {
    // `six` with 12 rows: two rows a category. Smoothing 2 keeps every category; groups of 4
    // rows offer only prefixes of two categories, the best still {3, 1}.
    const six = hist([
      [3, 1],
      [-2, 1],
      [1, 1],
      [-4, 1],
      [0, 1],
      [2, 1],
      [0, 0]
    ])
    expect(best(finder([1], { catSmooth: 2 }, 6), six, 1, 0, 6, 12).feature).toBe(0)
    const grouped = best(finder([1], { minDataPerGroup: 4 }, 6), six, 1, 0, 6, 12)
    expect(grouped.gain).toBeCloseTo(15, 12)
    // Groups of 5 rows: a prefix of three categories (6 rows) is offered, {3, 1, 4}: 36/5 + 36/5.
    const five = best(finder([1], { minDataPerGroup: 5 }, 6), six, 1, 0, 6, 12)
    expect(five.gain).toBeCloseTo(14.4, 12)
  })

  it('sorts the categories by g ÷ (h + smoothing), not by g alone', () => {
    // Bins (g, h): (−4, 3), (−3, 1), (1, 1), (3, 1), (3, 2): G = 0, H = 8, smoothing 1.
    // Keys −1, −1.5, 0.5, 1.5, 1: order 1, 0, 2, 4, 3; at most three a prefix, λ 2.
    // {1}: 9/3 + 9/9 = 4; {1, 0}: 49/6 + 49/6 = 16.33; {1, 0, 2}: 36/7 + 36/5 = 12.34;
    // from the top: {3}: 9/3 + 9/9 = 4; {3, 4}: 36/5 + 36/7; {3, 4, 2}: 49/6 + 49/6 again (later).
    const h = hist([
      [-4, 3],
      [-3, 1],
      [1, 1],
      [3, 1],
      [3, 2],
      [0, 0]
    ])
    const out = best(finder([1], {}, 5), h, 1, 0, 8, 8)
    expect(out.gain).toBeCloseTo(49 / 3, 12)
    expect(Array.from(out.sides.subarray(0, 6))).toEqual([1, 1, 0, 0, 0, 0])
  })

  it('tries prefixes of up to half the categories, rounded up', () => {
    // Five categories (1, 1): g = −2, −2, −2, 3, 3 (G = 0, H = 5): the best set is the three
    // of −2 (36/5 + 36/4 = 16.2), a prefix of (5 + 1) >> 1 = 3.
    const h = hist([
      [-2, 1],
      [-2, 1],
      [-2, 1],
      [3, 1],
      [3, 1],
      [0, 0]
    ])
    const out = best(finder([1], {}, 5), h, 1, 0, 5, 5)
    expect(out.gain).toBeCloseTo(36 / 5 + 36 / 4, 12)
    expect(Array.from(out.sides.subarray(0, 6))).toEqual([1, 1, 1, 0, 0, 0])
  })

  it('clears the sides of an earlier, weaker set, missing bin included', () => {
    // g = 4, 3, 0, 0, 0, −1 (h 1 each, G = 6, H = 6): the ascending prefixes take bin 5
    // first ({5, 2, 3}: 1/5 + 49/5 − 36/7), then the descending {0, 1} beats them
    // (49/4 + 1/6 − 36/7): bin 5 must not stay on the left.
    const h = hist([
      [4, 1],
      [3, 1],
      [0, 1],
      [0, 1],
      [0, 1],
      [-1, 1],
      [0, 0]
    ])
    const out = best(finder([1], {}, 6), h, 1, 6, 6, 6)
    expect(out.gain).toBeCloseTo(49 / 4 + 1 / 6 - 36 / 7, 12)
    expect(Array.from(out.sides.subarray(0, 7))).toEqual([1, 1, 0, 0, 0, 0, 0])
  })

  it('keeps categories of equal keys in bin order', () => {
    // Bins (−1, 1), (−2, 3), (−6, 1), then (3, 1) ×3: G = 0, H = 8; keys −0.5, −0.5, −3, 1.5 …
    // Prefixes of at most two (maxCatThreshold 2), λ 2: {2} 36/3 + 36/9 = 16, then {2, 0}
    // (bin 0 before bin 1, their keys equal) 49/4 + 49/8 = 18.375, the best; {2, 1} is not
    // a prefix. From the top: {5} 4, {5, 4} 13.5.
    const h = hist([
      [-1, 1],
      [-2, 3],
      [-6, 1],
      [3, 1],
      [3, 1],
      [3, 1],
      [0, 0]
    ])
    const out = best(finder([1], { maxCatThreshold: 2 }, 6), h, 1, 0, 8, 8)
    expect(out.gain).toBeCloseTo(18.375, 12)
    expect(Array.from(out.sides.subarray(0, 7))).toEqual([1, 0, 1, 0, 0, 0, 0])
  })

  it('stops a prefix once the rows left on the right are fewer than a group', () => {
    // Counts from hessians: bins (−6, 4), (−5, 4), (1, 1), (2, 1), (8, 1), 11 rows, groups
    // of 4: {0} is offered (7 rows stay right), {0, 1} is not (3 stay right).
    const h = hist([
      [-6, 4],
      [-5, 4],
      [1, 1],
      [2, 1],
      [8, 1],
      [0, 0]
    ])
    const out = best(finder([1], { minDataPerGroup: 4 }, 5), h, 1, 0, 11, 11)
    // {0}: 36/6 + 36/9 = 10, the only set offered.
    expect(out.gain).toBeCloseTo(10, 12)
    expect(Array.from(out.sides.subarray(0, 6))).toEqual([1, 0, 0, 0, 0, 0])
  })

  it('never puts a category of too little hessian alone on either side', () => {
    // minChildWeight 1. Category 0 (−3, 0.5) alone would gain most but weighs 0.5; next best
    // is category 1 alone (2, 1): 4/2 + 1/3.5 − 1/4.5.
    const light = best(
      finder([1], { minChildWeight: 1 }),
      hist([
        [-3, 0.5],
        [2, 1],
        [2, 2],
        [0, 0]
      ]),
      1,
      1,
      3.5
    )
    expect(Array.from(light.sides.subarray(0, 4))).toEqual([0, 1, 0, 0])
    expect(light.gain).toBeCloseTo(2 + 1 / 3.5 - 1 / 4.5, 12)
    // Category 0 (3, 4) alone would leave 0.6 on the right, the others weigh 0.3: no split.
    const heavy = best(
      finder([1], { minChildWeight: 1 }),
      hist([
        [3, 4],
        [-2, 0.3],
        [-1, 0.3],
        [0, 0]
      ]),
      1,
      0,
      4.6
    )
    expect(heavy.feature).toBe(-1)
  })

  it('counts a prefix’s rows towards a group only once its hessian is enough to offer', () => {
    // 100 rows over H = 1 (100 rows a unit of hessian): A (−3, 0.2) 20 rows, B (−2, 0.1) 10,
    // C (0, 0.1) 10, D, E, F (5/3, 0.2) 20 each; minChildWeight 0.25, groups of 20 rows, λ 2.
    // {A} weighs too little, so its 20 rows wait: {A, B} is offered (25/2.3 + 25/2.7), the
    // best; {A, B, C} (25/2.4 + 25/2.6) is not reached as a group of its own.
    const h = hist([
      [-3, 0.2],
      [-2, 0.1],
      [0, 0.1],
      [5 / 3, 0.2],
      [5 / 3, 0.2],
      [5 / 3, 0.2],
      [0, 0]
    ])
    const out = best(finder([1], { minChildWeight: 0.25, minDataPerGroup: 20 }, 6), h, 1, 0, 1, 100)
    expect(out.gain).toBeCloseTo(25 / 2.3 + 25 / 2.7, 12)
    expect(Array.from(out.sides.subarray(0, 7))).toEqual([1, 1, 0, 0, 0, 0, 0])
  })

  it('allows a set split of exactly 256 copies', () => {
    // Two categories apart: one copy a side; a leaf of 256 copies may still split.
    const h = hist([
      [2, 2],
      [0, 0],
      [-2, 2],
      [0, 0]
    ])
    const out = new SplitCandidate()
    finder([1]).find(h, Int32Array.of(0), 1, 0, 4, 100, 256, out)
    expect(out.feature).toBe(0)
    finder([1]).find(h, Int32Array.of(0), 1, 0, 4, 100, 257, out)
    expect(out.feature).toBe(-1)
  })
})
