import { profileTable } from '../../src/main/core/eda/profileTable'
import { openWorkbench, step, timed } from './step'

/** profile DB DATASET_ID: Workbench.profileDataset = load the dataset's table from SQLite + profile it. */
step(async ([db, id]) => {
  const wb = openWorkbench(db)
  const load = await timed(() => wb.datasets.loadTable(Number(id)))
  const profile = await timed(() => profileTable(load.value))
  wb.close()
  return {
    rows: load.value.numRows,
    columns: profile.value.columns.length,
    seconds: load.seconds + profile.seconds,
    loadSeconds: load.seconds,
    profileSeconds: profile.seconds
  }
})
