/**
 * Our forest engine alone on the exact matrices scikit-learn's baseline fits (diagnose.py
 * --dump: median / most-frequent imputation, ordinal codes of sorted categories), to tell the
 * engine's part of an AUC gap from the pipeline's (engineered features, SMOTE, calibration).
 *
 *   npx tsx bench/real/engineOnly.ts NAME SPLITS SEEDS [maxFeatures] [minLeaf]
 *
 * SPLITS is a count (splits 0..SPLITS-1) or a range FIRST-LAST (e.g. 5-9).
 *
 * Prints one JSON line per split: mean held-out AUC over the seeds (seed = k + 100·s, as
 * diagnose.py --seeds). AUC by the Mann-Whitney count (ties count one half), written out
 * here so that this check does not lean on the product's own metrics.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { trainForest } from '../../src/main/core/ml/forest/trainForest'
import { predictEnsemble } from '../../src/main/core/model/TreeEnsemble'
import { REAL_CACHE } from './manifest'

function readMatrix(path: string): { columns: Float64Array[]; y: Uint8Array } {
  const rows = readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(',').map(Number))
  const width = rows[0].length - 1
  const columns = Array.from({ length: width }, (_, j) => Float64Array.from(rows, (r) => r[j]))
  return { columns, y: Uint8Array.from(rows, (r) => r[width]) }
}

/** P(score of a random positive > score of a random negative), ties counted one half. */
function mannWhitneyAuc(y: Uint8Array, p: Float64Array): number {
  let wins = 0
  let pairs = 0
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 1) continue
    for (let j = 0; j < y.length; j++) {
      if (y[j] !== 0) continue
      pairs++
      wins += p[i] > p[j] ? 1 : p[i] === p[j] ? 0.5 : 0
    }
  }
  return wins / pairs
}

async function main(): Promise<void> {
  const [name, splitsText, seedsText, maxFeaturesText = 'sqrt', minLeafText = '1'] = process.argv.slice(2)
  const maxFeatures = /^\d+$/.test(maxFeaturesText) ? Number(maxFeaturesText) : (maxFeaturesText as 'sqrt')
  const range = /^(\d+)-(\d+)$/.exec(splitsText)
  const [first, last] = range ? [Number(range[1]), Number(range[2])] : [0, Number(splitsText) - 1]
  for (let k = first; k <= last; k++) {
    const folder = join(REAL_CACHE, 'diag', name, `split-${k}`)
    const train = readMatrix(join(folder, 'train.csv'))
    const test = readMatrix(join(folder, 'test.csv'))
    const aucs: number[] = []
    for (let s = 0; s < Number(seedsText); s++) {
      const { forest } = await trainForest(train.columns, train.y, {
        trees: 200,
        maxDepth: 15,
        minSamplesLeaf: Number(minLeafText),
        maxFeatures,
        seed: k + 100 * s,
        threads: 1
      })
      aucs.push(mannWhitneyAuc(test.y, predictEnsemble(forest, test.columns, test.y.length)))
    }
    console.log(
      JSON.stringify({ dataset: name, split: k, auc: aucs.reduce((a, b) => a + b, 0) / aucs.length, aucs })
    )
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
