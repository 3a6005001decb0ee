import { openWorkbench, step, timed } from './step'

/** export DB DATASET_ID CSV: a dataset written back out as CSV. */
step(async ([db, id, csv]) => {
  const wb = openWorkbench(db)
  const { value, seconds } = await timed(() => wb.exportDataset(Number(id), csv))
  wb.close()
  return { rows: value.rows, seconds }
})
