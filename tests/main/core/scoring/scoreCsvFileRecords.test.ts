import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import { modelGovernance } from '../../../../src/main/core/policy/modelDefaults'
import {
  prepareBatchModel,
  scoreCsvFile,
  type BatchModel
} from '../../../../src/main/core/scoring/scoreCsvFile'
import { Workbench } from '../../../../src/main/core/service/Workbench'
import type { Dictionary } from '../../../../src/shared/dictionary'
import { exportedLoans } from '../../../fixtures/exportedLoans'
import { useTrainedTemplate } from '../../../fixtures/trainedDatabase'
import { useTempDir } from '../../../helpers/tempDir'

// How a scored row is written: the input record's own bytes when nothing in it needs
// neutralising (comma files only), otherwise the cells written again; reason sentences
// quoted when the dictionary's words hold a comma or a quote, however long they are.

const readCsv = (path: string): string[][] =>
  parse(readFileSync(path), { relax_column_count: true }) as string[][]
/** The six columns scoring adds: probability, prediction, grade and three reasons. */
const ADDED = 6

describe('scoreCsvFile: the records it writes', () => {
  const tmp = useTempDir()
  const template = useTrainedTemplate({ rows: 1500, seed: 41 })

  /** The training rows with every field the policy requires, as CSV records, and the model. */
  const fixture = async (): Promise<{ header: string[]; rows: string[][]; batch: BatchModel }> => {
    const service = Workbench.open(template.template())
    try {
      const { header, rows: complete } = await exportedLoans(
        service,
        template.ids().datasetId,
        tmp.path('training.csv')
      )
      const rows = complete.slice(0, 200)
      return { header, rows, batch: prepareBatchModel(service.models.load(template.ids().modelId)) }
    } finally {
      service.close()
    }
  }

  it('copies a record byte for byte, superfluous quotes included, when no cell needs neutralising', async () => {
    const { header, rows, batch } = await fixture()
    const records = rows.map((r) =>
      r.map((cell) => (/[",\r\n]/.test(cell) ? stringify([[cell]]).trim() : cell))
    )
    // Quotes a CSV writer would not need, around a number and an identifier.
    const id = header.indexOf('Customer_ID')
    const score = header.indexOf('Credit_Score')
    records[3][id] = `"${rows[3][id]}"`
    records[3][score] = `"${rows[3][score]}"`
    // A plain negative number starts like a formula but is left alone: the record is still copied.
    const balance = header.indexOf('Account_Balance')
    records[3][balance] = '-250'
    const lines = [header.join(','), ...records.map((r) => r.join(','))]
    const input = tmp.write('quoted.csv', lines.join('\n') + '\n')
    const output = tmp.path('quoted-scored.csv')
    await scoreCsvFile(batch, { input, output, threads: 0 })
    const written = readFileSync(output, 'utf8').split('\n')
    expect(written[4].startsWith(lines[4] + ',')).toBe(true)
    // Read as CSV, the quoted cells are the same values as the others'.
    const cells = readCsv(output)
    expect(cells[4].slice(0, header.length)).toEqual(
      rows[3].map((cell, i) => (i === balance ? '-250' : cell))
    )
    expect(cells[4]).toHaveLength(header.length + ADDED)
  })

  it('writes a semicolon file’s rows as comma-separated cells, the same cells as the comma file gives', async () => {
    const { header, rows, batch } = await fixture()
    const comma = tmp.write('comma.csv', stringify([header, ...rows]))
    const semicolon = tmp.write('semicolon.csv', stringify([header, ...rows], { delimiter: ';' }))
    await scoreCsvFile(batch, { input: comma, output: tmp.path('comma-scored.csv'), threads: 0 })
    await scoreCsvFile(batch, { input: semicolon, output: tmp.path('semicolon-scored.csv'), threads: 0 })
    const fromSemicolon = readCsv(tmp.path('semicolon-scored.csv'))
    expect(fromSemicolon).toEqual(readCsv(tmp.path('comma-scored.csv')))
    for (const row of fromSemicolon) expect(row).toHaveLength(header.length + ADDED)
    expect(readFileSync(tmp.path('semicolon-scored.csv'), 'utf8')).not.toContain(';')
  })

  it('quotes reason sentences whose labels hold commas and quotes, with long labels, and scores the same', async () => {
    const { header, rows, batch } = await fixture()
    const { artifact } = batch
    const fields = [
      ...new Set([...artifact.inputs.map((f) => f.name), ...artifact.features.map((f) => f.name)])
    ]
    // Labels near the dictionary's 200 characters: three sentences a row outgrow three times the record.
    const labelOf = (field: string): string =>
      `${field}, "as reported"`.padEnd(190, ' of the applicant') + ' end'
    const dictionary: Dictionary = modelGovernance(artifact).dictionary.map((entry) =>
      fields.includes(entry.field) ? { ...entry, label: { en: labelOf(entry.field), hi: '' } } : entry
    )
    const input = tmp.write('labels.csv', stringify([header, ...rows]))
    await scoreCsvFile(batch, { input, output: tmp.path('plain.csv'), threads: 0 })
    await scoreCsvFile(batch, {
      input,
      output: tmp.path('labelled.csv'),
      threads: 0,
      governance: modelGovernance(artifact, { dictionary })
    })
    const plain = readCsv(tmp.path('plain.csv'))
    const labelled = readCsv(tmp.path('labelled.csv'))
    expect(labelled).toHaveLength(plain.length)
    let sentences = 0
    for (let r = 1; r < labelled.length; r++) {
      expect(labelled[r]).toHaveLength(header.length + ADDED)
      // Inputs, probability, prediction and grade as without the dictionary.
      expect(labelled[r].slice(0, header.length + 3)).toEqual(plain[r].slice(0, header.length + 3))
      for (const reason of labelled[r].slice(header.length + 3)) {
        if (reason === '') continue
        sentences++
        expect(
          fields.some((f) => reason.includes(labelOf(f))),
          reason
        ).toBe(true)
      }
    }
    expect(sentences).toBeGreaterThan(2 * rows.length)
  })

  it('quotes sentences whose formatted amounts hold commas, and neutralises labels that start like a formula', async () => {
    const { header, rows, batch } = await fixture()
    const { artifact } = batch
    const input = tmp.write('amounts.csv', stringify([header, ...rows]))
    // The default dictionary writes rupee amounts in lakh grouping (₹1,56,664): commas in plain-named sentences.
    await scoreCsvFile(batch, {
      input,
      output: tmp.path('amounts-scored.csv'),
      threads: 0,
      governance: modelGovernance(artifact)
    })
    const amounts = readCsv(tmp.path('amounts-scored.csv')).slice(1)
    for (const row of amounts) expect(row).toHaveLength(header.length + ADDED)
    const reasons = amounts.flatMap((row) => row.slice(header.length + 3))
    expect(reasons.some((reason) => /₹\d{1,2}(,\d\d)*,\d{3}/.test(reason))).toBe(true)
    // A label a spreadsheet would run as a formula is written as text.
    const fields = new Set([...artifact.inputs.map((f) => f.name), ...artifact.features.map((f) => f.name)])
    const dictionary: Dictionary = modelGovernance(artifact).dictionary.map((entry) =>
      fields.has(entry.field) ? { ...entry, label: { en: `=${entry.field}`, hi: '' } } : entry
    )
    await scoreCsvFile(batch, {
      input,
      output: tmp.path('formula-labels.csv'),
      threads: 0,
      governance: modelGovernance(artifact, { dictionary })
    })
    const labelled = readCsv(tmp.path('formula-labels.csv')).slice(1)
    const sentences = labelled.flatMap((row) => row.slice(header.length + 3)).filter((r) => r !== '')
    expect(sentences.length).toBeGreaterThan(rows.length)
    for (const sentence of sentences) expect(sentence).toMatch(/^'=/)
  })
})
