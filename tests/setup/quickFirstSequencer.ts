import { relative } from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

/**
 * Test files in the order the mutation run wants them: quickest first. Stryker runs a mutant's
 * covering files one after another and stops at the first failing test, so a mutant that a
 * millisecond test kills should not wait behind a file that draws a 20,000-row book. Vitest's
 * own order is the opposite (slowest first, which fills parallel workers; Stryker has one).
 * Durations come from vitest's results cache; files it has not timed go last, smallest first.
 */
export default class QuickFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cost = (spec: TestSpecification): [number, number] => {
      const key = `${spec.project.name}:${relative(this.ctx.config.root, spec.moduleId)}`
      const timed = this.ctx.cache.getFileTestResults(key)?.duration
      return [timed ?? Number.POSITIVE_INFINITY, this.ctx.cache.getFileStats(key)?.size ?? 0]
    }
    const costs = new Map(files.map((spec) => [spec, cost(spec)]))
    return [...files].sort((a, b) => {
      const [durationA, sizeA] = costs.get(a) as [number, number]
      const [durationB, sizeB] = costs.get(b) as [number, number]
      return durationA === durationB ? sizeA - sizeB : durationA < durationB ? -1 : 1
    })
  }
}
