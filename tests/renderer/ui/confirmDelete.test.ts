import { beforeEach, describe, expect, it, vi } from 'vitest'
import { confirmDelete } from '../../../src/renderer/src/ui/confirmDelete'

// The message box and the notices stand in for Element Plus: the test reads what was asked and said.
const { confirm, showError, showSuccess } = vi.hoisted(() => ({
  confirm: vi.fn<() => Promise<unknown>>(),
  showError: vi.fn(),
  showSuccess: vi.fn()
}))
vi.mock('element-plus', () => ({ ElMessageBox: { confirm } }))
vi.mock('../../../src/renderer/src/ui/notify', () => ({ showError, showSuccess }))

function request(remove: () => Promise<unknown>): Parameters<typeof confirmDelete>[0] {
  return {
    title: 'Delete model',
    message: 'Delete model #3 “Forest”? This cannot be undone.',
    remove,
    deleted: 'Deleted model #3.',
    failure: 'Could not delete the model'
  }
}

describe('confirmDelete', () => {
  beforeEach(() => {
    confirm.mockReset()
    showError.mockReset()
    showSuccess.mockReset()
  })

  it('asks with Delete as a danger button and Keep it, then deletes and says so', async () => {
    confirm.mockResolvedValue('confirm')
    const remove = vi.fn(async () => undefined)
    await expect(confirmDelete(request(remove))).resolves.toBe(true)
    expect(confirm).toHaveBeenCalledWith('Delete model #3 “Forest”? This cannot be undone.', 'Delete model', {
      type: 'warning',
      confirmButtonText: 'Delete',
      cancelButtonText: 'Keep it',
      confirmButtonClass: 'el-button--danger'
    })
    expect(remove).toHaveBeenCalledOnce()
    expect(showSuccess).toHaveBeenCalledWith('Deleted model #3.')
    expect(showError).not.toHaveBeenCalled()
  })

  it('deletes nothing and says nothing when the user keeps it', async () => {
    // Element Plus rejects with 'cancel' (Keep it) or 'close' (Escape, the close button).
    confirm.mockRejectedValue('cancel')
    const remove = vi.fn(async () => undefined)
    await expect(confirmDelete(request(remove))).resolves.toBe(false)
    expect(remove).not.toHaveBeenCalled()
    expect(showSuccess).not.toHaveBeenCalled()
    expect(showError).not.toHaveBeenCalled()
  })

  it('shows main’s reason after the failure prefix when deleting fails', async () => {
    confirm.mockResolvedValue('confirm')
    const failure = new Error('There is no model 3.')
    await expect(confirmDelete(request(() => Promise.reject(failure)))).resolves.toBe(false)
    expect(showError).toHaveBeenCalledWith(failure, 'Could not delete the model')
    expect(showSuccess).not.toHaveBeenCalled()
  })
})
