/** The stores several features share (a feature's own store lives in its folder). */
export { useAppStore } from './appStore'
export { useDatasetStore } from './datasetStore'
export { useJobStore, type TrackedJob } from './jobStore'
export { useModelStore, type ModelDetail } from './modelStore'
export { useWorkspace } from './useWorkspace'
