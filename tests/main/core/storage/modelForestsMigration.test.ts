import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'
import { useTempDir } from '../../../helpers/tempDir'

const APPLICANT = { Credit_Score: 610, Loan_Amount: 250000, Account_Balance: 40000, Interest_Rate: 9.5 }

describe('migration 11: each forest in its own table', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 1500, seed: 5 })

  it('moves a database of version 10 over, the model scoring exactly as before', () => {
    const file = template.copyTo(tmp.path('old.db'))
    const { modelId } = template.ids()
    const before = Workbench.open(file)
    const expected = before.scoreApplicant(APPLICANT, 'app')
    const bytes = before.db.prepare('SELECT forest FROM model_forests WHERE model_id = ?').get(modelId) as {
      forest: Buffer
    }
    before.close()

    // The layout of version 10: the forest inside the models row, no model_forests table.
    const old = new Database(file)
    old.prepare('UPDATE models SET forest = ? WHERE id = ?').run(bytes.forest, modelId)
    old.exec('DROP TABLE model_forests')
    old.pragma('user_version = 10')
    old.close()

    const after = Workbench.open(file)
    const moved = after.db.prepare('SELECT forest FROM model_forests WHERE model_id = ?').get(modelId) as {
      forest: Buffer
    }
    expect(moved.forest.equals(bytes.forest)).toBe(true)
    const left = after.db.prepare('SELECT length(forest) AS n FROM models WHERE id = ?').get(modelId) as {
      n: number
    }
    expect(left.n).toBe(0)
    const again = after.scoreApplicant(APPLICANT, 'app')
    expect(again.Default_Probability).toBe(expected.Default_Probability)
    expect(again.Contributions).toEqual(expected.Contributions)
    after.close()
  })

  it('deletes a model’s forest with the model', () => {
    const service = Workbench.open(template.copyTo(tmp.path('delete.db')))
    const { modelId } = template.ids()
    service.deleteModel(modelId)
    expect(service.db.prepare('SELECT COUNT(*) AS n FROM model_forests').get()).toEqual({ n: 0 })
    service.close()
  })
})
