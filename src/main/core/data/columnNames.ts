/**
 * A column name reduced to what a person means by it: lower case, without spaces,
 * underscores, dots or hyphens, so that "Credit Score", "credit_score", "CREDIT-SCORE"
 * and "Credit.Score" all name the same column. For matching names only; the column
 * keeps the name it was given.
 */
export function normaliseColumnName(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]+/g, '')
}
