import { join } from 'node:path'
import type { BrowserWindow } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createMainWindow, hardenWebContents, windowOptions } from '../../src/main/window'

// The Electron binary is not installed here: BrowserWindow is a stand-in that records its
// options and the listeners window.ts attaches to its webContents.
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown
  class FakeWebContents {
    readonly listeners = new Map<string, Listener[]>()
    windowOpenHandler: Listener | undefined
    on(name: string, listener: Listener): this {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener])
      return this
    }
    /** Emits like Electron: every listener gets the same event object. */
    emit(name: string, ...args: unknown[]): void {
      for (const listener of this.listeners.get(name) ?? []) listener(...args)
    }
    setWindowOpenHandler(handler: Listener): void {
      this.windowOpenHandler = handler
    }
  }
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = []
    readonly webContents = new FakeWebContents()
    readonly once = vi.fn()
    readonly show = vi.fn()
    readonly loadFile = vi.fn(async () => undefined)
    readonly loadURL = vi.fn(async () => undefined)
    constructor(readonly options: unknown) {
      FakeBrowserWindow.created.push(this)
    }
  }
  return { FakeBrowserWindow, FakeWebContents }
})
vi.mock('electron', () => ({ BrowserWindow: fake.FakeBrowserWindow }))

type FakeWindow = InstanceType<typeof fake.FakeBrowserWindow>

function hardenedWindow(): FakeWindow {
  const win = new fake.FakeBrowserWindow({})
  hardenWebContents(win as unknown as BrowserWindow)
  return win
}

/** An Electron event whose default action can be prevented. */
const navigationEvent = () => ({ preventDefault: vi.fn() })

describe('windowOptions', () => {
  const prefs = windowOptions('/app/out/preload/index.js', '/app/resources/icon.png').webPreferences

  it('runs the renderer isolated and sandboxed, without Node', () => {
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false
    })
    expect(prefs?.nodeIntegrationInSubFrames).not.toBe(true)
  })

  it('keeps web security on and allows no insecure content, webviews or experimental features', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Dropping a file on the window imports it; it must never navigate to it.
      navigateOnDragDrop: false
    })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs).not.toHaveProperty('additionalArguments')
  })
})

describe('hardenWebContents', () => {
  it('prevents every navigation, to a remote page or to a local file alike', () => {
    const win = hardenedWindow()
    for (const url of ['https://evil.example/', 'http://127.0.0.1:8080/', 'file:///etc/passwd']) {
      const event = navigationEvent()
      win.webContents.emit('will-navigate', event, url)
      expect(event.preventDefault, url).toHaveBeenCalledOnce()
    }
  })

  it('prevents redirects', () => {
    const win = hardenedWindow()
    const event = navigationEvent()
    win.webContents.emit('will-redirect', event, 'https://evil.example/')
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })

  it('prevents a webview from being attached', () => {
    const win = hardenedWindow()
    const event = navigationEvent()
    win.webContents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' })
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })

  it('denies every window.open and target=_blank link', () => {
    const win = hardenedWindow()
    expect(win.webContents.windowOpenHandler).toBeTypeOf('function')
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'about:blank']) {
      expect(win.webContents.windowOpenHandler?.({ url, disposition: 'new-window' }), url).toEqual({
        action: 'deny'
      })
    }
  })
})

describe('createMainWindow', () => {
  beforeEach(() => {
    fake.FakeBrowserWindow.created.length = 0
  })

  it('opens a hardened window with windowOptions on the built renderer file', () => {
    const outDir = join('/app', 'out', 'main')
    createMainWindow(outDir, undefined)
    const [win] = fake.FakeBrowserWindow.created
    expect(win.options).toEqual(
      windowOptions(join(outDir, '../preload/index.js'), join(outDir, '../../resources/icon.png'))
    )
    expect(win.webContents.listeners.get('will-navigate')).toHaveLength(1)
    expect(win.webContents.windowOpenHandler).toBeTypeOf('function')
    expect(win.loadFile).toHaveBeenCalledWith(join(outDir, '../renderer/index.html'))
    expect(win.loadURL).not.toHaveBeenCalled()
  })

  it('loads the dev server only when one is given', () => {
    createMainWindow('/app/out/main', 'http://localhost:5173')
    const [win] = fake.FakeBrowserWindow.created
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173')
    expect(win.loadFile).not.toHaveBeenCalled()
  })
})
