import type { Session } from 'electron'

/** The renderer's Content-Security-Policy: our own scripts and styles only, nothing remote. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

/**
 * Makes the app offline by construction: every request that is not for the app's own
 * files (or, in development, the dev server) is cancelled, every permission request is
 * denied, and the CSP header is set on every response.
 */
export function lockDownSession(session: Session, allowedUrl: (url: string) => boolean): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !allowedUrl(details.url) })
  })
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] }
    })
  })
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}

/**
 * True for the pages that are the app itself: a local file (the built renderer) or, in
 * development, a page of the dev server. Only such a page may call main (the IPC sender check).
 */
export function makeAppPageCheck(devServerUrl: string | undefined): (url: string) => boolean {
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined
  return (url) => {
    const parsed = URL.canParse(url) ? new URL(url) : undefined
    if (!parsed) return false
    // file://host/share is a network share (SMB on Windows): remote, however local it looks.
    if (parsed.protocol === 'file:') return parsed.host === ''
    return devOrigin !== undefined && parsed.origin === devOrigin
  }
}

/**
 * True for the URLs the app may load: its own pages (above), devtools, in-memory data and
 * blob URLs, and the dev server's hot-reload socket. Origins are compared parsed, never
 * by prefix: `ws://localhost:5173@evil.example` must not pass for the dev server.
 */
export function makeUrlAllowList(devServerUrl: string | undefined): (url: string) => boolean {
  const isAppPage = makeAppPageCheck(devServerUrl)
  const devSocketOrigin = devServerUrl ? new URL(devServerUrl).origin.replace(/^http/, 'ws') : undefined
  return (url) => {
    if (isAppPage(url)) return true
    if (/^(devtools|data|blob):/.test(url)) return true
    return devSocketOrigin !== undefined && URL.canParse(url) && new URL(url).origin === devSocketOrigin
  }
}
