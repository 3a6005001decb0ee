import type { CsvPreview } from '../../../../shared/dto'

/** A kind the user can give a column in the import dialog (the target is chosen separately). */
export type FeatureKind = 'numeric' | 'categorical' | 'identifier'

export const FEATURE_KINDS: { value: FeatureKind; label: string }[] = [
  { value: 'numeric', label: 'Numeric' },
  { value: 'categorical', label: 'Categorical' },
  { value: 'identifier', label: 'Identifier (not a feature)' }
]

const POSITIVE_WORDS = /^(1|1\.0|yes|y|true|default|defaulted|bad|npa|charged[ _-]?off|written[ _-]?off)$/i

/**
 * The value of a target column that most likely means "defaulted": 1 of a 0/1 pair, or
 * a word such as Yes / Default / NPA. Null when nothing says so: the user must choose.
 */
export function suggestPositiveClass(values: readonly string[]): string | null {
  return values.find((v) => POSITIVE_WORDS.test(v.trim())) ?? null
}

/** A dataset name from a file name: "loans_march.csv" → "loans_march". */
export function datasetNameFromFile(fileName: string): string {
  const stem = fileName.replace(/\.(csv|tsv|txt)$/i, '').trim()
  return (stem || fileName).slice(0, 200)
}

/** The kinds the preview inferred, minus the target column, as the import call takes them. */
export function initialKinds(preview: CsvPreview): Record<string, FeatureKind> {
  const kinds: Record<string, FeatureKind> = {}
  for (const c of preview.columns) kinds[c.name] = c.kind === 'target' ? 'categorical' : c.kind
  return kinds
}

/**
 * The kinds to send: only those the user changed from what the preview inferred, so main's
 * inference over the whole file decides the rest. The target is never sent as a feature kind.
 */
export function changedKinds(
  preview: CsvPreview,
  chosen: Record<string, FeatureKind>,
  target: string
): Record<string, FeatureKind> | undefined {
  const inferred = initialKinds(preview)
  const changed: Record<string, FeatureKind> = {}
  for (const [name, kind] of Object.entries(chosen)) {
    if (name !== target && inferred[name] !== kind) changed[name] = kind
  }
  return Object.keys(changed).length ? changed : undefined
}

/** A delimiter in words for the import dialog ("comma", "tab"); any other is shown as it is. */
export function delimiterName(delimiter: string): string {
  const names: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' }
  return names[delimiter] ?? delimiter
}
