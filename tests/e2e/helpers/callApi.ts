import type { CallInput, CallOutput, Channel, Envelope } from '../../../src/shared/api'
import type { Bridge } from '../bridge/startBridge'

/**
 * Calls one contract method through the bridge's HTTP API, as the page does, from the test:
 * the expected values of a screen come from the same service call the renderer makes.
 */
export async function callApi<C extends Channel>(
  bridge: Bridge,
  channel: C,
  input: CallInput<C>
): Promise<CallOutput<C>> {
  const response = await fetch(`${bridge.url}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input)
  })
  const envelope = (await response.json()) as Envelope<CallOutput<C>>
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.value
}
