/**
 * The grade of a calibrated probability: the first whose `upTo` is above it. Apart from
 * ModelArtifact (which re-exports it) because scoring threads grade every row but never
 * validate an artifact: this module keeps the schema library out of their start-up.
 */
export function riskGrade<G extends { upTo: number }>(grades: readonly G[], p: number): G {
  for (const g of grades) if (p < g.upTo) return g
  return grades[grades.length - 1]
}
