import type { HistoryEntry } from '../../../shared/dto'

export interface DecisionSheetInput {
  entry: Extract<HistoryEntry, { kind: 'single' }>
  generatedAt: string
}

/** Writes the one-page decision sheet of a single score (placeholder until the report module lands). */
export async function writeDecisionSheet(input: DecisionSheetInput, path: string): Promise<void> {
  void input
  void path
  throw new Error('writeDecisionSheet is not implemented yet')
}
