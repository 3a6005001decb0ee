import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StrategyResult, ValidationPack } from '../../../../src/shared/validation'
import { pdfText } from '../../../../src/main/core/reports/pdfKit'
import { writeValidationReport } from '../../../../src/main/core/reports/validationReport'
import { DEFAULT_LGD_POLICY, lgdPerRow } from '../../../../src/main/core/validation/exposure'
import { buildStrategy } from '../../../../src/main/core/validation/strategy'
import { buildValidationPack } from '../../../../src/main/core/validation/validationPack'
import { simulatedValidationInput } from '../validation/simulatedPortfolio'
import { flat, pageCount, pdfPages } from './pdfPages'

/** Text as the PDF shows it, with the no-break spaces pdfText adds read back as spaces. */
const shown = (text: string): string => pdfText(text).replace(/\u00a0/g, ' ')

describe('writeValidationReport', () => {
  let dir = ''
  let pack: ValidationPack
  let strategy: StrategyResult

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ptm-validation-'))
    const input = simulatedValidationInput()
    pack = buildValidationPack(input)
    const rows = input.data.pd.length
    strategy = buildStrategy(
      {
        pd: input.data.pd,
        outcome: input.data.outcome,
        ead: input.data.exposure!,
        lgd: lgdPerRow(null, rows).lgd
      },
      {
        margin: 0.03,
        threshold: input.model.threshold,
        grades: input.model.grades,
        target: { kind: 'bad-rate', maxBadRate: 0.08, basis: 'expected' },
        lgd: { policy: DEFAULT_LGD_POLICY, source: 'flat', missing: 0 },
        eadColumn: 'Loan_Amount'
      }
    )
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('puts every verdict with its light, figure, thresholds and reason on the cover', async () => {
    const file = join(dir, 'pack.pdf')
    await writeValidationReport({ pack, strategy }, file)
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    const pages = pdfPages(file)
    expect(pageCount(file)).toBe(pages.length)
    expect(pages.length).toBeGreaterThanOrEqual(3)
    const cover = flat(pages[0])
    expect(cover).toContain('Loan default model — validation pack')
    expect(cover).toContain(shown(`Model #7: Forest, June retrain`))
    for (const v of pack.verdicts) {
      expect(cover).toContain(shown(v.title))
      expect(cover).toContain(v.light.toUpperCase())
      expect(cover).toContain(shown(v.value))
      expect(cover).toContain(shown(v.reason))
    }
    // The PDF's fonts have no χ or Σ: they are spelled out, never shown as "?" (which pdfText
    // puts in place of a character it cannot show; the headings' own question marks end a sentence).
    expect(cover).toContain('chi² ')
    const text = flat(pages.flat())
    expect(text).toContain('sum of PD')
    expect(text).not.toMatch(/\?\S/)
  })

  it('details each test: grades, deciles, PSI bins, migration, segments and the strategy', async () => {
    const file = join(dir, 'detail.pdf')
    await writeValidationReport({ pack, strategy }, file)
    const text = flat(pdfPages(file).flat())
    for (const g of pack.calibration!.grades) expect(text).toContain(`${g.count.toLocaleString('en-IN')}`)
    expect(text).toContain('Hosmer–Lemeshow over 10 PD deciles')
    expect(text).toContain(pack.stability!.score.bins[0].label.replace('≤', '<='))
    expect(text).toContain('Grade migration. 2,000 accounts appear in both files')
    expect(text).toContain('Gender = F')
    expect(text).toContain(shown(pack.segments!.segments.find((s) => s.value === 'F')!.reasons[0]))
    expect(text).toContain('Cut-off strategy')
    expect(text).toContain(shown(strategy.recommended!.reason))
    expect(text).toContain('Reviewed by the risk committee')
  })

  it('writes a short pack saying what was not run when there are no outcomes, reference or segments', async () => {
    const input = simulatedValidationInput(500)
    const bare = buildValidationPack({
      ...input,
      data: { ...input.data, outcome: null },
      reference: null,
      segments: []
    })
    const file = join(dir, 'bare.pdf')
    await writeValidationReport({ pack: bare }, file)
    const text = flat(pdfPages(file).flat())
    expect(text).toContain('NOT RUN')
    expect(text).toContain('Not run: the data has no outcomes')
    expect(text).not.toContain('Cut-off strategy')
  })

  it('refuses a folder that does not exist, leaving no file', async () => {
    const file = join(dir, 'missing', 'pack.pdf')
    const error = await writeValidationReport({ pack }, file).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'NOT_FOUND' })
    expect((error as Error).message).toContain(file)
    expect(existsSync(file)).toBe(false)
  })
})
