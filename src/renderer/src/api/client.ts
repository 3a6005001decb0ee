import { t } from '../i18n'
import type {
  CallInput,
  CallOutput,
  Channel,
  Envelope,
  EventName,
  Events,
  PickedFile,
  WindowApi
} from '../../../shared/api'
import type { ErrorInfo } from '../../../shared/dto'

/** A call that main answered with an error: the plain {code, message, details} of the contract. */
export class ApiError extends Error {
  readonly code: string
  readonly details?: Record<string, unknown>

  constructor(info: ErrorInfo) {
    super(info.message)
    this.name = 'ApiError'
    this.code = info.code
    this.details = info.details
  }
}

/** The typed client over a window.api: resolves to the value, rejects with ApiError. */
export interface ApiClient {
  call<C extends Channel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  registerDroppedFile(file: File): Promise<PickedFile>
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value
  throw new ApiError(envelope.error)
}

/** Builds the client over an api object (window.api in the app, a fake one in tests). */
export function createClient(api: WindowApi): ApiClient {
  return {
    async call<C extends Channel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>> {
      const fn = api[channel] as (input: CallInput<C>) => Promise<Envelope<CallOutput<C>>>
      return unwrap(await fn(input))
    },
    on: (event, listener) => api.on(event, listener),
    async registerDroppedFile(file) {
      return unwrap(await api.registerDroppedFile(file))
    }
  }
}

let defaultClient: ApiClient | undefined

function client(): ApiClient {
  return (defaultClient ??= createClient(window.api))
}

/** Calls main through window.api; throws ApiError when main answers with an error. */
export function call<C extends Channel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>> {
  return client().call(channel, input)
}

/** Subscribes to an event main pushes; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return client().on(event, listener)
}

/** Registers a file dropped on the window; main keeps its path, the renderer gets a handle. */
export function registerDroppedFile(file: File): Promise<PickedFile> {
  return client().registerDroppedFile(file)
}

/** The words to show a user for any error a call or an action raised. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof Error) return t('common.windowError', { message: error.message })
  return String(error)
}
