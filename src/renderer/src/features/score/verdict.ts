/**
 * The words for a score's decision, in one place so every screen says a verdict the same
 * way (the result, History's table, filters and details).
 */

/** The decision on an applicant: 1 predicted to default, 0 not. */
export function verdictText(prediction: number): string {
  return prediction === 1 ? 'Predicted to default' : 'Not predicted to default'
}

/** The decision inside a sentence ("… · grade E · predicted to default"). */
export function verdictInline(prediction: number): string {
  return prediction === 1 ? 'predicted to default' : 'not predicted to default'
}
