import { describe, expect, it } from 'vitest'
import { channels, type Envelope, type WindowApi } from '../../../src/shared/api'
import { ApiError, createClient, errorMessage } from '../../../src/renderer/src/api/client'

/** A window.api whose every call answers with `answer`, recording what it was asked. */
function fakeApi(answer: Envelope<unknown>): { api: WindowApi; asked: [string, unknown][] } {
  const asked: [string, unknown][] = []
  const api: Record<string, unknown> = {}
  for (const channel of channels) {
    api[channel] = async (input: unknown) => {
      asked.push([channel, input])
      return answer
    }
  }
  api.on = () => () => undefined
  api.registerDroppedFile = async () => answer
  return { api: api as WindowApi, asked }
}

describe('createClient', () => {
  it('calls the channel with the input and resolves to the value', async () => {
    const { api, asked } = fakeApi({ ok: true, value: [] })
    await expect(createClient(api).call('datasets/list', {})).resolves.toEqual([])
    expect(asked).toEqual([['datasets/list', {}]])
  })

  it('rejects with an ApiError carrying main’s code, message and details', async () => {
    const { api } = fakeApi({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'There is no dataset 9.', details: { id: 9 } }
    })
    const failure = createClient(api).call('datasets/get', { id: 9 })
    await expect(failure).rejects.toBeInstanceOf(ApiError)
    await expect(failure).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no dataset 9.',
      details: { id: 9 }
    })
  })

  it('unwraps the handle of a dropped file', async () => {
    const picked = { handle: 'file-12345678', fileName: 'a.csv', sizeBytes: 3 }
    const { api } = fakeApi({ ok: true, value: picked })
    await expect(createClient(api).registerDroppedFile({} as File)).resolves.toEqual(picked)
  })
})

describe('errorMessage', () => {
  it('shows main’s message as is and names an unexpected failure', () => {
    expect(errorMessage(new ApiError({ code: 'INPUT_ERROR', message: 'rows: too small' }))).toBe(
      'rows: too small'
    )
    expect(errorMessage(new Error('boom'))).toBe('Something went wrong in the window: boom')
    expect(errorMessage('plain words')).toBe('plain words')
  })
})
