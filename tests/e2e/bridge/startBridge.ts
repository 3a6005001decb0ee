import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, extname, join, resolve, sep } from 'node:path'
import { channels, type Channel, type Envelope, type EventName, type Events } from '../../../src/shared/api'
import { Workbench } from '../../../src/main/core/service/Workbench'
import { createHandlers } from '../../../src/main/ipc/createHandlers'
import { FileRegistry } from '../../../src/main/ipc/FileAccess'
import { toErrorInfo } from '../../../src/main/core/service/toErrorInfo'
import { CONTENT_SECURITY_POLICY } from '../../../src/main/ipc/offline'
import { dispatch } from '../../../src/main/ipc/registerIpc'
import { jobEventSink } from '../../../src/main/jobs/jobEvents'
import { JobManager } from '../../../src/main/jobs/JobManager'
import { bridgeClientScript } from './clientScript'
import { TestDialogs } from './TestDialogs'

export { TestDialogs }

const REPO_ROOT = resolve(__dirname, '../../..')
const MAX_BODY_BYTES = 64 * 1024 * 1024

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
}

export interface BridgeOptions {
  /** The SQLite file the real service opens (a temp file per test). */
  dbPath: string
  /** Stand-ins for main's open/save dialogs; the test queues the answers. */
  dialogs?: TestDialogs
  /** The built renderer (electron-vite build). */
  rendererDir?: string
}

export interface Bridge {
  /** The app's URL: http://127.0.0.1:<port>/ */
  url: string
  dialogs: TestDialogs
  service: Workbench
  jobs: JobManager
  /** How many pages hold the event stream open (a page is ready for events once this is ≥ 1). */
  eventClients(): number
  close(): Promise<void>
}

/**
 * Serves the built renderer on loopback with window.api bridged to the real handlers:
 * the same Workbench, JobManager, FileRegistry, createHandlers and dispatch the app's
 * IPC uses. The bridge only moves bytes; every call's validation and work is main's.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const rendererDir = resolve(options.rendererDir ?? join(REPO_ROOT, 'out/renderer'))
  const indexPath = join(rendererDir, 'index.html')
  if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing: run "npx electron-vite build" first.`)
  const indexHtml = injectBridgeScript(readFileSync(indexPath, 'utf8'))
  const clientScript = bridgeClientScript()
  const dialogs = options.dialogs ?? new TestDialogs()
  const uploadDir = mkdtempSync(join(tmpdir(), 'ptm-bridge-uploads-'))
  const version = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
    .version

  const streams = new Set<ServerResponse>()
  const send = <E extends EventName>(event: E, payload: Events[E]): void => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
    for (const stream of streams) stream.write(frame)
  }

  const service = Workbench.open(options.dbPath)
  // The same events src/main/index.ts sends to the window.
  const jobs = new JobManager(options.dbPath, jobEventSink(send))
  const files = new FileRegistry()
  const handlers = createHandlers({ service, jobs, files, dialogs, version })

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String(error))
    })
  })

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const path = decodeURIComponent(url.pathname)
    if (path.startsWith('/api/')) {
      const channel = path.slice('/api/'.length)
      if (req.method !== 'POST' || !isChannel(channel))
        return sendJson(res, 404, { error: `No call ${channel}` })
      let raw: unknown
      try {
        const body = await readBody(req)
        raw = body.length ? JSON.parse(body.toString('utf8')) : {}
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'INVALID_INPUT', message: 'The request body is not JSON.' }
        })
      }
      return sendJson(res, 200, await dispatch(handlers, channel, raw))
    }
    if (path === '/events' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive'
      })
      res.write(': connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }
    if (path === '/upload' && req.method === 'POST') {
      // Stands in for the preload's webUtils.getPathForFile: the file lands on disk and main registers that path.
      let envelope: Envelope<unknown>
      try {
        const name = basename(url.searchParams.get('name') ?? 'dropped.csv') || 'dropped.csv'
        const dir = join(uploadDir, randomUUID())
        mkdirSync(dir)
        const filePath = join(dir, name)
        writeFileSync(filePath, await readBody(req))
        envelope = { ok: true, value: files.register(filePath) }
      } catch (error) {
        envelope = { ok: false, error: toErrorInfo(error) }
      }
      return sendJson(res, 200, envelope)
    }
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'Method not allowed' })
    if (path === '/bridge-api.js') return sendText(res, 200, clientScript, CONTENT_TYPES['.js'])
    // Chromium asks for a favicon; the app (a file:// page in Electron) has none to give.
    if (path === '/favicon.ico') return sendText(res, 204, '', 'image/x-icon')
    if (path === '/' || path === '/index.html') return sendText(res, 200, indexHtml, CONTENT_TYPES['.html'])
    const file = resolve(rendererDir, `.${path}`)
    if (!file.startsWith(rendererDir + sep) || !existsSync(file))
      return sendText(res, 404, 'Not found', 'text/plain')
    return sendText(res, 200, readFileSync(file), CONTENT_TYPES[extname(file)] ?? 'application/octet-stream')
  }

  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/`,
    dialogs,
    service,
    jobs,
    eventClients: () => streams.size,
    async close() {
      for (const stream of streams) stream.end()
      streams.clear()
      server.closeAllConnections()
      await new Promise<void>((resolveClose) => server.close(() => resolveClose()))
      await jobs.shutdown()
      service.close()
      rmSync(uploadDir, { recursive: true, force: true })
    }
  }
}

function isChannel(name: string): name is Channel {
  return (channels as string[]).includes(name)
}

/** Loads /bridge-api.js (a classic script, so it runs before the deferred module) ahead of the app's module script. */
export function injectBridgeScript(html: string): string {
  const moduleScript = html.indexOf('<script type="module"')
  if (moduleScript < 0)
    throw new Error('The built index.html has no module script to load the bridge before.')
  return `${html.slice(0, moduleScript)}<script src="./bridge-api.js"></script>\n    ${html.slice(moduleScript)}`
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Request body too large'))
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolveBody(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

// Same headers on every response, as the app's session sets the CSP on every response.
function sendText(res: ServerResponse, status: number, body: string | Buffer, contentType: string): void {
  res.writeHead(status, {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'cache-control': 'no-store'
  })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  sendText(res, status, JSON.stringify(value), 'application/json')
}
