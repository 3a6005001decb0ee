import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import { calls, channels, type Channel, type Envelope } from '../../shared/api'
import type { Handlers } from './createHandlers'
import { toErrorInfo } from '../core/service/toErrorInfo'

/**
 * Registers one ipcMain handler per contract call. Each validates its input with the
 * contract's zod schema, refuses calls that do not come from our own window's main
 * frame, and answers with an envelope, so errors reach the renderer as plain objects.
 */
export function registerIpc(
  ipcMain: IpcMain,
  handlers: Handlers,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean
): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, raw: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event)) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: `Call ${channel} refused: it did not come from the workbench window.`
          }
        }
      }
      return dispatch(handlers, channel, raw)
    })
  }
}

/** Validates and runs one call; never throws. */
export async function dispatch(
  handlers: Handlers,
  channel: Channel,
  raw: unknown
): Promise<Envelope<unknown>> {
  try {
    const input = calls[channel].input.parse(raw ?? {})
    const handler = handlers[channel] as (input: unknown) => unknown
    return { ok: true, value: await handler(input) }
  } catch (error) {
    return { ok: false, error: toErrorInfo(error) }
  }
}

/**
 * A sender is trusted when it is the main frame of our window and its page is the
 * app's own (the built file or, in development, the dev server).
 */
export function makeSenderCheck(
  getWindowContents: () => WebContents | undefined,
  allowedUrl: (url: string) => boolean
) {
  return (event: IpcMainInvokeEvent): boolean => {
    const contents = getWindowContents()
    if (!contents || event.sender !== contents) return false
    const frame = event.senderFrame
    if (!frame || frame !== contents.mainFrame) return false
    return allowedUrl(frame.url)
  }
}
