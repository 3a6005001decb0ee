import { openWorkbench, step } from './step'

/** Baseline: a child that only loads the code and opens the database (the floor under every step's peak RSS). */
step(async ([db]) => {
  const wb = openWorkbench(db)
  const datasets = wb.listDatasets().length
  wb.close()
  return { datasets }
})
