import { homedir } from 'node:os'
import { join } from 'node:path'

/** The application's name as Electron derives its data folder from it (package.json productName). */
export const APP_NAME = 'Loan Default Workbench'
export const DB_FILE_NAME = 'workbench.db'

/**
 * The folder Electron's `app.getPath('userData')` gives on each platform, computed
 * without Electron so that the CLI and the app share one database by default.
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME)
}

/** The database file: `--db` first, then `PTM_DB`, then the app's data folder. */
export function resolveDbPath(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ?? env.PTM_DB ?? join(userDataDir(env), DB_FILE_NAME)
}
