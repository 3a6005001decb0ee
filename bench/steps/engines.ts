import { RandomForestClassifier } from 'ml-random-forest'
import { predictEnsemble } from '../../src/main/core/model/TreeEnsemble'
import { trainForest } from '../../src/main/core/ml/forest/trainForest'
import { evaluateBinary } from '../../src/main/core/ml/metrics'
import { DEFAULT_TRAIN_PARAMS, prepareFeatures } from '../../src/main/core/training/trainModel'
import { openWorkbench, step, timed } from './step'

/**
 * engines DB DATASET_ID TREES DEPTH: the two forest engines alone on identical rows. The
 * dataset is split and prepared as trainModel does (seed 42, no SMOTE); then our
 * trainForest (1 thread, then 2) and ml-random-forest (the options referenceEngine.ts
 * passes it) are each timed on the training rows and scored on the held-out rows.
 */
step(async ([db, id, trees, depth]) => {
  const wb = openWorkbench(db)
  const table = wb.datasets.loadTable(Number(id))
  wb.close()
  const params = { ...DEFAULT_TRAIN_PARAMS, trees: Number(trees), maxDepth: Number(depth), smote: false }
  const { matrix, split } = prepareFeatures(table, params)
  const pick = (rows: Int32Array) => ({
    columns: matrix.map((c) => Float64Array.from(rows, (r) => c[r])),
    y: Uint8Array.from(rows, (r) => table.target[r])
  })
  const train = pick(split.train)
  const test = pick(split.test)
  const auc = (p: ArrayLike<number>): number => evaluateBinary(test.y, Float64Array.from(p), 0.5).auc
  const options = {
    trees: params.trees,
    maxDepth: params.maxDepth,
    minSamplesLeaf: 1,
    maxFeatures: 'sqrt' as const,
    seed: params.seed
  }

  const ours1 = await timed(() => trainForest(train.columns, train.y, { ...options, threads: 1 }))
  const ours2 = await timed(() => trainForest(train.columns, train.y, { ...options, threads: 2 }))
  const numFeatures = train.columns.length
  const rowsOf = (cols: Float64Array[], n: number): number[][] =>
    Array.from({ length: n }, (_, i) => cols.map((c) => c[i]))
  const reference = new RandomForestClassifier({
    seed: params.seed,
    nEstimators: params.trees,
    maxFeatures: Math.max(1, Math.round(Math.sqrt(numFeatures))) / numFeatures,
    replacement: false,
    useSampleBagging: true,
    noOOB: true,
    treeOptions: { maxDepth: params.maxDepth, minNumSamples: 3 }
  })
  const trainRows = rowsOf(train.columns, train.y.length)
  const ref = await timed(() => reference.train(trainRows, Array.from(train.y)))
  const refP = reference.predictProbability(rowsOf(test.columns, test.y.length), 1) as number[]
  return {
    trainRows: train.y.length,
    testRows: test.y.length,
    features: numFeatures,
    ours1Thread: {
      seconds: ours1.seconds,
      auc: auc(predictEnsemble(ours1.value.forest, test.columns, test.y.length))
    },
    ours2Threads: {
      seconds: ours2.seconds,
      auc: auc(predictEnsemble(ours2.value.forest, test.columns, test.y.length))
    },
    mlRandomForest: { seconds: ref.seconds, auc: auc(refP) }
  }
})
