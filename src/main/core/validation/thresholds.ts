// The bands live in src/shared so that the Validation screen marks grades and PSI by the same ones.
export { VALIDATION_THRESHOLDS, type ValidationThresholds } from '../../../shared/validationThresholds'
