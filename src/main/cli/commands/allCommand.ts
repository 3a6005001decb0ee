import type { Command } from 'commander'
import type { CliContext } from '../common/CliContext'
import { fmt, pct } from '../common/format'
import { floatOption, intOption } from '../common/parseOptions'
import { trainAndReport } from './modelCommands'
import { addTrainOptions, toTrainParams, type TrainCliOptions } from './trainOptions'

type Run = (
  action: (ctx: CliContext, ...args: never[]) => Promise<void> | void
) => (...args: unknown[]) => Promise<void>

/** `ptm all`: the spec's whole pipeline (python main.py) — generate, prepare, train with SMOTE, evaluate. */
export function registerAllCommand(program: Command, run: Run): void {
  addTrainOptions(
    program
      .command('all')
      .description(
        "run the spec's whole pipeline: generate data, preprocess, engineer features, train, evaluate"
      )
      .option('--rows <n>', 'loans to generate', intOption(100, 10_000_000), 10_000)
      .option('--default-rate <r>', 'share of loans that default', floatOption(0, 1), 0.1)
  ).action(
    run(async (ctx, o: TrainCliOptions & { rows: number; defaultRate: number }) => {
      const service = ctx.service()
      ctx.print(`Step 1: generating ${fmt(o.rows, 0)} loans (seed ${o.seed})...`)
      const dataset = await service.generateDataset({
        rows: o.rows,
        seed: o.seed,
        defaultRate: o.defaultRate
      })
      ctx.print(
        `  dataset ${dataset.id}: ${fmt(dataset.rows, 0)} rows, default rate ${pct(dataset.defaultRate)}`
      )
      const params = toTrainParams(o)
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
