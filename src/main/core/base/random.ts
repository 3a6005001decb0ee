/**
 * Seeded pseudo-random generator (xoshiro128**, seeded through splitmix32).
 *
 * Every random step of the product takes one of these explicitly; there is no
 * global random source, so the same data and seed always give the same result.
 */
export class Rng {
  private s0: number
  private s1: number
  private s2: number
  private s3: number
  private spareNormal = NaN

  constructor(seed: number) {
    let x = seed >>> 0
    const next = (): number => {
      // splitmix32: spreads a small integer seed over all 128 bits of state.
      x = (x + 0x9e3779b9) >>> 0
      let z = x
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
      return (z ^ (z >>> 16)) >>> 0
    }
    this.s0 = next()
    this.s1 = next()
    this.s2 = next()
    this.s3 = next()
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0
    const t = (this.s1 << 9) >>> 0
    this.s2 ^= this.s0
    this.s3 ^= this.s1
    this.s1 ^= this.s2
    this.s0 ^= this.s3
    this.s2 ^= t
    this.s3 = rotl(this.s3, 11)
    return result
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  /** Standard normal deviate (Marsaglia polar method). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const v = this.spareNormal
      this.spareNormal = NaN
      return v
    }
    let u = 0
    let v = 0
    let s = 0
    do {
      u = this.next() * 2 - 1
      v = this.next() * 2 - 1
      s = u * u + v * v
    } while (s >= 1 || s === 0)
    const m = Math.sqrt((-2 * Math.log(s)) / s)
    this.spareNormal = v * m
    return u * m
  }

  /** A new generator whose stream is independent of this one's, derived from it. */
  fork(): Rng {
    return new Rng(this.nextUint32())
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0
}

/** Derives the seed of the i-th sub-task (a tree, a fold) from a base seed, independent of scheduling. */
export function deriveSeed(baseSeed: number, index: number): number {
  let z = (baseSeed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
  return (z ^ (z >>> 16)) >>> 0
}

/**
 * Partial Fisher–Yates: leaves in a[0..k) k of a's elements drawn uniformly without
 * replacement (one rng.int per position, so the same generator state gives the same draw).
 */
export function shuffleHead(a: Int32Array, k: number, rng: Rng): void {
  const n = a.length
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i)
    const t = a[i]
    a[i] = a[j]
    a[j] = t
  }
}
