/** The bounds of a number a form takes, named as el-input-number's props (so `v-bind` passes them on). */
export interface NumberLimits {
  min: number
  max: number
  /** What one press of the arrows adds. */
  step?: number
  /** Decimals shown and kept. */
  precision?: number
}

/** A seed: any 32-bit unsigned integer. */
export const SEED_LIMITS: NumberLimits = { min: 0, max: 4294967295, step: 1 }
