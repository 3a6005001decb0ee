import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { dirname, join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { WorkbenchError } from '../../../../src/main/core/base/errors'
import {
  checkOutputPath,
  databaseFiles,
  OutputFile,
  writeOutput,
  type ProtectedPath
} from '../../../../src/main/core/base/outputFile'
import { useTempDir } from '../../../helpers/tempDir'

/** A file's identity and content, to prove it did not change. */
function fingerprint(path: string): string {
  const info = lstatSync(path, { throwIfNoEntry: false })
  if (!info) return 'absent'
  if (!info.isFile()) return `${info.mode}:${info.ino}`
  return `${info.ino}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`
}

/** The hostile places an output may be pointed at. */
const KINDS = [
  'db',
  'wal',
  'shm',
  'journal',
  'input',
  'link-to-db',
  'chain-to-wal',
  'dangling-link-to-journal',
  'hardlink-to-input',
  'fifo',
  'dev-full',
  'directory',
  'missing-folder',
  'read-only-folder',
  'ordinary-new',
  'ordinary-existing'
] as const
type Kind = (typeof KINDS)[number]

/** Kinds that must be refused whatever the writer does. */
const REFUSED: Kind[] = [
  'db',
  'wal',
  'shm',
  'journal',
  'input',
  'link-to-db',
  'chain-to-wal',
  'dangling-link-to-journal',
  'hardlink-to-input',
  'fifo',
  'dev-full',
  'directory',
  'missing-folder'
]

describe('OutputFile', () => {
  const tmp = useTempDir()

  /** A folder with a database (and its -wal, -shm, -journal where they exist) and an input file. */
  const setUp = (name: string): { dir: string; protect: ProtectedPath[]; watched: string[] } => {
    const dir = tmp.path(name)
    mkdirSync(dir)
    const db = join(dir, 'workbench.db')
    writeFileSync(db, 'SQLite format 3\0 pretend database')
    writeFileSync(`${db}-wal`, 'wal pages')
    writeFileSync(`${db}-shm`, 'shared memory')
    // No -journal: a link to it dangles, and the write would create it.
    const input = join(dir, 'applicants.csv')
    writeFileSync(input, 'id,score\n1,650\n')
    return {
      dir,
      protect: [...databaseFiles(db), { path: input, what: 'the input file being read' }],
      watched: [db, `${db}-wal`, `${db}-shm`, `${db}-journal`, input, '/dev/full']
    }
  }

  const place = (kind: Kind, dir: string): string => {
    const db = join(dir, 'workbench.db')
    switch (kind) {
      case 'db':
        return db
      case 'wal':
        return `${db}-wal`
      case 'shm':
        return `${db}-shm`
      case 'journal':
        return `${db}-journal`
      case 'input':
        return join(dir, 'applicants.csv')
      case 'link-to-db':
        symlinkSync(db, join(dir, 'out.csv'))
        return join(dir, 'out.csv')
      case 'chain-to-wal':
        mkdirSync(join(dir, 'sub'))
        symlinkSync('../workbench.db-wal', join(dir, 'sub', 'hop1'))
        symlinkSync('sub/hop1', join(dir, 'hop2'))
        symlinkSync(join(dir, 'hop2'), join(dir, 'out.csv'))
        return join(dir, 'out.csv')
      case 'dangling-link-to-journal':
        symlinkSync('workbench.db-journal', join(dir, 'out.csv'))
        return join(dir, 'out.csv')
      case 'hardlink-to-input':
        linkSync(join(dir, 'applicants.csv'), join(dir, 'out.csv'))
        return join(dir, 'out.csv')
      case 'fifo':
        execFileSync('mkfifo', [join(dir, 'out.csv')])
        return join(dir, 'out.csv')
      case 'dev-full':
        return '/dev/full'
      case 'directory':
        mkdirSync(join(dir, 'out.csv'))
        return join(dir, 'out.csv')
      case 'missing-folder':
        return join(dir, 'no', 'such', 'out.csv')
      case 'read-only-folder':
        mkdirSync(join(dir, 'ro'))
        writeFileSync(join(dir, 'ro', 'out.csv'), 'old output')
        chmodSync(join(dir, 'ro'), 0o555)
        return join(dir, 'ro', 'out.csv')
      case 'ordinary-new':
        return join(dir, 'out.csv')
      case 'ordinary-existing':
        writeFileSync(join(dir, 'out.csv'), 'old output')
        return join(dir, 'out.csv')
    }
  }

  /** Every .partial file under a folder (none may outlive a write). */
  const partials = (dir: string): string[] => {
    const found: string[] = []
    const walk = (d: string): void => {
      for (const entry of readdirSync(d, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(d, entry.name))
        else if (entry.name.endsWith('.partial')) found.push(join(d, entry.name))
      }
    }
    walk(dir)
    return found
  }

  // The property of the issue: an output generated from the hostile kinds never changes a
  // protected file, never leaves a partial file, and either writes all of its content or
  // leaves the target as it was (failing with a one-line catalogued error).
  it('never changes a protected file and writes all or nothing, whatever the path and however the writer ends', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...KINDS),
        fc.constantFrom('completes', 'fails', 'cancelled'),
        fc.array(fc.string({ unit: 'binary', maxLength: 200 }), { minLength: 1, maxLength: 5 }),
        async (kind, ending, pieces) => {
          const { dir, protect, watched } = setUp(`case-${run++}`)
          const target = place(kind, dir)
          const before = new Map(watched.map((p) => [p, fingerprint(p)]))
          const targetBefore = fingerprint(target)
          let error: unknown
          try {
            await writeOutput(target, { protect, what: 'test output' }, async (out) => {
              for (const piece of pieces) await out.write(`${piece}\n`)
              if (ending === 'fails') throw new Error('the writer failed half way')
              if (ending === 'cancelled') throw Object.assign(new Error('cancelled'), { name: 'AbortError' })
            })
          } catch (e) {
            error = e
          }
          for (const [path, print] of before) expect(fingerprint(path), `${kind}: ${path}`).toBe(print)
          expect(partials(dir)).toEqual([])
          if (REFUSED.includes(kind)) {
            expect(error, kind).toBeInstanceOf(WorkbenchError)
            expect((error as Error).message).not.toMatch(/\n/)
            expect((error as Error).message).toContain(target)
          }
          if (error === undefined) {
            expect(readFileSync(target, 'utf8')).toBe(pieces.map((p) => `${p}\n`).join(''))
            expect(ending).toBe('completes')
          } else {
            expect(fingerprint(target), kind).toBe(targetBefore)
          }
          if (kind === 'read-only-folder') chmodSync(join(dir, 'ro'), 0o755)
        }
      ),
      { numRuns: 120, seed: 20 }
    )
  })

  it('refuses the database, the input and a folder with OUTPUT_REFUSED saying what it is', async () => {
    const { dir, protect } = setUp('refusals')
    const refused = async (path: string): Promise<WorkbenchError> =>
      (await checkOutputPath(path, { protect, what: 'scored file' }).catch(
        (e: unknown) => e
      )) as WorkbenchError
    expect(await refused(join(dir, 'workbench.db'))).toMatchObject({
      code: 'OUTPUT_REFUSED',
      message: `${join(dir, 'workbench.db')}: this is the workbench database; writing the scored file there would destroy it. Choose another file name.`
    })
    symlinkSync(join(dir, 'workbench.db-wal'), join(dir, 'link.csv'))
    expect((await refused(join(dir, 'link.csv'))).message).toMatch(
      /this is the workbench database's wal file \(through a symbolic link to .*workbench\.db-wal\)/
    )
    expect((await refused(join(dir, 'applicants.csv'))).message).toMatch(/this is the input file being read/)
    expect((await refused(dir)).message).toMatch(/this is a folder, not a file/)
    expect((await refused('/dev/full')).message).toMatch(/^\/dev\/full: this is a device, not a file/)
  })

  it('names a symbolic-link loop as PATH_INVALID', async () => {
    const dir = dirname(tmp.path('x'))
    symlinkSync(join(dir, 'b'), join(dir, 'a'))
    symlinkSync(join(dir, 'a'), join(dir, 'b'))
    const error = (await checkOutputPath(join(dir, 'a')).catch((e: unknown) => e)) as WorkbenchError
    expect(error.code).toBe('PATH_INVALID')
    expect(error.message).toMatch(/symbolic links loop/)
  })

  it('gives two runs writing the same path their own temporary files, so each result is whole', async () => {
    const target = tmp.path('same.csv')
    const a = await OutputFile.create(target)
    const b = await OutputFile.create(target)
    const dir = dirname(target)
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toHaveLength(2)
    await a.write('a'.repeat(1000))
    await b.write('b'.repeat(10))
    await a.write('a'.repeat(1000))
    await b.commit()
    expect(readFileSync(target, 'utf8')).toBe('b'.repeat(10))
    await a.commit()
    expect(readFileSync(target, 'utf8')).toBe('a'.repeat(2000))
    expect(readdirSync(dir)).toEqual(['same.csv'])
  })

  it('says in one sentence that the folder is gone when it was removed while the file was written', async () => {
    const dir = tmp.path('vanishing')
    mkdirSync(dir)
    const out = await OutputFile.create(join(dir, 'scored.csv'), { what: 'scored file' })
    await out.write('rows')
    rmSync(dir, { recursive: true })
    const error = (await out.commit().catch((e: unknown) => e)) as WorkbenchError
    expect(error).toMatchObject({ code: 'NOT_FOUND' })
    expect(error.message).toBe(
      `${join(dir, 'scored.csv')}: the folder ${dir} does not exist. Create it or choose another folder.`
    )
  })

  it('keeps the permissions of the file it replaces', async () => {
    const target = tmp.write('kept.csv', 'old')
    chmodSync(target, 0o640)
    await writeOutput(target, {}, (out) => out.write('new'))
    expect(statSync(target).mode & 0o777).toBe(0o640)
    expect(readFileSync(target, 'utf8')).toBe('new')
  })

  it('refuses a target that became a folder while it was being written, leaving nothing behind', async () => {
    const target = tmp.path('late.csv')
    const out = await OutputFile.create(target)
    await out.write('rows')
    mkdirSync(target)
    await expect(out.commit()).rejects.toMatchObject({ code: 'OUTPUT_REFUSED' })
    expect(lstatSync(target).isDirectory()).toBe(true)
    expect(readdirSync(dirname(target))).toEqual(['late.csv'])
  })
})
