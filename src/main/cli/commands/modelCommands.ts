import type { Command } from 'commander'
import { resolve } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { CancelledError } from '../../core/base/errors'
import { writeOutput } from '../../core/base/outputFile'
import { neutraliseCell } from '../../core/scoring/neutraliseCell'
import type { TrainParams } from '../../core/model/ModelArtifact'
import type { CliContext, Run } from '../common/CliContext'
import { fmt, textTable, toMinute } from '../common/format'
import { addListCommand } from '../common/listCommand'
import { intOption } from '../common/parseOptions'
import { formatEvaluation } from '../common/printEvaluation'
import { addTrainOptions, toTrainParams, type TrainCliOptions } from './trainOptions'

/** preprocess, feature, train, evaluate, models: the spec's steps 2–5 (activate: governanceCommands). */
export function registerModelCommands(program: Command, run: Run): void {
  for (const step of ['preprocess', 'feature'] as const) {
    addTrainOptions(
      program
        .command(step)
        .description(
          step === 'preprocess'
            ? "show the preprocessed table (the spec's step 2): median / most-frequent imputation, label encoding, standard scaling, fitted on the training rows"
            : "show the featured table (the spec's step 3): preprocessing plus Loan_to_Balance_Ratio, High_Credit_Risk, Age_Group"
        )
        .option('--out <file.csv>', "write the whole table (with each row's split) to a CSV file"),
      false
    ).action(run((ctx, o: TrainCliOptions & { out?: string }) => showPrepared(ctx, step, o)))
  }

  addTrainOptions(
    program
      .command('train')
      .description(
        "train a model (the spec's random forest by default; gbm, scorecard, ml-random-forest, or auto for a cross-validated champion) on the training rows and evaluate it on held-out rows (the spec's step 4)"
      )
      .option('--name <name>', 'model name')
  ).action(
    run(async (ctx, o: TrainCliOptions & { name?: string }) => {
      await trainAndReport(ctx, toTrainParams(o), o.dataset, { name: o.name })
    })
  )

  program
    .command('evaluate')
    .description("print a model's evaluation on rows it never saw (the spec's step 5)")
    .option('--model <id>', 'model id (default: the active model)', intOption(1))
    .action(
      run((ctx, o: { model?: number }) => {
        const service = ctx.reader()
        const id = service.resolveModelId(o.model)
        const summary = service.models.summary(id)
        const evaluation = service.modelEvaluation(id)
        ctx.print(`Model ${id} "${summary.name}" (dataset "${summary.datasetName}")\n`)
        ctx.print(formatEvaluation(evaluation))
        ctx.printJson({ modelId: id, metrics: summary.metrics, evaluation })
      })
    )

  addListCommand(program, run, {
    name: 'models',
    description: 'list the trained models',
    list: (service) => service.listModels(),
    empty: 'No models yet. Train one with "ptm train".',
    header: ['id', '', 'name', 'dataset', 'threshold', 'AUC', 'KS', 'Brier', 'accuracy', 'created'],
    row: (m) => [
      m.id,
      m.active ? 'active' : '',
      m.name,
      m.datasetName,
      m.threshold.toFixed(3),
      m.metrics.auc.toFixed(4),
      m.metrics.ks.toFixed(4),
      m.metrics.brier.toFixed(4),
      m.metrics.accuracy.toFixed(4),
      toMinute(m.createdAt)
    ],
    json: (models, service) => ({
      models: models.map((m) => ({ ...m, thresholdHistory: service.models.thresholdHistory(m.id) }))
    })
  })

  program
    .command('delete-model')
    .description('delete a model')
    .argument('<id>', 'model id', intOption(1))
    .action(
      run((ctx, id: number) => {
        ctx.service().deleteModel(id)
        ctx.print(`Model ${id} deleted.`)
        ctx.printJson({ modelId: id, deleted: true })
      })
    )
}

/** Trains, prints the evaluation the way `ptm evaluate` does, and the JSON of `train`. */
export async function trainAndReport(
  ctx: CliContext,
  params: TrainParams,
  datasetId: number | undefined,
  options: { name?: string; activate?: boolean }
): Promise<number> {
  const service = ctx.service()
  const id = service.resolveDatasetId(datasetId)
  const estimate = service.estimateTraining(id, params)
  if (estimate.seconds >= 60) {
    ctx.print(
      `note: ${estimate.note} Estimated ${estimate.seconds < 120 ? `${Math.ceil(estimate.seconds)} s` : `${Math.ceil(estimate.seconds / 60)} min`}.`
    )
  }
  const { model, evaluation, leaderboard } = await service.trainModel(id, params, {
    name: options.name,
    activate: options.activate,
    signal: ctx.signal,
    onProgress: (p) => ctx.progress(`${p.phase} ${p.total > 1 ? `${p.done}/${p.total}` : ''}`)
  })
  ctx.progressDone()
  const s = evaluation.seconds
  ctx.print(
    `Model ${model.id} "${model.name}"${model.active ? ' (active)' : ''}: trained in ${(s.preparing + s.smote + s.training + s.evaluating).toFixed(1)} s (SMOTE ${s.smote.toFixed(1)} s, fitting ${s.training.toFixed(1)} s)\n`
  )
  if (leaderboard) {
    ctx.print(
      'Leaderboard (cross-validated on the training rows only; the champion is the blend unless a candidate leads it by more than one standard error):'
    )
    ctx.print(
      textTable(
        ['', 'candidate', 'CV AUC', '± sd', 'folds', 'seconds', 'model'],
        leaderboard.map((e) => [
          e.champion ? 'champion' : '',
          e.label,
          e.cvAuc.toFixed(4),
          e.cvAucSd.toFixed(4),
          e.folds,
          e.seconds.toFixed(1),
          e.modelId === null ? '-' : `#${e.modelId}`
        ])
      ) + '\n'
    )
  }
  ctx.print(formatEvaluation(evaluation))
  ctx.printJson({
    modelId: model.id,
    datasetId: id,
    active: model.active,
    engine: model.engine,
    metrics: model.metrics,
    evaluation,
    ...(leaderboard ? { leaderboard } : {})
  })
  return model.id
}

async function showPrepared(
  ctx: CliContext,
  step: 'preprocess' | 'feature',
  o: TrainCliOptions & { out?: string }
): Promise<void> {
  const service = ctx.service()
  const id = service.resolveDatasetId(o.dataset)
  const params = toTrainParams(o)
  const { table, prepared, inTest } = service.preparedTable(id, params, step === 'feature')
  const names = prepared.features.map((f) => f.name)
  ctx.print(
    `Dataset ${id}: ${fmt(table.numRows, 0)} rows → ${fmt(prepared.split.train.length, 0)} training, ${fmt(prepared.split.test.length, 0)} test (stratified, seed ${params.seed}); statistics fitted on the training rows only.\n`
  )
  ctx.print(
    textTable(
      ['feature', 'kind', 'source', 'imputed with', 'scaling / encoding'],
      prepared.features.map((f) =>
        f.kind === 'numeric'
          ? [f.name, 'numeric', f.source, `median ${fmt(f.median)}`, `(x − ${fmt(f.mean)}) / ${fmt(f.std)}`]
          : [
              f.name,
              'categorical',
              f.source,
              `"${f.levels[f.fill]}"`,
              f.levels
                .slice(0, 6)
                .map((l, i) => `${i}=${l}`)
                .join(' ') + (f.levels.length > 6 ? ' ...' : '')
            ]
      )
    )
  )
  if (step === 'feature') {
    const e = prepared.engineering
    ctx.print(
      `\nEngineered: ${
        [
          e.loanToBalance
            ? `Loan_to_Balance_Ratio = ${e.loanToBalance.loan} / ${e.loanToBalance.balance} (zero or missing balance → missing, imputed)`
            : null,
          e.highCreditRisk ? `High_Credit_Risk = ${e.highCreditRisk.score} < ${e.highCreditRisk.cut}` : null,
          e.ageGroup ? `Age_Group from ${e.ageGroup.age} (${e.ageGroup.labels.join(', ')})` : null
        ]
          .filter(Boolean)
          .join('; ') || 'none (map columns with --map ROLE=column)'
      }`
    )
  }
  const head = Math.min(5, table.numRows)
  ctx.print(`\nFirst ${head} rows:`)
  ctx.print(
    textTable(
      ['split', ...names],
      Array.from({ length: head }, (_, r) => [
        inTest[r] ? 'test' : 'train',
        ...prepared.matrix.map((c) => c[r].toFixed(3))
      ])
    )
  )
  if (o.out) {
    const header = ['_line', '_split', ...names, table.targetName].map(neutraliseCell)
    await writeOutput(
      resolve(o.out),
      { protect: service.protectedPaths(), what: 'CSV file' },
      async (out) => {
        await out.write(stringify([header]))
        for (let start = 0; start < table.numRows; start += 5000) {
          if (ctx.signal?.aborted) throw new CancelledError()
          const rows = []
          for (let r = start; r < Math.min(table.numRows, start + 5000); r++) {
            rows.push([
              table.lines[r],
              inTest[r] ? 'test' : 'train',
              ...prepared.matrix.map((c) => c[r]),
              table.target[r]
            ])
          }
          await out.write(stringify(rows))
        }
      }
    )
    ctx.print(`\nWritten to ${resolve(o.out)}`)
  }
  ctx.printJson({
    datasetId: id,
    step,
    features: prepared.features,
    engineering: prepared.engineering,
    rows: { train: prepared.split.train.length, test: prepared.split.test.length },
    out: o.out ? resolve(o.out) : null
  })
}
