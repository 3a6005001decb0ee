import { contextBridge, ipcRenderer, webUtils } from 'electron'
import {
  channels,
  eventNames,
  type Channel,
  type EventName,
  type Events,
  type WindowApi
} from '../shared/api'

// The renderer gets exactly the contract's calls and events, never ipcRenderer itself.
const api: Record<string, unknown> = {}
for (const channel of channels) {
  api[channel] = (input: unknown) => ipcRenderer.invoke(channel satisfies Channel, input)
}
api.on = <E extends EventName>(event: E, listener: (payload: Events[E]) => void): (() => void) => {
  if (!eventNames.includes(event)) throw new Error(`Unknown event ${String(event)}`)
  const wrapped = (_e: unknown, payload: Events[E]): void => listener(payload)
  ipcRenderer.on(event, wrapped)
  return () => ipcRenderer.removeListener(event, wrapped)
}
api.registerDroppedFile = (file: File) =>
  ipcRenderer.invoke('files/registerDrop', webUtils.getPathForFile(file))

contextBridge.exposeInMainWorld('api', api as WindowApi)
