import { binColumns, fitBins, type BinMapper } from '../binning'

/**
 * The training matrix as the tree learners see it (LightGBM's Dataset): every feature
 * binned once to small integers, the labels, and the bin edges that turn a bin split back
 * into a raw threshold (see binning.ts for the bin semantics).
 */
export interface BinnedData {
  numRows: number
  /** One Uint8Array of `numRows` bins per feature; NaN is in bin `mapper.missingBin[f]`. */
  bins: Uint8Array[]
  /** Labels, 0 or 1. */
  y: Uint8Array
  mapper: BinMapper
}

/** Bins column-major features (edges fitted on these rows) with their 0/1 labels. */
export function binTrainingData(columns: Float64Array[], y: Uint8Array): BinnedData {
  const mapper = fitBins(columns)
  return { numRows: y.length, bins: binColumns(mapper, columns), y, mapper }
}
