import { openWorkbench, step, timed } from './step'

/** import DB CSV TARGET: the streaming CSV import (sniffing, type inference, one transaction). */
step(async ([db, csv, target]) => {
  const wb = openWorkbench(db)
  const { value, seconds } = await timed(() =>
    wb.importCsv({ path: csv, target, name: `bench import ${csv}` })
  )
  wb.close()
  return {
    datasetId: value.dataset.id,
    rows: value.report.rowsImported,
    rejected: value.report.rowsRejected,
    seconds
  }
})
