import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDbPath, userDataDir } from '../../../../src/main/core/storage/defaultDbPath'

describe('the default database path (the folder Electron gives the app on each platform)', () => {
  it('lives in APPDATA on Windows, Application Support on macOS and XDG_CONFIG_HOME or ~/.config elsewhere', () => {
    expect(userDataDir({ APPDATA: 'C:/Users/a/AppData/Roaming' }, 'win32')).toBe(
      join('C:/Users/a/AppData/Roaming', 'Loan Default Workbench')
    )
    expect(userDataDir({}, 'win32')).toBe(join(homedir(), 'AppData', 'Roaming', 'Loan Default Workbench'))
    expect(userDataDir({}, 'darwin')).toBe(
      join(homedir(), 'Library', 'Application Support', 'Loan Default Workbench')
    )
    expect(userDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe(join('/cfg', 'Loan Default Workbench'))
    expect(userDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Loan Default Workbench'))
  })

  it('takes --db first, then PTM_DB, then workbench.db in the data folder', () => {
    expect(resolveDbPath('/x/given.db', { PTM_DB: '/y/env.db' })).toBe('/x/given.db')
    expect(resolveDbPath(undefined, { PTM_DB: '/y/env.db' })).toBe('/y/env.db')
    expect(resolveDbPath(undefined, { XDG_CONFIG_HOME: '/cfg' })).toBe(
      process.platform === 'win32' || process.platform === 'darwin'
        ? join(userDataDir({ XDG_CONFIG_HOME: '/cfg' }), 'workbench.db')
        : '/cfg/Loan Default Workbench/workbench.db'
    )
  })
})
