import { describe, expect, it, vi } from 'vitest'
import { openDatabase } from '../../../../src/main/core/storage/openDatabase'
import { checkWholeFileAside } from '../../../../src/main/core/storage/wholeFileCheck'
import { damageFillerTable } from '../../../helpers/damagedDatabase'
import { useTempDir } from '../../../helpers/tempDir'

const spawnFails = vi.hoisted(() => ({ now: false }))
/** Whole-file checks run on this (the calling) thread. */
const checksHere = vi.hoisted(() => ({ count: 0 }))
vi.mock('../../../../src/main/core/storage/openDatabase', async (original) => {
  const real = await original<typeof import('../../../../src/main/core/storage/openDatabase')>()
  return {
    ...real,
    checkWholeFile: (...args: Parameters<typeof real.checkWholeFile>) => {
      checksHere.count++
      return real.checkWholeFile(...args)
    }
  }
})
vi.mock('../../../../src/main/core/base/spawnWorker', async (original) => {
  const real = await original<typeof import('../../../../src/main/core/base/spawnWorker')>()
  return {
    ...real,
    spawnWorker: (...args: Parameters<typeof real.spawnWorker>) => {
      if (spawnFails.now) throw new Error('no thread for you')
      return real.spawnWorker(...args)
    }
  }
})

describe('checkWholeFileAside', () => {
  const tmp = useTempDir()

  const soundFile = (name: string): string => {
    const file = tmp.path(name)
    openDatabase(file).close()
    return file
  }

  for (const where of ['on a thread of its own', 'on the calling thread when no thread can start'])
    it(`passes a sound file and refuses a damaged one with DATABASE_FILE, ${where}`, async () => {
      spawnFails.now = where.includes('calling')
      checksHere.count = 0
      try {
        await expect(
          checkWholeFileAside({ file: soundFile(`sound-${where.length}.db`) }).done
        ).resolves.toBeUndefined()
        const damaged = damageFillerTable(tmp.path(`damaged-${where.length}.db`))
        await expect(checkWholeFileAside({ file: damaged }).done).rejects.toMatchObject({
          code: 'DATABASE_FILE',
          message: expect.stringMatching(/the database is damaged [\s\S]*Restore it from a backup/)
        })
        expect(checksHere.count).toBe(spawnFails.now ? 2 : 0)
      } finally {
        spawnFails.now = false
      }
    })

  it('has nothing to check in a database held in memory', async () => {
    await expect(checkWholeFileAside({ file: ':memory:' }).done).resolves.toBeUndefined()
  })

  it('ends a check no one waits for any more: its thread stops and it passes nothing', async () => {
    const check = checkWholeFileAside({ file: soundFile('stopped.db') })
    check.stop()
    await expect(check.done).rejects.toThrow('the whole-file check was stopped')
  })
})
