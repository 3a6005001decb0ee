import { CholeskyDecomposition, Matrix } from 'ml-matrix'

/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS): it minimises
 *
 *   Σ_i log(1 + e^(−s_i · m_i)) + (l2 / 2) · Σ_j β_j²,   m_i = intercept + Σ_j β_j x_ij,
 *
 * with s_i = ±1 the label and the intercept not penalised — scikit-learn's
 * LogisticRegression(C = 1 / l2) objective. A scorecard has a few dozen columns at most, so
 * each step solves the (p + 1)² Newton system exactly (ml-matrix's Cholesky); the loss is
 * strictly convex for l2 > 0 and a step is halved until it lowers the loss, so the fit
 * converges to the one optimum, to machine precision, in a handful of steps. npm's
 * logistic-regression packages fit by gradient descent with a learning rate, which stops
 * short of the optimum; this is why it is written here.
 */

export interface LogisticFit {
  intercept: number
  coefficients: Float64Array
  /** Newton steps taken. */
  iterations: number
}

const MAX_ITERATIONS = 100

/** Fits P(label = 1) = σ(intercept + Σ β_j x_j) on the columns. */
export function fitLogisticL2(columns: Float64Array[], label: Uint8Array, l2: number): LogisticFit {
  const n = label.length
  const p = columns.length
  let positives = 0
  for (let i = 0; i < n; i++) positives += label[i]
  if (positives === 0 || positives === n) {
    throw new Error(`logistic regression needs both outcomes; got ${positives} of ${n} rows labelled 1`)
  }
  // beta[0] is the intercept; beta[1 + j] the coefficient of column j.
  let beta = new Float64Array(p + 1)
  beta[0] = Math.log(positives / (n - positives))
  let loss = objective(columns, label, l2, beta)
  const margin = new Float64Array(n)
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    margins(columns, beta, margin)
    const gradient = new Float64Array(p + 1)
    const d = p + 1
    const h = new Float64Array(d * d)
    const row = new Float64Array(d)
    row[0] = 1
    for (let i = 0; i < n; i++) {
      const mu = sigmoid(margin[i])
      const residual = label[i] - mu
      const w = mu * (1 - mu)
      for (let j = 0; j < p; j++) row[j + 1] = columns[j][i]
      for (let a = 0; a <= p; a++) {
        gradient[a] += residual * row[a]
        const wa = w * row[a]
        for (let b = 0; b <= a; b++) h[a * d + b] += wa * row[b]
      }
    }
    for (let a = 1; a <= p; a++) {
      gradient[a] -= l2 * beta[a]
      h[a * d + a] += l2
    }
    const hessian = new Matrix(
      Array.from({ length: d }, (_, a) =>
        Array.from({ length: d }, (_, b) => (b <= a ? h[a * d + b] : h[b * d + a]))
      )
    )
    const step = new CholeskyDecomposition(hessian).solve(Matrix.columnVector(Array.from(gradient)))
    // Halve the step until the loss does not rise (it is a descent direction).
    let scale = 1
    let next = beta
    let nextLoss = loss
    for (let halvings = 0; halvings < 40; halvings++) {
      next = beta.map((b, a) => b + scale * step.get(a, 0))
      nextLoss = objective(columns, label, l2, next)
      if (nextLoss <= loss) break
      scale /= 2
    }
    let change = 0
    for (let a = 0; a <= p; a++)
      change = Math.max(change, Math.abs(next[a] - beta[a]) / (1 + Math.abs(beta[a])))
    beta = next
    const improved = loss - nextLoss
    loss = nextLoss
    if (change < 1e-13 || improved <= 1e-15 * Math.max(1, Math.abs(loss))) {
      return { intercept: beta[0], coefficients: beta.slice(1), iterations: iteration }
    }
  }
  return { intercept: beta[0], coefficients: beta.slice(1), iterations: MAX_ITERATIONS }
}

/** P(label = 1) of each row under a fit. */
export function predictLogistic(
  fit: Pick<LogisticFit, 'intercept' | 'coefficients'>,
  columns: Float64Array[]
): Float64Array {
  const out = new Float64Array(columns[0]?.length ?? 0)
  margins(columns, Float64Array.of(fit.intercept, ...fit.coefficients), out)
  for (let i = 0; i < out.length; i++) out[i] = sigmoid(out[i])
  return out
}

function margins(columns: Float64Array[], beta: Float64Array, out: Float64Array): void {
  out.fill(beta[0])
  for (let j = 0; j < columns.length; j++) {
    const c = columns[j]
    const b = beta[j + 1]
    for (let i = 0; i < out.length; i++) out[i] += b * c[i]
  }
}

/** The penalised negative log-likelihood at beta. */
function objective(columns: Float64Array[], label: Uint8Array, l2: number, beta: Float64Array): number {
  const m = new Float64Array(label.length)
  margins(columns, beta, m)
  let loss = 0
  for (let i = 0; i < m.length; i++) loss += softplus(label[i] ? -m[i] : m[i])
  let penalty = 0
  for (let a = 1; a < beta.length; a++) penalty += beta[a] * beta[a]
  return loss + (l2 / 2) * penalty
}

function sigmoid(m: number): number {
  return m >= 0 ? 1 / (1 + Math.exp(-m)) : Math.exp(m) / (1 + Math.exp(m))
}

/** log(1 + e^x) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))
}
