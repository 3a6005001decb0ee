import { beforeEach, describe, expect, it, vi } from 'vitest'
import { readCategory, readNumber } from '../../../../src/main/core/scoring/parseApplicants'
import { CategoryCells } from '../../../../src/main/core/scoring/parseCsvInputs'
import { parseAmountRegion } from '../../../fixtures/csvInputs'

// parseCsvInputs promises two fast paths whose values equal the slow ones (parseCsvInputs.test.ts
// checks the values): plain decimals read from their bytes, and category spellings remembered
// by their bytes. What is left to check is that the fast paths are taken, and that the cache
// stays correct at its limits: here readNumber and readCategory are counted.
vi.mock('../../../../src/main/core/scoring/parseApplicants', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../src/main/core/scoring/parseApplicants')>()
  return { ...actual, readNumber: vi.fn(actual.readNumber), readCategory: vi.fn(actual.readCategory) }
})

const parse = parseAmountRegion

const amounts = (csv: string): number[] => Array.from(parse(csv).raw.numeric.get('Amount') ?? [])
const regions = (csv: string, categories?: CategoryCells[]): (string | null)[] =>
  parse(csv, categories).raw.categorical.get('Region') ?? []

beforeEach(() => {
  vi.mocked(readNumber).mockClear()
  vi.mocked(readCategory).mockClear()
})

describe('parseCsvInputs reads plain decimals from their bytes', () => {
  it('reads signed decimals of up to 15 digits, and an empty cell as missing, without readNumber', () => {
    const cells = ['0', '-0', '9', '90', '-12.5', '.5', '-0.09', '123456789012345', '9.99999999999999', '']
    const got = amounts(cells.map((c) => `${c},East`).join('\n'))
    expect(got).toEqual([0, 0, 9, 90, -12.5, 0.5, -0.09, 123456789012345, 9.99999999999999, NaN])
    expect(Object.is(got[1], -0)).toBe(false)
    expect(readNumber).not.toHaveBeenCalled()
  })

  it('hands every other spelling to readNumber, which decides it', () => {
    const cells = ['1.2.3', '.5.5', '1e5', '1234567890123456', '"42"', '+7', '12.']
    const parsed = parse(cells.map((c) => `${c},East`).join('\n'))
    expect(vi.mocked(readNumber).mock.calls.map(([text]) => text)).toEqual([
      '1.2.3',
      '.5.5',
      '1e5',
      '1234567890123456',
      '42',
      '+7',
      '12.'
    ])
    expect(Array.from(parsed.failed)).toEqual([1, 1, 0, 0, 0, 0, 0])
    expect(Array.from(parsed.raw.numeric.get('Amount') ?? []).slice(2)).toEqual([
      100000, 1234567890123456, 42, 7, 12
    ])
  })
})

describe('CategoryCells remembers spellings by their bytes', () => {
  it('reads each spelling once, a quoted one apart from the plain one, the last cell of the file too', () => {
    // The last "East" ends the file without a line break: its bytes are the same spelling.
    const got = regions('1,East\n2,North\n3,East\n4,"East"\n5,"East"\n6,North\n7,East')
    expect(got).toEqual(['East', 'North', 'East', 'East', 'East', 'North', 'East'])
    expect(vi.mocked(readCategory).mock.calls.map(([text]) => text)).toEqual(['East', 'North', 'East'])
  })

  it('tells apart two spellings whose hashes collide', () => {
    // FNV-1a (32-bit, the kind 0 of a plain cell mixed into the offset basis) of both is
    // -1630027775: found by brute force over "Zone " and five capitals, checked here.
    const fnv = (s: string): number => {
      let h = 0x811c9dc5
      for (const b of Buffer.from(s)) h = Math.imul(h ^ b, 0x01000193)
      return h
    }
    expect(fnv('Zone LQNQX')).toBe(fnv('Zone ZAORB'))
    const categories = [new CategoryCells(), new CategoryCells()]
    const csv = '1,Zone LQNQX\n2,Zone ZAORB\n3,Zone LQNQX\n4,Zone ZAORB'
    expect(regions(csv, categories)).toEqual(['Zone LQNQX', 'Zone ZAORB', 'Zone LQNQX', 'Zone ZAORB'])
    // The first spelling is remembered; the one colliding with it is read as text every time.
    expect(vi.mocked(readCategory).mock.calls.map(([text]) => text)).toEqual([
      'Zone LQNQX',
      'Zone ZAORB',
      'Zone ZAORB'
    ])
  })

  it('remembers spellings of up to 48 bytes; longer cells are read as text each time', () => {
    const short = 'S'.repeat(48)
    const long = 'L'.repeat(49)
    expect(regions([short, short, long, long].map((c, i) => `${i},${c}`).join('\n'))).toEqual([
      short,
      short,
      long,
      long
    ])
    expect(vi.mocked(readCategory).mock.calls.map(([text]) => text)).toEqual([short, long, long])
  })

  it('remembers 512 spellings per column; the rest are read as text each time', () => {
    const categories = [new CategoryCells(), new CategoryCells()]
    const names = Array.from({ length: 513 }, (_, i) => `Branch ${i}`)
    const csv = names.map((n) => `1,${n}`).join('\n')
    expect(regions(csv, categories)).toEqual(names)
    expect(regions(csv, categories)).toEqual(names)
    // 513 first reads, then only the 513th spelling again.
    expect(readCategory).toHaveBeenCalledTimes(514)
    expect(vi.mocked(readCategory).mock.calls.at(-1)).toEqual(['Branch 512'])
  })
})
