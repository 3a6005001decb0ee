import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { importCsv } from '../../../../src/main/core/storage/importCsv'
import { DatasetRepo } from '../../../../src/main/core/storage/DatasetRepo'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { trainingDataSha256 } from '../../../../src/main/core/storage/trainingDataHash'
import { useTempDir } from '../../../helpers/tempDir'

describe('trainingDataSha256', () => {
  const tmp = useTempDir()

  it('is the SHA-256 its comment documents: the columns as JSON, then each row as a JSON array', async () => {
    const db = openDatabase(tmp.path('w.db'))
    try {
      const file = tmp.write('loans.csv', 'Age,Region,Default\n30,North,0\n,South,1\n52,,0\n')
      const { dataset } = await importCsv(db, { path: file, target: 'Default' })
      // Recomputed here from the file, as anyone holding the data could.
      const expected = createHash('sha256')
        .update(
          '[{"name":"Age","kind":"numeric"},{"name":"Region","kind":"categorical"},{"name":"Default","kind":"target"}]\n'
        )
        .update('[30,"North",0]\n[null,"South",1]\n[52,null,0]\n')
        .digest('hex')
      expect(trainingDataSha256(new DatasetRepo(db), dataset.id)).toBe(expected)
    } finally {
      db.close()
    }
  })
})
