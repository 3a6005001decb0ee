import type { Command } from 'commander'
import type { Run } from '../common/CliContext'
import { fmt, pct } from '../common/format'
import { addParamOptions, readParams } from '../common/paramOptions'
import { GenerateParamsSchema, generateParamShape } from '../../../shared/params/generateParams'
import { trainAndReport } from './modelCommands'
import { addTrainOptions, toTrainParams, type TrainCliOptions } from './trainOptions'

/** `ptm all`: the spec's whole pipeline (python main.py) — generate, prepare, train with SMOTE, evaluate. */
export function registerAllCommand(program: Command, run: Run): void {
  const command = addParamOptions(
    program.command('all'),
    // --seed is the training options': one seed drives generation, split, SMOTE and model.
    { rows: generateParamShape.rows, defaultRate: generateParamShape.defaultRate }
  )
  addTrainOptions(
    command.description(
      "run the spec's whole pipeline: generate data, preprocess, engineer features, train, evaluate"
    )
  ).action(
    run(async (ctx, o: TrainCliOptions) => {
      // Every option is checked before anything is created: a bad training option must not leave a generated dataset behind.
      const params = toTrainParams(o)
      const generate = readParams(GenerateParamsSchema, { ...o, seed: params.seed })
      const service = ctx.service()
      ctx.print(`Step 1: generating ${fmt(generate.rows, 0)} loans (seed ${generate.seed})...`)
      const dataset = await service.generateDataset(generate)
      ctx.print(
        `  dataset ${dataset.id}: ${fmt(dataset.rows, 0)} rows, default rate ${pct(dataset.defaultRate)}`
      )
      const { prepared } = service.preparedTable(dataset.id, params, true)
      ctx.print(
        `Step 2: preprocessing fitted on ${fmt(prepared.split.train.length, 0)} training rows (median / most-frequent imputation, label encoding, standard scaling)`
      )
      const engineered = prepared.features.filter((f) => f.source === 'engineered').map((f) => f.name)
      ctx.print(`Step 3: engineered features: ${engineered.join(', ') || 'none'}`)
      ctx.print(
        `Step 4–5: training ${params.trees} trees of depth ${params.maxDepth}${params.smote ? ' with SMOTE on the training rows' : ''}, evaluating on ${fmt(prepared.split.test.length, 0)} held-out rows\n`
      )
      await trainAndReport(ctx, params, dataset.id, { activate: true })
    })
  )
}
