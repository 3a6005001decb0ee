import { closeSync, openSync, writeSync } from 'node:fs'
import { openDatabase } from '../../src/main/core/storage/openDatabase'

/**
 * Adds a table `filler` to the database file (a new one when there is none) and overwrites a
 * page in the middle of it with garbage: the whole-file check fails, while what the workbench
 * itself reads (its catalog, models, datasets) stays sound.
 */
export function damageFillerTable(file: string): string {
  const db = openDatabase(file)
  db.exec('CREATE TABLE filler (x TEXT)')
  const insert = db.prepare('INSERT INTO filler VALUES (?)')
  for (let i = 0; i < 2000; i++) insert.run('x'.repeat(200))
  db.pragma('wal_checkpoint(TRUNCATE)')
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'filler'").get() as {
    rootpage: number
  }
  const pageSize = db.pragma('page_size', { simple: true }) as number
  db.close()
  // The table's pages follow its root.
  const fd = openSync(file, 'r+')
  writeSync(fd, Buffer.alloc(pageSize, 0xff), 0, pageSize, (rootpage - 1 + 20) * pageSize)
  closeSync(fd)
  return file
}
