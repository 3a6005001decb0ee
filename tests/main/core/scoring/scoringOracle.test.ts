import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import type { FlatTree } from '../../../../src/main/core/model/FlatTree'
import type { LoadedModel } from '../../../../src/main/core/scoring/loadModel'
import { parseApplicants } from '../../../../src/main/core/scoring/parseApplicants'
import { withEngineered } from '../../../../src/main/core/ml/featureEngineering'
import { buildFeatureMatrix } from '../../../../src/main/core/ml/preprocess'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'
import { documentedGrade, documentedGradeBands } from '../../../helpers/documentedGrades'
import { useTempDir } from '../../../helpers/tempDir'

// Scores checked from the outside: grades against the README's bands, decisions against the
// model's threshold, Base_Rate as the README defines it, batch reasons against a path
// attribution walked here over the model's own trees, and PSI computed here from the
// training shares the model stores and the batch file's values.

const FIXTURE = join(__dirname, '../../../fixtures/oracle/loans-600.csv')
const bands = documentedGradeBands()

/** The fixture's rows as header → cell text, read with a plain split (it holds no quotes). */
function fixtureRows(): Record<string, string>[] {
  const [header, ...lines] = readFileSync(FIXTURE, 'utf8').trim().split('\n')
  const names = header.split(',')
  return lines.map((l) => Object.fromEntries(l.split(',').map((cell, j) => [names[j], cell])))
}

/** Whether a probability lies so near a grade boundary or the threshold that 6-decimal rounding could flip it. */
function nearEdge(p: number, threshold: number): boolean {
  return [...bands.map((b) => b.lower), threshold].some((edge) => Math.abs(p - edge) < 1e-6)
}

/** np.interp over the isotonic knots (flat beyond the ends): the README's calibration, done here. */
function interp(xs: number[], ys: number[], v: number): number {
  if (v <= xs[0]) return ys[0]
  if (v >= xs[xs.length - 1]) return ys[ys.length - 1]
  let k = 0
  while (xs[k + 1] < v) k++
  return ys[k] + ((v - xs[k]) * (ys[k + 1] - ys[k])) / (xs[k + 1] - xs[k])
}

/** Per-tree path attribution (Saabas): each split credits its feature with the change of the node value. */
function pathAttribution(trees: FlatTree[], x: number[], numFeatures: number): number[] {
  const phi = new Array<number>(numFeatures).fill(0)
  for (const t of trees) {
    let node = 0
    while (t.feature[node] >= 0) {
      const v = x[t.feature[node]]
      const child = Number.isNaN(v)
        ? t.missingLeft[node]
          ? t.left[node]
          : t.right[node]
        : v <= t.threshold[node]
          ? t.left[node]
          : t.right[node]
      phi[t.feature[node]] += (t.value[child] - t.value[node]) / trees.length
      node = child
    }
  }
  return phi
}

/** The model features of the rows, prepared as the model prepares them. */
function featureRows(model: LoadedModel, rows: Record<string, string>[]): number[][] {
  const parsed = parseApplicants(model.artifact, rows.length, (field, r) => rows[r][field.name] ?? '', false)
  const featured = withEngineered(parsed.raw, model.artifact.engineering)
  const { columns } = buildFeatureMatrix(model.artifact.features, featured)
  return rows.map((_, r) => columns.map((c) => c[r]))
}

describe('scores checked against independent oracles', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 1500, seed: 21 })

  it('grades, decides and explains single applicants as documented; Base_Rate is the calibrated average output', () => {
    const service = Workbench.open(template.copyTo(tmp.path('w.db')))
    try {
      const model = service.scoringModel()
      const { artifact } = model
      if (artifact.calibration.kind !== 'isotonic')
        throw new Error('the default model calibrates isotonically')
      // README: Base_Rate is the calibrated output of the model's average training row (the mean of
      // the trees' root values, each the positive share of its bootstrap sample).
      const trees = model.ensemble.trees
      const meanOutput = trees.reduce((s, t) => s + t.value[0], 0) / trees.length
      const calibratedBase = interp(artifact.calibration.x, artifact.calibration.y, meanOutput)
      const inputs = new Set(artifact.inputs.map((f) => f.name))
      let baseChecked = 0
      for (const row of fixtureRows().slice(0, 40)) {
        const applicant: Record<string, unknown> = {}
        for (const [name, cell] of Object.entries(row)) {
          if (!inputs.has(name) || cell === '') continue
          applicant[name] = Number.isNaN(Number(cell)) ? cell : Number(cell)
        }
        const s = service.scoreApplicant(applicant, 'app')
        const p = s.Default_Probability
        if (!nearEdge(p, s.Threshold)) {
          expect(s.Risk_Grade, `p = ${p}`).toBe(documentedGrade(bands, p))
          expect(s.Default_Prediction, `p = ${p}`).toBe(p >= s.Threshold ? 1 : 0)
        }
        expect(s.Risk_Label).toBe(artifact.riskGrades.find((g) => g.grade === s.Risk_Grade)?.label)
        expect(s.Threshold).toBe(artifact.threshold)
        // Base_Rate + Σ contributions = Default_Probability (each rounded to 6 decimals).
        const total = s.Contributions.reduce((a, c) => a + c.contribution, s.Base_Rate)
        expect(Math.abs(total - p)).toBeLessThan(5e-7 * (s.Contributions.length + 2))
        if (Math.abs(p - calibratedBase) > 1e-6) {
          expect(s.Base_Rate).toBeCloseTo(calibratedBase, 6)
          baseChecked++
        }
        // Reasons: the three largest raising contributions, largest first, then the three largest lowering.
        const raising = s.Contributions.filter((c) => c.contribution > 0).sort(
          (a, b) => b.contribution - a.contribution
        )
        const lowering = s.Contributions.filter((c) => c.contribution < 0).sort(
          (a, b) => a.contribution - b.contribution
        )
        expect(s.Reasons.map((r) => r.feature)).toEqual(
          [...raising.slice(0, 3), ...lowering.slice(0, 3)].map((c) => c.feature)
        )
        for (const r of s.Reasons) expect(r.direction).toBe(r.contribution > 0 ? 'raises' : 'lowers')
      }
      expect(baseChecked).toBeGreaterThan(30)
    } finally {
      service.close()
    }
  })

  it('writes batch grades, decisions and the three largest raising path reasons in order, and counts them', async () => {
    const service = Workbench.open(template.copyTo(tmp.path('w.db')))
    try {
      const rows = fixtureRows()
      const out = tmp.path('scored.csv')
      const summary = await service.scoreFile(FIXTURE, out)
      const scored = parse(readFileSync(out, 'utf8'), { columns: true }) as Record<string, string>[]
      expect(summary.rowsIn).toBe(rows.length)
      expect(summary.rowsScored + summary.rowsError).toBe(rows.length)
      expect(scored).toHaveLength(summary.rowsScored)

      const model = service.scoringModel()
      const x = featureRows(model, rows)
      const names = model.artifact.features.map((f) => f.name)
      const grades: Record<string, number> = {}
      let predicted = 0
      let withThree = 0
      scored.forEach((row, r) => {
        const p = Number(row.Default_Probability)
        if (!nearEdge(p, model.artifact.threshold)) {
          expect(row.Risk_Grade, `row ${r}: p = ${p}`).toBe(documentedGrade(bands, p))
          expect(Number(row.Default_Prediction), `row ${r}`).toBe(p >= model.artifact.threshold ? 1 : 0)
        }
        grades[row.Risk_Grade] = (grades[row.Risk_Grade] ?? 0) + 1
        predicted += Number(row.Default_Prediction)

        const phi = pathAttribution(model.ensemble.trees, x[r], names.length)
        const expected = phi
          .map((v, f) => ({ f, v }))
          .filter((e) => e.v > 0)
          .sort((a, b) => b.v - a.v)
          .slice(0, 3)
        const reasons = [row.Reason_1, row.Reason_2, row.Reason_3].filter((t) => t !== '')
        expect(
          reasons.map((t) => /^(.*?)(?: = | \(missing\))/.exec(t)?.[1]),
          `row ${r}`
        ).toEqual(expected.map((e) => names[e.f]))
        for (const t of reasons) expect(t).toMatch(/ raised the default risk by /)
        // The points shown fall as the reasons go down.
        const points = reasons.map((t) => Number(/by ([\d.]+) points$/.exec(t)?.[1] ?? 0))
        for (let k = 1; k < points.length; k++) expect(points[k]).toBeLessThanOrEqual(points[k - 1])
        if (reasons.length === 3) withThree++
      })
      expect(withThree).toBeGreaterThan(scored.length / 2)
      expect(summary.grades).toEqual(grades)
      expect(summary.predictedDefaults).toBe(predicted)
    } finally {
      service.close()
    }
  })

  it('records the PSI of each column as Σ (a − e)·ln(a / e) over the training bins, computed here', async () => {
    const service = Workbench.open(template.copyTo(tmp.path('w.db')))
    try {
      // A shifted batch: scores 80 points lower, every applicant from the North region.
      const rows: Record<string, string>[] = fixtureRows().map((row) => ({
        ...row,
        Credit_Score: row.Credit_Score === '' ? '' : String(Number(row.Credit_Score) - 80),
        Region: 'North'
      }))
      const names = Object.keys(rows[0])
      const input = tmp.path('shifted.csv')
      writeFileSync(
        input,
        [names.join(','), ...rows.map((r) => names.map((n) => r[n]).join(','))].join('\n') + '\n'
      )
      const summary = await service.scoreFile(input, tmp.path('scored.csv'))
      const { artifact } = service.scoringModel()
      expect(summary.psi.map((d) => d.column)).toEqual(artifact.drift.map((d) => d.name))
      for (const bins of artifact.drift) {
        const cells = rows.map((r) => r[bins.name] ?? '')
        let expectedShares: number[]
        let actual: number[]
        if (bins.kind === 'numeric') {
          // Bins (−∞, e₀], (e₀, e₁], …, (e_last, ∞), then missing.
          actual = new Array<number>(bins.edges.length + 2).fill(0)
          for (const c of cells) {
            if (c === '') actual[bins.edges.length + 1]++
            else actual[bins.edges.filter((e) => Number(c) > e).length]++
          }
          expectedShares = [...bins.shares, bins.missingShare]
        } else {
          actual = new Array<number>(bins.levels.length + 2).fill(0)
          for (const c of cells) {
            if (c === '') actual[bins.levels.length + 1]++
            else actual[bins.levels.includes(c) ? bins.levels.indexOf(c) : bins.levels.length]++
          }
          expectedShares = [...bins.shares, bins.otherShare, bins.missingShare]
        }
        let psi = 0
        expectedShares.forEach((e, b) => {
          if (e === 0 && actual[b] === 0) return
          const a = Math.max(actual[b] / rows.length, 1e-4)
          const ef = Math.max(e, 1e-4)
          psi += (a - ef) * Math.log(a / ef)
        })
        const recorded = summary.psi.find((d) => d.column === bins.name)!
        expect(recorded.psi, bins.name).toBeCloseTo(psi, 9)
        expect(recorded.status).toBe(psi < 0.1 ? 'stable' : psi < 0.25 ? 'shift' : 'major shift')
      }
      expect(summary.psi.find((d) => d.column === 'Credit_Score')!.status).toBe('major shift')
      expect(summary.psi.find((d) => d.column === 'Region')!.status).toBe('major shift')
    } finally {
      service.close()
    }
  })
})
