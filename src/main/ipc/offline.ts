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

/** True for the URLs the app may load: its own files, devtools, and the dev server when given. */
export function makeUrlAllowList(devServerUrl: string | undefined): (url: string) => boolean {
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : undefined
  return (url) => {
    if (url.startsWith('file://') || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:')) return true
    if (devOrigin && (url.startsWith(`${devOrigin}/`) || url === devOrigin || url.startsWith(devOrigin.replace('http', 'ws')))) return true
    return false
  }
}
