import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { channels, eventNames, type WindowApi } from '../../src/shared/api'

// The preload runs against a stand-in electron module: what it exposes through the
// context bridge is captured, and ipcRenderer only records what it is asked to do.
const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, input?: unknown) => ({ ok: true, value: { channel, input } })),
    on: vi.fn(),
    removeListener: vi.fn()
  },
  webUtils: { getPathForFile: vi.fn(() => '/home/clerk/Downloads/loans.csv') }
}))
vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  ipcRenderer: electron.ipcRenderer,
  webUtils: electron.webUtils
}))

let api: WindowApi

beforeAll(async () => {
  await import('../../src/preload/index')
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce()
  const [key, value] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, WindowApi]
  expect(key).toBe('api')
  api = value
})

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear()
  electron.ipcRenderer.on.mockClear()
  electron.ipcRenderer.removeListener.mockClear()
})

describe('the preload', () => {
  it('exposes one function per contract channel, plus on and registerDroppedFile, and nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([...channels, 'on', 'registerDroppedFile'].sort())
    for (const [name, value] of Object.entries(api)) expect(value, name).toBeTypeOf('function')
    for (const leak of ['ipcRenderer', 'invoke', 'send', 'require', 'process', 'fs', 'electron']) {
      expect(api, leak).not.toHaveProperty(leak)
    }
  })

  it('exposes nothing but window.api', () => {
    expect(electron.contextBridge.exposeInMainWorld.mock.calls.map(([key]) => key)).toEqual(['api'])
  })

  it('sends each call on its own channel with the input unchanged, and returns the answer', async () => {
    for (const channel of channels) {
      const input = { probe: channel }
      const call = api[channel] as (input: unknown) => Promise<unknown>
      const answer = await call(input)
      expect(electron.ipcRenderer.invoke, channel).toHaveBeenLastCalledWith(channel, input)
      expect(answer, channel).toEqual({ ok: true, value: { channel, input } })
    }
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(channels.length)
  })
})

describe('api.on', () => {
  it('refuses an event that is not in the contract, without listening', () => {
    for (const name of ['datasets/list', 'ELECTRON_BROWSER_WINDOW_ALERT', '', 'jobs/progress ']) {
      expect(() => api.on(name as 'jobs/done', () => undefined), name).toThrow(/Unknown event/)
    }
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled()
  })

  it('listens on the event and hands the listener the payload only, never the IPC event', () => {
    const listener = vi.fn()
    for (const name of eventNames) {
      api.on(name, listener)
      const [channel, wrapped] = electron.ipcRenderer.on.mock.lastCall as [
        string,
        (...args: unknown[]) => void
      ]
      expect(channel).toBe(name)
      const ipcEvent = { sender: { send: vi.fn() }, ports: [] }
      wrapped(ipcEvent, { datasetId: 3 })
      expect(listener).toHaveBeenLastCalledWith({ datasetId: 3 })
      expect(listener.mock.lastCall).toHaveLength(1)
    }
  })

  it('returns an unsubscribe that removes exactly the listener it added', () => {
    const unsubscribe = api.on('jobs/progress', vi.fn())
    const [, wrapped] = electron.ipcRenderer.on.mock.lastCall as [string, unknown]
    expect(electron.ipcRenderer.removeListener).not.toHaveBeenCalled()
    unsubscribe()
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith('jobs/progress', wrapped)
  })
})

describe('api.registerDroppedFile', () => {
  it("resolves the dropped file's path in the preload and sends it to main to register", async () => {
    const file = { name: 'loans.csv' } as File
    await api.registerDroppedFile(file)
    expect(electron.webUtils.getPathForFile).toHaveBeenCalledWith(file)
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(
      'files/registerDrop',
      '/home/clerk/Downloads/loans.csv'
    )
  })
})
