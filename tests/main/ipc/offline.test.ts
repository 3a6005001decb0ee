import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Session } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import {
  CONTENT_SECURITY_POLICY,
  lockDownSession,
  makeAppPageCheck,
  makeUrlAllowList
} from '../../../src/main/ipc/offline'

// offline.ts only takes Electron's types; the module is stubbed so nothing real loads.
vi.mock('electron', () => ({}))

type Callback = (response: unknown) => void
type RequestListener = (details: { url: string }, callback: Callback) => void
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: Callback
) => void
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void
) => void
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string) => boolean

const DEV_SERVER = 'http://localhost:5173'

/** Locks down a stand-in session and hands back the listeners it was given. */
function lockedSession(devServerUrl?: string) {
  const got: {
    beforeRequest?: RequestListener
    headersReceived?: HeadersListener
    permissionRequest?: PermissionRequestHandler
    permissionCheck?: PermissionCheckHandler
  } = {}
  const session = {
    webRequest: {
      onBeforeRequest: (listener: RequestListener) => (got.beforeRequest = listener),
      onHeadersReceived: (listener: HeadersListener) => (got.headersReceived = listener)
    },
    setPermissionRequestHandler: (handler: PermissionRequestHandler) => (got.permissionRequest = handler),
    setPermissionCheckHandler: (handler: PermissionCheckHandler) => (got.permissionCheck = handler)
  }
  lockDownSession(session as unknown as Session, makeUrlAllowList(devServerUrl))
  if (!got.beforeRequest || !got.headersReceived || !got.permissionRequest || !got.permissionCheck) {
    throw new Error('lockDownSession left a hook unset')
  }
  const { beforeRequest, headersReceived, permissionRequest, permissionCheck } = got
  /** What onBeforeRequest answers for a URL: true when the request is cancelled. */
  const cancels = (url: string): boolean => {
    const callback = vi.fn()
    beforeRequest({ url }, callback)
    expect(callback).toHaveBeenCalledOnce()
    return (callback.mock.calls[0][0] as { cancel: boolean }).cancel
  }
  return { cancels, headersReceived, permissionRequest, permissionCheck }
}

const REMOTE = [
  'http://example.com/',
  'https://example.com/track.gif',
  'ws://example.com/socket',
  'wss://example.com/socket',
  'https://fonts.googleapis.com/css?family=Roboto',
  'http://127.0.0.1:8080/predict',
  'ftp://example.com/file.csv',
  // A UNC path is a network share (SMB on Windows), not a local file.
  'file://attacker-host/share/payload.png',
  // Look-alikes of the dev server that are other hosts or ports.
  'http://localhost:5173.evil.example/',
  'ws://localhost:5173@evil.example/',
  'http://localhost:51730/',
  'ws://localhost:5174/'
]

describe('lockDownSession', () => {
  it('cancels every request to a remote URL', () => {
    const { cancels } = lockedSession()
    for (const url of REMOTE) expect(cancels(url), url).toBe(true)
  })

  it("lets the app's own files load", () => {
    const { cancels } = lockedSession()
    for (const url of [
      'file:///opt/workbench/resources/app.asar/out/renderer/index.html',
      'file:///C:/Program%20Files/Workbench/resources/app.asar/out/renderer/assets/index.js',
      'file://localhost/opt/workbench/out/renderer/index.html'
    ]) {
      expect(cancels(url), url).toBe(false)
    }
  })

  it('cancels even the dev server when the app is not in development', () => {
    const { cancels } = lockedSession(undefined)
    expect(cancels(`${DEV_SERVER}/src/main.ts`)).toBe(true)
  })

  it('sets the CSP header on every response, keeping the other headers', () => {
    const { headersReceived } = lockedSession()
    const callback = vi.fn()
    headersReceived(
      { url: 'file:///app/index.html', responseHeaders: { 'Content-Type': ['text/html'] } },
      callback
    )
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })

  it('replaces a weaker CSP header sent by the server', () => {
    const { headersReceived } = lockedSession(DEV_SERVER)
    const callback = vi.fn()
    const weak = { 'Content-Security-Policy': ["script-src * 'unsafe-eval'"] }
    headersReceived({ url: `${DEV_SERVER}/`, responseHeaders: weak }, callback)
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })

  it('denies every permission request and every permission check', () => {
    const { permissionRequest, permissionCheck } = lockedSession()
    const permissions = [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'fullscreen',
      'openExternal',
      'hid',
      'serial',
      'usb'
    ]
    for (const permission of permissions) {
      const callback = vi.fn()
      permissionRequest({}, permission, callback)
      expect(callback, permission).toHaveBeenCalledWith(false)
      expect(permissionCheck({}, permission, 'file:///'), permission).toBe(false)
    }
  })
})

describe('makeUrlAllowList', () => {
  it('allows local files and in-memory URLs, and no http(s) at all without a dev server', () => {
    const allowed = makeUrlAllowList(undefined)
    expect(allowed('file:///opt/workbench/out/renderer/index.html')).toBe(true)
    expect(allowed('data:image/png;base64,iVBORw0KGgo=')).toBe(true)
    expect(allowed('blob:file:///5b0d2c1e-0000-4000-8000-000000000000')).toBe(true)
    expect(allowed('devtools://devtools/bundled/inspector.html')).toBe(true)
    for (const url of [...REMOTE, `${DEV_SERVER}/`, 'https://localhost/'])
      expect(allowed(url), url).toBe(false)
  })

  it("allows the dev server's origin and its hot-reload socket in development, nothing else", () => {
    const allowed = makeUrlAllowList(DEV_SERVER)
    for (const url of [
      DEV_SERVER,
      `${DEV_SERVER}/`,
      `${DEV_SERVER}/src/main.ts?t=1`,
      'ws://localhost:5173/'
    ]) {
      expect(allowed(url), url).toBe(true)
    }
    for (const url of REMOTE) expect(allowed(url), url).toBe(false)
  })

  it('allows in-memory and devtools URLs by their scheme only, not by a look-alike inside a remote URL', () => {
    const allowed = makeUrlAllowList(DEV_SERVER)
    for (const url of [
      'https://evil.example/data:text/html,x',
      'https://evil.example/?next=blob:file:///1',
      'wss://evil.example/devtools://x'
    ]) {
      expect(allowed(url), url).toBe(false)
    }
  })

  it('refuses what is not a URL', () => {
    const allowed = makeUrlAllowList(DEV_SERVER)
    for (const url of ['', 'localhost:5173', '//example.com/x', 'javascript:alert(1)']) {
      expect(allowed(url), url).toBe(false)
    }
  })
})

describe('makeAppPageCheck', () => {
  it("accepts only the app's page: a local file, or the dev server in development", () => {
    const isAppPage = makeAppPageCheck(DEV_SERVER)
    expect(isAppPage('file:///opt/workbench/out/renderer/index.html#/explore')).toBe(true)
    expect(isAppPage(`${DEV_SERVER}/#/data`)).toBe(true)
    for (const url of [
      ...REMOTE,
      'ws://localhost:5173/',
      'data:text/html,<h1>hi</h1>',
      'blob:file:///5b0d2c1e',
      'devtools://devtools/bundled/inspector.html',
      'about:blank'
    ]) {
      expect(isAppPage(url), url).toBe(false)
    }
    expect(makeAppPageCheck(undefined)(`${DEV_SERVER}/`)).toBe(false)
  })
})

/** A CSP as a map from directive name to its source list. */
function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (!name) continue
    expect(directives.has(name), `directive ${name} given twice`).toBe(false)
    directives.set(name.toLowerCase(), sources)
  }
  return directives
}

/** The CSP of src/renderer/index.html's <meta http-equiv> tag. */
function metaCsp(): string {
  const html = readFileSync(join(__dirname, '../../../src/renderer/index.html'), 'utf8')
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0])
  const csp = metas.filter((tag) => /http-equiv\s*=\s*["']Content-Security-Policy["']/i.test(tag))
  expect(csp, 'exactly one CSP <meta> in index.html').toHaveLength(1)
  const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(csp[0])
  if (!content) throw new Error('The CSP <meta> tag has no content attribute')
  return content[1]
}

describe.each([
  ['the session header (CONTENT_SECURITY_POLICY)', () => CONTENT_SECURITY_POLICY],
  ['the <meta> tag in src/renderer/index.html', metaCsp]
])('Content-Security-Policy of %s', (_where, policy) => {
  it("defaults to 'none' and allows scripts from the app itself only", () => {
    const csp = parseCsp(policy())
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.get('script-src')).toEqual(["'self'"])
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
  })

  it('never allows eval, and inline code nowhere but in styles', () => {
    const csp = parseCsp(policy())
    for (const [directive, sources] of csp) {
      expect(sources, directive).not.toContain("'unsafe-eval'")
      expect(sources, directive).not.toContain("'wasm-unsafe-eval'")
      if (directive !== 'style-src') expect(sources, directive).not.toContain("'unsafe-inline'")
    }
  })

  it('names no remote source in any directive', () => {
    for (const [directive, sources] of parseCsp(policy())) {
      for (const source of sources) {
        expect(source, directive).not.toMatch(/^(\*|https?:|wss?:|ftp:|file:)|\.[a-z]{2,}(:\d+)?(\/|$)/i)
      }
    }
  })
})

it('the <meta> CSP and the session header agree on every directive a <meta> can carry', () => {
  const header = parseCsp(CONTENT_SECURITY_POLICY)
  // frame-ancestors is ignored in a <meta> tag; it only works as a header.
  header.delete('frame-ancestors')
  expect(Object.fromEntries(parseCsp(metaCsp()))).toEqual(Object.fromEntries(header))
})
