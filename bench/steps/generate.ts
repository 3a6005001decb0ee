import { openWorkbench, step, timed } from './step'

/** generate DB ROWS SEED: the generator streaming a new dataset into the database. */
step(async ([db, rows, seed]) => {
  const wb = openWorkbench(db)
  const { value, seconds } = await timed(() =>
    wb.generateDataset({
      rows: Number(rows),
      seed: Number(seed),
      name: `bench generate ${rows} seed ${seed}`
    })
  )
  wb.close()
  return { datasetId: value.id, rows: value.rows, defaultRate: value.defaultRate, seconds }
})
