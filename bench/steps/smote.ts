import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { gather, gather8 } from '../../src/main/core/base/arrays'
import { deriveSeed, Rng } from '../../src/main/core/base/random'
import { smoteNc } from '../../src/main/core/ml/smote'
import { prepareFeatures } from '../../src/main/core/training/prepareFeatures'
import { TrainParamsSchema } from '../../src/shared/params/trainParams'
import { openWorkbench, step, timed } from './step'

/**
 * smote DB DATASET_ID OUT.csv: SMOTE-NC as training runs it (the product's defaults: the
 * 80 % training rows, k = 5), timed alone; then writes those rows (standardised numeric
 * columns, categorical codes last, the target as y) for bench/reference/smote_ref.py.
 */
step(async ([db, id, out]) => {
  const wb = openWorkbench(db)
  const table = wb.datasets.loadTable(Number(id))
  wb.close()
  const params = TrainParamsSchema.parse({})
  const { split, features, matrix } = prepareFeatures(table, params)
  const train = split.train
  const numericIdx = features.flatMap((f, i) => (f.kind === 'numeric' ? [i] : []))
  const categoricalIdx = features.flatMap((f, i) => (f.kind === 'categorical' ? [i] : []))
  const numeric = numericIdx.map((i) => gather(matrix[i], train))
  const categorical = categoricalIdx.map((i) => Int32Array.from(gather(matrix[i], train)))
  const y = gather8(table.target, train)
  const { value, seconds } = await timed(() =>
    smoteNc(numeric, categorical, y, { rng: new Rng(deriveSeed(params.seed, 2)), k: params.smoteK })
  )
  const file = createWriteStream(out)
  const names = [...numericIdx, ...categoricalIdx].map((i) => `f${i}`)
  file.write([...names, 'y'].join(',') + '\n')
  for (let start = 0; start < y.length; start += 10_000) {
    const lines: string[] = []
    for (let r = start; r < Math.min(y.length, start + 10_000); r++) {
      lines.push([...numeric.map((c) => c[r]), ...categorical.map((c) => c[r]), y[r]].join(','))
    }
    if (!file.write(lines.join('\n') + '\n')) await once(file, 'drain')
  }
  file.end()
  await once(file, 'finish')
  let minority = 0
  for (let r = 0; r < y.length; r++) minority += y[r] === value.minorityClass ? 1 : 0
  return {
    rows: y.length,
    minority,
    synthetic: value.count,
    numeric: numeric.length,
    categorical: categorical.length,
    k: value.k,
    seconds
  }
})
