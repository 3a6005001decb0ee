import { describe, expect, it } from 'vitest'
import { fitLogisticL2, predictLogistic } from '../../../../../src/main/core/ml/scorecard/logisticRegression'

// 24 rows, two columns, labels mixed (not separable). The oracle is scikit-learn 1.2:
//   LogisticRegression(C=1/l2, tol=1e-14, max_iter=100000, solver='lbfgs').fit(X, y)
// whose solvers agree with each other to ~1e-6 (lbfgs and newton-cg differ there).
const x1 = [
  -1.2, 0.4, 2.1, -0.3, 0.9, -2.0, 1.5, 0.0, -0.7, 1.1, 0.3, -1.6, 2.4, -0.1, 0.6, -0.9, 1.8, -2.3, 0.2, 1.3,
  -0.5, 0.8, -1.1, 1.7
]
const x2 = [
  0.5, -1.0, 0.3, 1.2, -0.4, 0.8, -1.5, 0.1, 2.0, -0.2, 0.7, -0.6, 1.1, -1.3, 0.0, 0.9, -0.8, 1.6, -0.1, 0.4,
  -2.1, 1.0, 0.2, -0.3
]
const y = Uint8Array.from([0, 0, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1])
const columns = [Float64Array.from(x1), Float64Array.from(x2)]

describe('fitLogisticL2', () => {
  it("matches scikit-learn's L2 logistic regression at C = 1", () => {
    const fit = fitLogisticL2(columns, y, 1)
    expect(fit.intercept).toBeCloseTo(-0.20595089012291345, 5)
    expect(fit.coefficients[0]).toBeCloseTo(1.0269577042779638, 5)
    expect(fit.coefficients[1]).toBeCloseTo(-0.32218374435241315, 5)
    const p = predictLogistic(fit, columns)
    expect(p[0]).toBeCloseTo(0.16806648409917005, 5)
    expect(p[2]).toBeCloseTo(0.8645968654680216, 5)
  })

  it("matches scikit-learn's at C = 10 (a lighter penalty)", () => {
    const fit = fitLogisticL2(columns, y, 0.1)
    expect(fit.intercept).toBeCloseTo(-0.26835372855909145, 5)
    expect(fit.coefficients[0]).toBeCloseTo(1.2527195361410464, 5)
    expect(fit.coefficients[1]).toBeCloseTo(-0.38504149604512167, 5)
  })

  it('stops where the penalised gradient vanishes, to machine precision', () => {
    const l2 = 1
    const fit = fitLogisticL2(columns, y, l2)
    const p = predictLogistic(fit, columns)
    // ∂/∂intercept = Σ (y − p); ∂/∂β_j = Σ (y − p) x_j − l2 β_j.
    let g0 = 0
    const g = [0, 0]
    for (let i = 0; i < y.length; i++) {
      g0 += y[i] - p[i]
      g[0] += (y[i] - p[i]) * x1[i]
      g[1] += (y[i] - p[i]) * x2[i]
    }
    expect(Math.abs(g0)).toBeLessThan(1e-10)
    expect(Math.abs(g[0] - l2 * fit.coefficients[0])).toBeLessThan(1e-10)
    expect(Math.abs(g[1] - l2 * fit.coefficients[1])).toBeLessThan(1e-10)
    expect(fit.iterations).toBeLessThan(20)
  })

  it('stays finite on separable data thanks to the penalty', () => {
    const sep = [Float64Array.from([-3, -2, -1, 1, 2, 3])]
    const fit = fitLogisticL2(sep, Uint8Array.from([0, 0, 0, 1, 1, 1]), 1)
    expect(Number.isFinite(fit.coefficients[0])).toBe(true)
    expect(fit.coefficients[0]).toBeGreaterThan(0)
  })

  it('refuses labels of one class', () => {
    expect(() => fitLogisticL2(columns, new Uint8Array(24), 1)).toThrow(/both outcomes/)
  })
})
