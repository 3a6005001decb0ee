import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { channels, type Channel, type Envelope } from '../../../src/shared/api'
import type { Handlers } from '../../../src/main/ipc/createHandlers'
import { InputError } from '../../../src/main/core/base/errors'
import { makeAppPageCheck } from '../../../src/main/ipc/offline'
import { makeSenderCheck, registerIpc } from '../../../src/main/ipc/registerIpc'

// registerIpc only takes Electron's types; the module is stubbed so nothing real loads.
vi.mock('electron', () => ({}))

type Listener = (event: IpcMainInvokeEvent, raw?: unknown) => Promise<Envelope<unknown>>

const APP_PAGE = 'file:///opt/workbench/resources/app.asar/out/renderer/index.html#/data'

/** A window's webContents with its main frame, as makeSenderCheck sees them. */
function fakeContents(url = APP_PAGE) {
  const mainFrame = { url } as WebFrameMain
  return { mainFrame } as WebContents
}

function fakeEvent(sender: WebContents, senderFrame: WebFrameMain | null): IpcMainInvokeEvent {
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent
}

/** Every contract handler as a spy that answers `ok`. */
function spyHandlers(impl: (input: unknown) => unknown = () => 'ok') {
  return Object.fromEntries(channels.map((channel) => [channel, vi.fn(impl)])) as unknown as Record<
    Channel,
    ReturnType<typeof vi.fn>
  > &
    Handlers
}

/** Registers on a fake ipcMain, wired exactly as src/main/index.ts wires the real one. */
function setUp(handlers = spyHandlers(), windowContents: WebContents | undefined = fakeContents()) {
  const registered = new Map<string, Listener>()
  const handle = vi.fn((channel: string, listener: Listener) => {
    registered.set(channel, listener)
  })
  const trusted = makeSenderCheck(() => windowContents, makeAppPageCheck(undefined))
  registerIpc({ handle } as unknown as IpcMain, handlers, trusted)
  const call = (channel: string, raw: unknown, event?: IpcMainInvokeEvent) => {
    const listener = registered.get(channel)
    if (!listener) throw new Error(`${channel} is not registered`)
    return listener(event ?? fakeEvent(windowContents!, windowContents!.mainFrame), raw)
  }
  return { handle, handlers, call }
}

describe('registerIpc', () => {
  it('registers every contract channel exactly once, and nothing else', () => {
    const { handle } = setUp()
    const names = handle.mock.calls.map(([channel]) => channel)
    expect(new Set(names).size).toBe(names.length)
    expect([...names].sort()).toEqual([...channels].sort())
  })

  it('passes the validated input to the channel handler and wraps its value', async () => {
    const { handlers, call } = setUp()
    const answer = await call('datasets/generate', {
      rows: 1000,
      seed: 7,
      defaultRate: 0.1,
      name: '  Pune  '
    })
    expect(answer).toEqual({ ok: true, value: 'ok' })
    // zod's parsed value, not the raw one: the name arrives trimmed.
    expect(handlers['datasets/generate']).toHaveBeenCalledWith({
      rows: 1000,
      seed: 7,
      defaultRate: 0.1,
      name: 'Pune'
    })
    expect(handlers['datasets/list']).not.toHaveBeenCalled()
  })

  it('accepts a call without input for channels that take none', async () => {
    const { call } = setUp()
    expect(await call('datasets/list', undefined)).toEqual({ ok: true, value: 'ok' })
  })
})

describe('calls from a sender that is not our window', () => {
  const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN' } }

  it('refuses another webContents on every channel without calling any handler', async () => {
    const { handlers, call } = setUp()
    const stranger = fakeContents()
    for (const channel of channels) {
      expect(await call(channel, {}, fakeEvent(stranger, stranger.mainFrame)), channel).toMatchObject(
        FORBIDDEN
      )
    }
    for (const channel of channels) expect(handlers[channel], channel).not.toHaveBeenCalled()
  })

  it('refuses a subframe of our own window, though it shows the app page', async () => {
    const ours = fakeContents()
    const { handlers, call } = setUp(spyHandlers(), ours)
    const subframe = { url: APP_PAGE } as WebFrameMain
    expect(await call('datasets/list', {}, fakeEvent(ours, subframe))).toMatchObject(FORBIDDEN)
    expect(handlers['datasets/list']).not.toHaveBeenCalled()
    // The same call from the main frame is answered: the refusal is the frame's.
    expect(await call('datasets/list', {}, fakeEvent(ours, ours.mainFrame))).toMatchObject({ ok: true })
  })

  it('refuses another webContents even when the event names our main frame', async () => {
    const ours = fakeContents()
    const { handlers, call } = setUp(spyHandlers(), ours)
    expect(await call('datasets/list', {}, fakeEvent(fakeContents(), ours.mainFrame))).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'Call datasets/list refused: it did not come from the workbench window.'
      }
    })
    expect(handlers['datasets/list']).not.toHaveBeenCalled()
  })

  it('refuses our main frame once it shows a page that is not the app', async () => {
    for (const url of [
      'https://evil.example/',
      'http://localhost:5173/',
      'data:text/html,<script>api()</script>',
      'blob:file:///0b8e5c3a-1f',
      'devtools://devtools/bundled/inspector.html',
      'file://attacker-host/share/index.html'
    ]) {
      const ours = fakeContents(url)
      const { handlers, call } = setUp(spyHandlers(), ours)
      expect(await call('datasets/delete', { id: 1 }), url).toMatchObject(FORBIDDEN)
      expect(handlers['datasets/delete'], url).not.toHaveBeenCalled()
    }
  })

  it('refuses a sender whose frame is gone, or any sender before the window exists', async () => {
    const ours = fakeContents()
    const { handlers, call } = setUp(spyHandlers(), ours)
    expect(await call('datasets/list', {}, fakeEvent(ours, null))).toMatchObject(FORBIDDEN)

    const early = setUp(handlers, undefined)
    expect(await early.call('datasets/list', {}, fakeEvent(ours, ours.mainFrame))).toMatchObject(FORBIDDEN)
    expect(handlers['datasets/list']).not.toHaveBeenCalled()
  })
})

describe('invalid input', () => {
  it('is refused with INVALID_INPUT naming the field, before the handler runs', async () => {
    const { handlers, call } = setUp()
    const answer = await call('datasets/generate', { rows: 5, seed: 1, defaultRate: 0.1 })
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    if (answer.ok) throw new Error('expected a refusal')
    expect(answer.error.message).toMatch(/^rows: /)
    expect(answer.error.details).toMatchObject({ issues: [{ path: ['rows'] }] })
    expect(handlers['datasets/generate']).not.toHaveBeenCalled()
  })

  it('refuses wrong types, unknown keys and a non-object input alike', async () => {
    const { handlers, call } = setUp()
    const wrongType = await call('datasets/get', { id: '1; DROP TABLE datasets' })
    expect(wrongType).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: /^id: / } })
    const extraKey = await call('datasets/delete', { id: 1, path: '/etc/passwd' })
    expect(extraKey).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: /path/ } })
    const notAnObject = await call('datasets/get', 'all')
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(handlers['datasets/get']).not.toHaveBeenCalled()
    expect(handlers['datasets/delete']).not.toHaveBeenCalled()
  })
})

describe('handler errors', () => {
  /** True when a value survives Electron's structured clone as the same plain data. */
  const isPlainData = (value: object) =>
    Object.getPrototypeOf(value) === Object.prototype &&
    JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value)

  it('come back as plain {code, message} objects without a stack', async () => {
    const bug = new TypeError('cannot read properties of undefined')
    const { call } = setUp(
      spyHandlers(() => {
        throw bug
      })
    )
    const answer = await call('datasets/list', {})
    if (answer.ok) throw new Error('expected an error')
    expect(answer.error).toEqual({ code: 'INTERNAL', message: expect.stringContaining(bug.message) })
    expect(isPlainData(answer.error)).toBe(true)
    expect(answer.error).not.toHaveProperty('stack')
    expect(answer.error.message).not.toMatch(/\n\s+at /)
  })

  it('keep a user error code and message, from a rejected promise too', async () => {
    const { call } = setUp(
      spyHandlers(async () => {
        throw new InputError('Column Default is missing. Choose the target column.')
      })
    )
    const answer = await call('datasets/list', {})
    if (answer.ok) throw new Error('expected an error')
    expect(answer.error).toMatchObject({
      code: 'INPUT_ERROR',
      message: 'Column Default is missing. Choose the target column.'
    })
    expect(isPlainData(answer.error)).toBe(true)
    expect(answer.error).not.toBeInstanceOf(Error)
  })

  it('turn a thrown non-Error into a plain error too', async () => {
    const { call } = setUp(
      spyHandlers(() => {
        throw 'disk full'
      })
    )
    expect(await call('datasets/list', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('disk full') }
    })
  })
})
