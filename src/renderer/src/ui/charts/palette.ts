/**
 * Every colour the charts draw with, in one place: ECharts paints on a canvas and needs
 * concrete colours, not CSS variables. Text and line greys are Element Plus's defaults
 * (--el-text-color-primary, -regular, -placeholder), so charts sit with the page around them.
 * The class and model hues are Tableau 10's, distinguishable for most colour-blind users.
 */

/** Axis labels, legends and values on bars (--el-text-color-primary). */
export const TEXT_COLOR = '#303133'
/** Axis names, mark lines and totals (--el-text-color-regular). */
export const SECONDARY_COLOR = '#606266'
/** Reference lines: chance, no skill, perfect calibration (--el-text-color-placeholder). */
export const REFERENCE_COLOR = '#a8abb2'
/** Labels and separators drawn on a dark fill. */
export const ON_DARK_COLOR = '#fff'

/** The two outcomes on every chart: repaid blue, defaulted red. */
export const CLASS_COLORS = { repaid: '#4c78a8', defaulted: '#e45756' } as const
/** The same two outcomes as light fills (box plot bodies). */
export const CLASS_FILLS = { repaid: '#dbe6f1', defaulted: '#f9dcdc' } as const

/** The model shown and the one it is compared with. */
export const MODEL_COLORS = ['#4c78a8', '#f58518'] as const
/** A second measure beside the first model's colour (permutation importance). */
export const SECOND_MEASURE_COLOR = '#72b7b2'

/** Good, caution and bad: a field that lowered the risk, a column that shifted, one that raised it. */
export const STATUS_COLORS = { good: '#3f9b4f', caution: '#e6a23c', bad: '#d9463e' } as const

/** The strategy chart's curves (approval rate, expected bad rate, loss, profit) and the chosen cut-off's handle. */
export const STRATEGY_COLORS = {
  approval: '#4c78a8',
  expected: '#f58518',
  loss: '#b04a6f',
  profit: STATUS_COLORS.good,
  chosen: '#3a6ea5'
} as const

/** Risk grades from very low (A, green) to very high (E, red). */
export const GRADE_COLORS: Readonly<Record<string, string>> = {
  A: '#3f9b4f',
  B: '#8cc265',
  C: '#e6b422',
  D: '#ee8a3c',
  E: '#d9463e'
}
/** A grade outside A–E (a model with other grades). */
export const UNKNOWN_GRADE_COLOR = SECONDARY_COLOR

/** A correlation from −1 (blue) through 0 (near white) to +1 (red). */
export const DIVERGING_SCALE = ['#3b6fb6', '#f7f7f7', '#c8403a']
/** A share from 0 (near white) to 1 (deep blue): the confusion matrix. */
export const SEQUENTIAL_SCALE = ['#f4f7fb', '#3a6ea5']
