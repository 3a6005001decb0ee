import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channels, eventNames } from '../../src/shared/api'
import { bridgeClientScript } from './bridge/clientScript'
import { injectBridgeScript, startBridge, type Bridge } from './bridge/startBridge'

// The test bridge must give the page exactly what the preload gives it, and nothing of
// its own: these pin that down without a browser.

describe('bridge client script', () => {
  it('defines window.api with one function per contract call, plus on and registerDroppedFile', () => {
    const window: Record<string, unknown> = {}
    const subscribed: string[] = []
    class FakeEventSource {
      constructor(readonly url: string) {}
      addEventListener(name: string): void {
        subscribed.push(name)
      }
    }
    runInNewContext(bridgeClientScript(), { window, EventSource: FakeEventSource, fetch: () => undefined })
    const api = window.api as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...channels, 'on', 'registerDroppedFile'].sort())
    for (const key of Object.keys(api)) expect(typeof api[key]).toBe('function')
    expect(subscribed).toEqual(eventNames)
    expect(Object.isFrozen(api)).toBe(true)
  })

  it('loads before the app’s module script', () => {
    const html = '<head><script type="module" crossorigin src="./assets/index.js"></script></head>'
    const injected = injectBridgeScript(html)
    expect(injected.indexOf('bridge-api.js')).toBeLessThan(injected.indexOf('type="module"'))
    expect(() => injectBridgeScript('<head></head>')).toThrow(/no module script/)
  })
})

describe('bridge server', () => {
  let dir: string
  let bridge: Bridge

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ptm-bridge-'))
    bridge = await startBridge({ dbPath: join(dir, 'bridge.db') })
  })

  afterAll(async () => {
    await bridge?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  const post = async (path: string, body: unknown): Promise<{ status: number; json: unknown }> => {
    const response = await fetch(new URL(path, bridge.url), { method: 'POST', body: JSON.stringify(body) })
    return { status: response.status, json: await response.json() }
  }

  it('answers a call with the envelope main’s dispatcher returns', async () => {
    expect(await post('/api/datasets/list', {})).toEqual({ status: 200, json: { ok: true, value: [] } })
  })

  it('validates input with the contract’s schema, as IPC does', async () => {
    const { json } = await post('/api/datasets/get', { id: -1 })
    expect(json).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('refuses a channel the contract does not have', async () => {
    expect((await post('/api/fs/readFile', { path: '/etc/passwd' })).status).toBe(404)
  })

  it('serves only the built renderer, with the app’s CSP', async () => {
    const index = await fetch(bridge.url)
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await index.text()).toContain('bridge-api.js')
    const escape = await fetch(new URL('/..%2f..%2fpackage.json', bridge.url))
    expect(escape.status).toBe(404)
  })
})
