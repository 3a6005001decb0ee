/** Numbers in the words the pack writes for a committee (reasons, verdicts): one format each. */

/** 0.0523 → "5.2 %". */
export function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)} %`
}

/** 1234567.8 → "₹12,34,568" (Indian grouping, whole rupees). */
export function rupees(value: number): string {
  const sign = value < 0 ? '−' : ''
  return `${sign}₹${Math.round(Math.abs(value)).toLocaleString('en-IN')}`
}

/** A p-value as a committee reads it: "0.034", or "< 0.001". */
export function pValue(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3)
}

/** An amount as Indian readers say it: "₹4.52 lakh", "₹1.31 crore", "₹12,340" below a lakh. */
export function lakhCrore(value: number): string {
  const sign = value < 0 ? '−' : ''
  const a = Math.abs(value)
  if (a >= 1e7) return `${sign}₹${(a / 1e7).toFixed(2)} crore`
  if (a >= 1e5) return `${sign}₹${(a / 1e5).toFixed(2)} lakh`
  return `${sign}₹${Math.round(a).toLocaleString('en-IN')}`
}
