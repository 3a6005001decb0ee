import { statSync } from 'node:fs'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../../../src/main/core/base/errors'
import { checkScoringFile, matchColumns } from '../../../../src/main/core/scoring/scoreCsvFile'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import type { LoadedModel } from '../../../../src/main/core/scoring/loadModel'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'
import { useTempDir } from '../../../helpers/tempDir'

// The check a user sees before scoring a file: which model inputs the header has, which it
// lacks, and which other columns ride along unscored.

describe('checkScoringFile and matchColumns', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 1000, seed: 31 })

  let cache: LoadedModel | undefined
  const loadModel = (): LoadedModel => {
    if (!cache) {
      const service = Workbench.open(template.template())
      cache = service.models.load(template.ids().modelId)
      service.close()
    }
    return cache
  }
  /** The model's input columns, in the model's order. */
  const inputNames = (): string[] => loadModel().artifact.inputs.map((f) => f.name)

  /** A CSV with this header and one row of empty cells (the check reads the header only). */
  const csv = (name: string, header: string[]): string =>
    tmp.write(name, stringify([header, header.map(() => '')]))

  it('finds every model input in a file with them all, and lists the other columns as extra', async () => {
    const names = inputNames()
    const header = ['Customer_ID', ...names, 'Branch_Note']
    const path = csv('applicants.csv', header)
    const check = await checkScoringFile(loadModel(), path)
    expect(check).toEqual({
      fileName: 'applicants.csv',
      columns: header,
      matched: names,
      missing: [],
      extra: ['Customer_ID', 'Branch_Note'],
      sizeBytes: statSync(path).size
    })
  })

  it('reports the model inputs a file lacks in missing, by the model’s names, and still matches the rest', async () => {
    const names = inputNames()
    const absent = new Set(['Credit_Score', 'Region'])
    expect(names.filter((n) => absent.has(n))).toHaveLength(2)
    const header = [...names.filter((n) => !absent.has(n)), 'Phone']
    const check = await checkScoringFile(loadModel(), csv('short.csv', header))
    expect(check.missing).toEqual(names.filter((n) => absent.has(n)))
    expect(check.matched).toEqual(names.filter((n) => !absent.has(n)))
    expect(check.extra).toEqual(['Phone'])
  })

  it('matches names whatever their case, spaces, hyphens and underscores, reporting the model’s names', async () => {
    const names = inputNames()
    const renamed: Record<string, string> = {
      Credit_Score: 'credit score',
      Loan_Amount: 'LOAN-AMOUNT',
      Annual_Income: 'Annual Income',
      Past_Delinquencies: 'past_delinquencies'
    }
    const header = names.map((n) => renamed[n] ?? n)
    const check = await checkScoringFile(loadModel(), csv('renamed.csv', header))
    expect(check.missing).toEqual([])
    expect(check.matched).toEqual(names)
    expect(check.extra).toEqual([])
    expect(check.columns).toEqual(header)
  })

  it('prefers the column of exactly the model’s name; a look-alike column is extra', async () => {
    const names = inputNames()
    const header = ['credit score', ...names]
    const check = await checkScoringFile(loadModel(), csv('both.csv', header))
    expect(check.matched).toEqual(names)
    expect(check.extra).toEqual(['credit score'])
  })

  it('matchColumns gives the column index of every model input, exact or alike', () => {
    const names = inputNames()
    const header = ['Customer_ID', ...names.map((n) => (n === 'Credit_Score' ? 'CREDIT SCORE' : n))]
    const index = matchColumns('applicants.csv', header, loadModel().artifact.inputs)
    // Customer_ID is column 0, so the model's k-th input stands at k + 1.
    expect(Object.fromEntries(index)).toEqual(Object.fromEntries(names.map((n, k) => [n, k + 1])))
  })

  it('matchColumns throws an InputError naming the file and every missing column, with what to do', () => {
    const inputs = loadModel().artifact.inputs
    const header = inputNames().filter((n) => n !== 'Credit_Score' && n !== 'Region')
    let thrown: unknown
    try {
      matchColumns('short.csv', header, inputs)
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(InputError)
    const error = thrown as InputError
    expect(error.message).toBe(
      'short.csv: the model needs the columns "Credit_Score", "Region", which the file does not have. Add them (empty cells are allowed) or choose the right file.'
    )
    expect(error.details).toEqual({ missing: ['Credit_Score', 'Region'] })
  })

  it('matchColumns names a single missing column in the singular', () => {
    const header = inputNames().filter((n) => n !== 'Region')
    expect(() => matchColumns('short.csv', header, loadModel().artifact.inputs)).toThrow(
      'short.csv: the model needs the column "Region", which the file does not have. Add it (empty cells are allowed) or choose the right file.'
    )
  })
})
