/**
 * What the feature screens share, in one import: the components, the busy-action helper,
 * table column specs, number and money formats, notices and the delete confirmation.
 * Components import it; plain modules (.ts) import the one module they need, so that they
 * load without the .vue files (in the unit tests, for one).
 */
export * from './components'
export { useAction, type Action, type ActionOptions } from './composables/useAction'
export { useLoadedFor } from './composables/useLoadedFor'
export { confirmDelete, type DeleteRequest } from './confirmDelete'
export * from './format'
export { SEED_LIMITS, type NumberLimits } from './limits'
export { showError, showInfo, showSuccess } from './notify'
export { numberColumn } from './numberColumn'
export { tagColumn } from './tagColumn'
export { actionsColumn, type CellTag, type RowAction, type TableColumn } from './table'
export type { ChartSpec } from './charts/chartBase'
