import { describe, expect, it } from 'vitest'
import type { TestSpecification, Vitest } from 'vitest/node'
import QuickFirstSequencer from './quickFirstSequencer'

/** A sequencer over a stand-in vitest whose cache knows the given durations (ms) and sizes (bytes). */
function sequencerWith(files: Record<string, { duration?: number; size?: number }>): QuickFirstSequencer {
  const stat = (key: string): { duration?: number; size?: number } | undefined =>
    files[key.slice(key.indexOf(':') + 1)]
  const ctx = {
    config: { root: '/repo' },
    cache: {
      getFileTestResults: (key: string) => {
        const duration = stat(key)?.duration
        return duration === undefined ? undefined : { failed: false, duration }
      },
      getFileStats: (key: string) => {
        const size = stat(key)?.size
        return size === undefined ? undefined : { size }
      }
    }
  }
  return new QuickFirstSequencer(ctx as unknown as Vitest)
}

const spec = (file: string): TestSpecification =>
  ({ project: { name: '' }, moduleId: `/repo/${file}` }) as unknown as TestSpecification

describe('QuickFirstSequencer (the mutation run’s file order)', () => {
  it('runs timed files quickest first, then untimed files smallest first', async () => {
    const sequencer = sequencerWith({
      'book.test.ts': { duration: 3650, size: 100 },
      'rows.test.ts': { duration: 18, size: 900 },
      'names.test.ts': { duration: 8, size: 50 },
      'new-big.test.ts': { size: 5000 },
      'new-small.test.ts': { size: 10 }
    })
    const order = await sequencer.sort(
      ['new-big', 'book', 'rows', 'new-small', 'names'].map((name) => spec(`${name}.test.ts`))
    )
    expect(order.map((s) => s.moduleId)).toEqual([
      '/repo/names.test.ts',
      '/repo/rows.test.ts',
      '/repo/book.test.ts',
      '/repo/new-small.test.ts',
      '/repo/new-big.test.ts'
    ])
  })

  it('orders files of equal duration by size', async () => {
    const sequencer = sequencerWith({
      'b.test.ts': { duration: 5, size: 2 },
      'a.test.ts': { duration: 5, size: 1 }
    })
    const order = await sequencer.sort([spec('b.test.ts'), spec('a.test.ts')])
    expect(order.map((s) => s.moduleId)).toEqual(['/repo/a.test.ts', '/repo/b.test.ts'])
  })
})
