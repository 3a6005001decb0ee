import { readFileSync, writeFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ThresholdEvaluation } from '../../src/shared/evaluation'
import { translator } from '../../src/shared/i18n'
import { documentedGrade, documentedGradeBands } from '../helpers/documentedGrades'
import { callApi } from './helpers/callApi'
import { openAppSession, type AppSession } from './helpers/appSession'

// Every number a screen shows is compared with what the service returns for the same input
// (called here through the bridge's API, as the page calls it), and decisions word for word:
// the AUC and the confusion counts at a slider position, one applicant's probability, grade and
// decision, a batch's counts and PSI. Formats are written out here, not taken from the renderer.

const percent = (fraction: number): string => `${(fraction * 100).toFixed(1)} %`
const count = (n: number): string => n.toLocaleString('en-IN')
/** The catalogue's English: the verdict words the screen must say, word for word. */
const en = translator('en')

/** "At 25.0 %: 31 of 65 defaulters caught (47.7 %); 60 of 535 good borrowers flagged (11.2 %)." */
function expectedWords(at: ThresholdEvaluation): string {
  const { tp, fn, fp, tn } = at.confusion
  return (
    `At ${percent(at.threshold)}: ${count(tp)} of ${count(tp + fn)} defaulters caught (${percent(tp / (tp + fn))}); ` +
    `${count(fp)} of ${count(fp + tn)} good borrowers flagged (${percent(fp / (fp + tn))}).`
  )
}

/**
 * A number as a screen shows it ("₹6,79,956", "41.08", "3.35 %") equals `value` to the digits
 * shown: within half a unit of its last decimal.
 */
function expectShown(shown: string, value: number, what: string): void {
  const digits = shown.replace(/[₹,%\s]/g, '')
  expect(digits, `${what}: "${shown}"`).toMatch(/^-?\d+(\.\d+)?$/)
  const decimals = digits.includes('.') ? digits.split('.')[1].length : 0
  expect(Math.abs(Number(digits) - value), `${what}: "${shown}" vs ${value}`).toBeLessThanOrEqual(
    0.5 * 10 ** -decimals + 1e-9
  )
}

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

/** The value shown beside a label in a fact list (the score result's "Probability of default", …). */
async function fact(page: Page, label: string): Promise<string> {
  const value = page
    .locator('.fact-list dt', { hasText: label })
    .first()
    .locator('xpath=following-sibling::dd[1]')
  return ((await value.textContent()) ?? '').trim()
}

describe('the numbers on screen are the numbers the service returns', () => {
  let s: AppSession
  let modelId = 0
  const bands = documentedGradeBands()

  beforeAll(async () => {
    s = await openAppSession()
    const dataset = await s.bridge.service.generateDataset({ rows: 3000, seed: 7 })
    const { model } = await s.bridge.service.trainModel(dataset.id, { trees: 30, maxDepth: 10, threads: 1 })
    modelId = model.id
    s.bridge.service.governance.activateAutomatically(modelId)
    await s.page.reload()
  })

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail')
      await s.screenshot(`failed-numbers-${context.task.name.replace(/\W+/g, '-')}.png`)
  })

  afterAll(async () => {
    await s?.close()
  })

  it('shows each column’s missing share, mean and five-number summary as the service profiled it', async () => {
    const { page, bridge } = s
    await page.goto(`${bridge.url}#/explore`)
    const table = page.getByTestId('summary-table')
    await expect.poll(() => table.isVisible(), { timeout: 60_000 }).toBe(true)
    const profile = await callApi(bridge, 'datasets/profile', { id: bridge.service.listDatasets()[0].id })
    const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim())
    const at = (label: string): number => headers.indexOf(label)
    let checked = 0
    for (const row of await table.locator('.el-table__body tr').all()) {
      const cells = (await row.locator('td').allTextContents()).map((c) => c.trim())
      const column = profile.columns.find((c) => c.name === cells[at('Column')])
      if (!column) throw new Error(`the summary shows a column the profile lacks: ${cells[at('Column')]}`)
      expectShown(cells[at('Missing')], (100 * column.missing) / profile.numRows, column.name)
      expect(cells[at('Distinct')], column.name).toBe(count(column.distinct))
      if (column.kind !== 'numeric') continue
      for (const [label, value] of [
        ['Mean', column.mean],
        ['Min', column.min],
        ['Q1', column.q1],
        ['Median', column.median],
        ['Q3', column.q3],
        ['Max', column.max]
      ] as const)
        expectShown(cells[at(label)], value, `${column.name} ${label}`)
      checked++
    }
    expect(checked).toBe(profile.columns.filter((c) => c.kind === 'numeric').length)
  })

  it('shows the AUC, Gini and KS of the model as the service evaluated it', async () => {
    const { page, bridge } = s
    await page.goto(`${bridge.url}#/models/${modelId}`)
    await expect.poll(() => text(page, 'model-title')).toContain(`#${modelId}`)
    const { evaluation } = await callApi(bridge, 'models/get', { id: modelId })
    const tiles = page.getByTestId('model-metrics').locator('.fact-tile')
    const shown = new Map<string, string>()
    for (const tile of await tiles.all())
      shown.set(
        ((await tile.locator('.fact-label').textContent()) ?? '').trim(),
        ((await tile.locator('.fact-value').textContent()) ?? '').trim()
      )
    expect(shown.get('AUC')).toBe(evaluation.metrics.auc.toFixed(3))
    expect(shown.get('Gini')).toBe(evaluation.metrics.gini.toFixed(3))
    expect(shown.get('KS')).toBe(evaluation.metrics.ks.ks.toFixed(3))
    expect(await text(page, 'evaluated-on')).toContain(
      `Evaluated on ${count(evaluation.metrics.numRows)} held-out rows never seen in training`
    )
  })

  it('shows the confusion counts and report the service computes at each slider position', async () => {
    const { page, bridge } = s
    const summary = (await callApi(bridge, 'models/get', { id: modelId })).summary
    const atModel = await callApi(bridge, 'models/evaluationAt', {
      id: modelId,
      threshold: summary.threshold
    })
    await expect.poll(() => text(page, 'threshold-words')).toBe(expectedWords(atModel))

    // A click on the track far from the model's threshold (a click on the slider's knob moves nothing).
    const target = Math.abs(summary.threshold - 0.25) > 0.1 ? 0.25 : 0.5
    const runway = page.locator('[data-testid="threshold-slider"] .el-slider__runway')
    const box = await runway.boundingBox()
    if (!box) throw new Error('The threshold slider is not on screen')
    await page.mouse.click(box.x + box.width * target, box.y + box.height / 2)
    await expect.poll(() => text(page, 'threshold-words')).toMatch(new RegExp(`^At ${percent(target)}`))
    const atTarget = await callApi(bridge, 'models/evaluationAt', { id: modelId, threshold: target })
    expect(await text(page, 'threshold-words')).toBe(expectedWords(atTarget))

    // The classification report: loans per class, and precision / recall of the defaulters.
    const rows = page.getByTestId('classification-report').locator('tbody tr')
    const cells = async (name: string): Promise<string[]> =>
      (await rows.filter({ hasText: name }).first().locator('td').allTextContents()).map((c) => c.trim())
    const { tn, fp, fn, tp } = atTarget.confusion
    expect(await cells('Defaulted (1)')).toEqual([
      (tp / (tp + fp)).toFixed(3),
      (tp / (tp + fn)).toFixed(3),
      ((2 * tp) / (2 * tp + fp + fn)).toFixed(3),
      count(tp + fn)
    ])
    expect(await cells('Repaid (0)')).toEqual([
      (tn / (tn + fn)).toFixed(3),
      (tn / (tn + fp)).toFixed(3),
      ((2 * tn) / (2 * tn + fp + fn)).toFixed(3),
      count(tn + fp)
    ])
    expect((await cells('Accuracy'))[2]).toBe(((tp + tn) / (tp + tn + fp + fn)).toFixed(3))

    await page.locator('[data-testid="threshold-slider"] .el-slider__button-wrapper').focus()
    await page.keyboard.press('ArrowRight')
    const step = target + 0.005
    await expect.poll(() => text(page, 'threshold-words')).toMatch(new RegExp(`^At ${percent(step)}`))
    const atStep = await callApi(bridge, 'models/evaluationAt', { id: modelId, threshold: step })
    expect(await text(page, 'threshold-words')).toBe(expectedWords(atStep))
  })

  it('shows each applicant’s probability, grade and decision exactly as the service scores them', async () => {
    const { page, bridge } = s
    await page.getByRole('link', { name: 'Score', exact: true }).click()
    const form = page.getByTestId('applicant-form')
    await expect.poll(() => form.locator('[data-field="Credit_Score"]').isVisible()).toBe(true)
    // The policy the model scores under (its defaults): a credit score below its cut refers the case.
    const { policy } = await callApi(bridge, 'models/governance', { id: modelId })
    const cut = policy.referrals.find((r) => r.kind === 'below' && r.field === 'Credit_Score')
    if (cut?.kind !== 'below') throw new Error('the default policy has no credit-score referral')
    const predictions = new Set<number>()
    const verdicts = new Set<string>()
    // Debt to income is typed in per cent (250 % = 2.5 times the yearly income).
    for (const applicant of [
      { Credit_Score: '340', Past_Delinquencies: '8', Debt_to_Income: '250' },
      { Credit_Score: '560', Past_Delinquencies: '9', Debt_to_Income: '280' },
      { Credit_Score: '880', Past_Delinquencies: '0', Debt_to_Income: '10' }
    ]) {
      await page.getByRole('button', { name: 'Fill typical values' }).click()
      for (const [field, value] of Object.entries(applicant))
        await form.locator(`#field-${field}`).fill(value)
      const before = (await page.getByTestId('score-result').count()) ? await fact(page, 'Audit record') : ''
      await page.getByTestId('score-one').click()
      await expect.poll(() => page.getByTestId('score-result').count(), { timeout: 20_000 }).toBe(1)
      await expect.poll(() => fact(page, 'Audit record'), { timeout: 20_000 }).not.toBe(before)
      expect(await fact(page, 'Audit record')).toMatch(/^#\d+$/)

      // The same input, scored by the service: the audit record holds what the form sent.
      const auditId = Number((await fact(page, 'Audit record')).slice(1))
      const record = await callApi(bridge, 'history/single', { id: auditId })
      if (record.kind !== 'single') throw new Error('expected a single score')
      const expected = await callApi(bridge, 'scoring/scoreOne', {
        input: record.inputs as Record<string, string | number | boolean | null>,
        modelId
      })
      const p = expected.Default_Probability
      expect(Math.abs(record.probability - p)).toBeLessThan(1e-6)

      expect(await fact(page, 'Probability of default')).toBe(percent(p))
      expect(await fact(page, 'Starting point (base rate)')).toBe(percent(expected.Base_Rate))
      expect(await fact(page, 'Decision threshold')).toBe(percent(expected.Threshold))
      // The verdict from the outside: referred below the policy's cut, else by the model's threshold.
      const verdict =
        Number(applicant.Credit_Score) < cut.value ? 'refer' : p >= expected.Threshold ? 'decline' : 'approve'
      expect(expected.Decision).toBe(verdict)
      expect(await text(page, 'decision')).toBe(en(`decision.verdict.${verdict}`))
      const grade = page.getByTestId('risk-grade')
      expect(((await grade.locator('.grade').textContent()) ?? '').trim()).toBe(expected.Risk_Grade)
      expect(((await grade.locator('.grade-label').textContent()) ?? '').trim()).toBe(
        `Risk of default ${percent(p)} · risk grade ${expected.Risk_Grade} (${en(`decision.gradeLabel.${expected.Risk_Grade as 'A'}`)})`
      )
      // And from the outside: the README's bands and the model's threshold.
      expect(expected.Risk_Grade).toBe(documentedGrade(bands, p))
      expect(expected.Default_Prediction).toBe(p >= expected.Threshold ? 1 : 0)
      const reasons = await page.getByTestId('reasons').locator('li').allTextContents()
      expect(reasons.map((r) => r.replace(/^[▲▼]/, '').trim())).toEqual(expected.Reasons.map((r) => r.text))
      predictions.add(expected.Default_Prediction)
      verdicts.add(verdict)
    }
    // The applicants were chosen to land on either side of the threshold, and to get each verdict.
    expect([...predictions].sort()).toEqual([0, 1])
    expect([...verdicts].sort()).toEqual(['approve', 'decline', 'refer'])
  })

  it('shows a batch’s counts and the PSI of each column as the service recorded them', async () => {
    const { page, bridge } = s
    const exported = s.temp('loans.csv')
    await bridge.service.exportDataset(bridge.service.listDatasets()[0].id, exported)
    // A shifted population: every score 80 points lower.
    const table = parse(readFileSync(exported, 'utf8'), { columns: true }) as Record<string, string>[]
    const names = Object.keys(table[0])
    const lines = table.map((row) =>
      names
        .map((n) => (n === 'Credit_Score' && row[n] !== '' ? String(Number(row[n]) - 80) : row[n]))
        .join(',')
    )
    lines.splice(7, 0, 'CUST9999999,41,North')
    const input = s.temp('shifted.csv')
    writeFileSync(input, [names.join(','), ...lines].join('\n') + '\n')
    const output = s.temp('shifted-scored.csv')
    // The rows the model's policy refuses, counted here from the shifted rows: a required field
    // empty, or a value beyond a hard limit (a score pushed below 300 is not a bureau score).
    const { policy } = await callApi(bridge, 'models/governance', { id: modelId })
    const refused = lines.filter((line) => {
      const cells = line.split(',')
      if (cells.length !== names.length) return false
      const cell = (f: string): string => cells[names.indexOf(f)]
      return (
        policy.required.some((f) => cell(f) === '') ||
        policy.limits.some(
          (l) =>
            names.includes(l.field) &&
            cell(l.field) !== '' &&
            ((l.min !== null && Number(cell(l.field)) < l.min) ||
              (l.max !== null && Number(cell(l.field)) > l.max))
        )
      )
    }).length
    expect(refused).toBeGreaterThan(0)

    await page.getByRole('tab', { name: 'Batch file' }).click()
    bridge.dialogs.queueOpen(input)
    await page.getByTestId('pick-batch-file').click()
    await expect.poll(() => page.getByTestId('start-batch').isDisabled(), { timeout: 20_000 }).toBe(false)
    bridge.dialogs.queueSave(output)
    await page.getByTestId('start-batch').click()
    await expect.poll(() => page.getByTestId('batch-summary').isVisible(), { timeout: 120_000 }).toBe(true)

    const [entry] = await callApi(bridge, 'history/list', { kind: 'batch' })
    const batch = await callApi(bridge, 'scoring/batch', { id: entry.id })
    // The output file, counted here: rows in = scored + in error.
    const scored = parse(readFileSync(output, 'utf8'), { columns: true }) as Record<string, string>[]
    expect(batch.rowsIn).toBe(table.length + 1)
    expect(batch.rowsScored).toBe(scored.length)
    expect(batch.rowsError).toBe(1 + refused)
    expect(batch.predictedDefaults).toBe(scored.filter((r) => r.Default_Prediction === '1').length)

    expect(await text(page, 'rows-in')).toBe(count(batch.rowsIn))
    expect(await text(page, 'rows-scored')).toBe(count(batch.rowsScored))
    expect(await text(page, 'rows-error')).toBe(count(batch.rowsError))
    const predictedTile = page
      .getByTestId('batch-summary')
      .locator('.fact-tile', { hasText: 'predicted to default' })
      .first()
    expect(((await predictedTile.locator('.fact-value').textContent()) ?? '').trim()).toBe(
      count(batch.predictedDefaults)
    )
    expect(((await predictedTile.locator('.fact-label').textContent()) ?? '').trim()).toBe(
      `predicted to default (${percent(batch.predictedDefaults / batch.rowsScored)})`
    )

    const psiRows = page.getByTestId('psi-table').locator('.el-table__body tr')
    const shown = new Map<string, { status: string; psi: number }>()
    for (const row of await psiRows.all()) {
      const [status, column, psi] = (await row.locator('td').allTextContents()).map((c) => c.trim())
      shown.set(column, { status, psi: Number(psi) })
    }
    expect([...shown.keys()].sort()).toEqual(batch.psi.map((d) => d.column).sort())
    const WORDS = { stable: 'Stable', shift: 'Shift', 'major shift': 'Major shift' } as const
    for (const d of batch.psi) {
      expect(Math.abs(shown.get(d.column)!.psi - d.psi), d.column).toBeLessThanOrEqual(0.0005)
      expect(shown.get(d.column)!.status, d.column).toBe(WORDS[d.status])
    }
    expect(shown.get('Credit_Score')!.status).toBe('Major shift')
  })
})
