import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Workbench } from './core/service/Workbench'
import { DB_FILE_NAME } from './core/storage/defaultDbPath'
import { createHandlers } from './ipc/createHandlers'
import { FileRegistry, type Dialogs } from './ipc/FileAccess'
import { toErrorInfo } from './core/service/toErrorInfo'
import { lockDownSession, makeAppPageCheck, makeUrlAllowList } from './ipc/offline'
import { makeSenderCheck, registerIpc } from './ipc/registerIpc'
import { JobManager } from './jobs/JobManager'
import { jobEventSink } from './jobs/jobEvents'
import { createMainWindow } from './window'
import type { Events } from '../shared/api'

// Electron at the edge: this file wires the window, the session and IPC to the same
// service the CLI uses. No logic lives here.

/**
 * In development the Node build of better-sqlite3 in node_modules cannot load in
 * Electron; scripts/electronNative.mjs builds a copy for Electron's ABI here. The
 * packaged app has node_modules rebuilt for Electron by electron-builder instead.
 */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined
  const built = join(app.getAppPath(), '.electron-native', 'better_sqlite3.node')
  return existsSync(built) ? built : undefined
}

function main(): void {
  const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  const allowedUrl = makeUrlAllowList(devServerUrl)
  let win: BrowserWindow | undefined
  const binding = nativeBinding()
  // PTM_DB overrides, as for the CLI; otherwise the same file the CLI uses by default.
  const dbPath = process.env.PTM_DB ?? join(app.getPath('userData'), DB_FILE_NAME)
  const service = Workbench.open(dbPath, binding)
  const send = <E extends keyof Events>(event: E, payload: Events[E]): void => {
    if (win && !win.isDestroyed()) win.webContents.send(event, payload)
  }
  const jobs = new JobManager(dbPath, jobEventSink(send), binding)
  const files = new FileRegistry()
  const dialogs: Dialogs = {
    async openCsv() {
      const result = await dialog.showOpenDialog(win!, {
        title: 'Choose a loan CSV file',
        properties: ['openFile'],
        filters: [{ name: 'CSV files', extensions: ['csv', 'txt', 'tsv'] }]
      })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async saveCsv(defaultName) {
      const result = await dialog.showSaveDialog(win!, {
        defaultPath: defaultName,
        filters: [{ name: 'CSV files', extensions: ['csv'] }]
      })
      return result.canceled ? null : (result.filePath ?? null)
    },
    async savePdf(defaultName) {
      const result = await dialog.showSaveDialog(win!, {
        defaultPath: defaultName,
        filters: [{ name: 'PDF documents', extensions: ['pdf'] }]
      })
      return result.canceled ? null : (result.filePath ?? null)
    },
    async saveModel(defaultName) {
      const result = await dialog.showSaveDialog(win!, {
        defaultPath: defaultName,
        filters: [{ name: 'ONNX models', extensions: ['onnx'] }]
      })
      return result.canceled ? null : (result.filePath ?? null)
    },
    showInFolder(path) {
      shell.showItemInFolder(path)
    }
  }
  const handlers = createHandlers({ service, jobs, files, dialogs, version: app.getVersion() })
  // Only the app's own page may call main: not a data:, blob: or devtools: page, which the
  // request allow list lets load.
  const trusted = makeSenderCheck(() => win?.webContents, makeAppPageCheck(devServerUrl))
  registerIpc(ipcMain, handlers, trusted)
  // A dropped file: the preload resolves its path with webUtils and main registers it.
  ipcMain.handle('files/registerDrop', (event, path: unknown) => {
    if (!trusted(event) || typeof path !== 'string')
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Refused.' } }
    try {
      return { ok: true, value: files.register(path) }
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) }
    }
  })

  void app.whenReady().then(() => {
    lockDownSession(session.defaultSession, allowedUrl)
    win = createMainWindow(__dirname, devServerUrl)
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) win = createMainWindow(__dirname, devServerUrl)
    })
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => {
    void jobs.shutdown()
    service.close()
  })
}

if (!app.requestSingleInstanceLock()) app.quit()
else main()
