import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ModelSummary } from '../../../../src/shared/dto'
import type { ModelEvaluation } from '../../../../src/shared/evaluation'
import { pdfText, writeEvaluationReport } from '../../../../src/main/core/reports/evaluationReport'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { flat, pageCount, pdfPages } from './pdfPages'

describe('writeEvaluationReport', () => {
  let dir = ''
  let service: Workbench
  let model: ModelSummary
  let evaluation: ModelEvaluation

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ptm-report-'))
    service = Workbench.open(join(dir, 'report.db'))
    const dataset = await service.generateDataset({ rows: 2000, seed: 1 })
    ;({ model, evaluation } = await service.trainModel(dataset.id, {
      trees: 10,
      maxDepth: 6,
      threads: 1,
      smote: true
    }))
  })
  afterAll(() => {
    service.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes a multi-page A4 report with the model, its parameters, what it was evaluated on and the honest-evaluation note', async () => {
    const file = join(dir, 'report.pdf')
    await service.writeEvaluationReport(model.id, file)

    const bytes = readFileSync(file)
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const pages = pdfPages(file)
    expect(pageCount(file)).toBe(pages.length)
    expect(pages.length).toBeGreaterThanOrEqual(3)
    expect(bytes.toString('latin1').match(/\/MediaBox \[0 0 595.28 841.89\]/g)?.length).toBe(pages.length)
    const text = flat(pages.flat())
    expect(text).toContain('Loan default model — evaluation report')
    expect(text).toContain(pdfText(`Model #${model.id}: ${model.name}`))
    expect(text).toContain(model.datasetName)
    expect(text).toContain('on, k = 5 (training rows only)')
    const m = evaluation.metrics
    expect(text).toContain(`${m.numRows.toLocaleString('en-IN')} held-out test rows`)
    expect(text).toContain(`default rate ${(m.positiveRate * 100).toFixed(1)} %`)
    expect(text).toContain('97 % / 99 % accuracy measured memory, not prediction')
  })

  it('states the headline metrics, the confusion matrix and the classification report at the model threshold', async () => {
    const file = join(dir, 'metrics.pdf')
    await service.writeEvaluationReport(model.id, file)
    const lines = pdfPages(file).flat()
    const m = evaluation.metrics
    const row = (name: string, value: string): void => {
      const i = lines.indexOf(name)
      expect(i, name).toBeGreaterThanOrEqual(0)
      expect(lines[i + 1]).toBe(value)
    }
    row('ROC AUC', m.auc.toFixed(3))
    row('Gini', m.gini.toFixed(3))
    row('KS statistic', `${m.ks.ks.toFixed(3)} at ${(m.ks.threshold * 100).toFixed(1)} %`)
    row('Average precision', m.averagePrecision.toFixed(3))
    row('Brier score', m.brier.toFixed(4))
    row('Log loss', m.logLoss.toFixed(4))
    row('Accuracy at threshold', `${(m.accuracy * 100).toFixed(1)} %`)
    const text = flat(lines)
    expect(text).toContain(`at the ${(m.threshold * 100).toFixed(1)} % threshold`)
    for (const count of [m.confusion.tn, m.confusion.fp, m.confusion.fn, m.confusion.tp])
      expect(lines).toContain(count.toLocaleString('en-IN'))
    const { class1 } = m.report
    expect(text).toContain(
      `Default (1) ${class1.precision.toFixed(3)} ${class1.recall.toFixed(3)} ${class1.f1.toFixed(3)} ${class1.support}`
    )
  })

  it('draws every chart as vectors, with a title each, and no image', async () => {
    const file = join(dir, 'charts.pdf')
    await service.writeEvaluationReport(model.id, file)
    const text = flat(pdfPages(file).flat())
    const m = evaluation.metrics
    for (const title of [
      `ROC curve (AUC ${m.auc.toFixed(3)})`,
      `Precision-recall curve (AP ${m.averagePrecision.toFixed(3)})`,
      `KS plot (KS ${m.ks.ks.toFixed(3)}`,
      'Calibration (10 equal-width bins)',
      'Predicted probability by true class',
      'Impurity importance',
      'Permutation importance'
    ])
      expect(text).toContain(title)
    expect(text).toContain(evaluation.impurityImportance[0].feature)
    expect(readFileSync(file).toString('latin1')).not.toContain('/Subtype /Image')
  })

  it('puts the page number and the generation time in the footer of every page', async () => {
    const file = join(dir, 'footer.pdf')
    await writeEvaluationReport({ model, evaluation, generatedAt: '2026-03-31T06:30:00.000Z' }, file)
    const pages = pdfPages(file)
    pages.forEach((lines, i) => {
      expect(lines).toContain(`Page ${i + 1} of ${pages.length}`)
      // 06:30 UTC is noon in India, where the report is filed.
      expect(flat(lines)).toContain('Generated 31 Mar 2026, 12:00 IST')
    })
  })

  it('shows the notes recorded at training and an evaluation on out-of-sample training rows for what it is', async () => {
    for (const [evaluatedOn, how] of [
      ['oob', 'each row was scored only by the trees that did not see it'],
      ['cross-fitted', 'each row was scored by a model fitted on the other 4 of 5 folds']
    ] as const) {
      const file = join(dir, `${evaluatedOn}.pdf`)
      const note = 'A note recorded at training.'
      await writeEvaluationReport(
        {
          model,
          evaluation: {
            ...evaluation,
            evaluatedOn,
            calibrationFit: {
              method: 'isotonic',
              scores: 'cross-fitted',
              folds: 5,
              rows: 1600,
              positives: 160
            },
            notes: [note]
          },
          generatedAt: new Date().toISOString()
        },
        file
      )
      const text = flat(pdfPages(file).flat())
      expect(text).toContain(note)
      expect(text).toContain('training rows scored out of sample')
      expect(text).toContain(how)
      expect(text).not.toContain('held-out test rows')
      // How the calibration was fitted, as the evaluation recorded it.
      expect(text).toContain('fitted on 1,600 training rows scored by 5 cross-fitted models')
    }
  })

  it('rejects a folder that does not exist with a message naming the file, and leaves nothing behind', async () => {
    const file = join(dir, 'no-such-folder', 'report.pdf')
    const error = await service.writeEvaluationReport(model.id, file).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'NOT_FOUND' })
    expect((error as Error).message).toContain(file)
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false)
  })

  // All or nothing: a failure while drawing keeps the earlier file and leaves no partial one.
  it('keeps an earlier report intact and leaves no partial file when drawing fails', async () => {
    const folder = mkdtempSync(join(dir, 'fail-'))
    const file = join(folder, 'report.pdf')
    writeFileSync(file, 'earlier report')
    const broken = {
      ...evaluation,
      metrics: { ...evaluation.metrics, roc: undefined }
    } as unknown as ModelEvaluation
    await expect(
      writeEvaluationReport({ model, evaluation: broken, generatedAt: new Date().toISOString() }, file)
    ).rejects.toThrow(TypeError)
    expect(readFileSync(file, 'utf8')).toBe('earlier report')
    expect(readdirSync(folder)).toEqual(['report.pdf'])
  })
})
