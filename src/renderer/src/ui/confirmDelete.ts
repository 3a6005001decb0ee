import { ElMessageBox } from 'element-plus'
import { showError, showSuccess } from './notify'

/** A deletion the user is asked to confirm, and the words around it. */
export interface DeleteRequest {
  /** The dialog's title ("Delete dataset"). */
  title: string
  /** What goes, what stays, and that it cannot be undone. */
  message: string
  /** Deletes; called only once the user has confirmed. */
  remove: () => Promise<unknown>
  /** Said once it is deleted ("Deleted model #3."). */
  deleted: string
  /** Put before main's message when deleting fails ("Could not delete the model"). */
  failure: string
}

/**
 * Asks before deleting, then deletes and says how it went. Keeping it (the Keep it button,
 * Escape, the close button) deletes nothing and says nothing. Resolves true when deleted.
 */
export async function confirmDelete(request: DeleteRequest): Promise<boolean> {
  try {
    await ElMessageBox.confirm(request.message, request.title, {
      type: 'warning',
      confirmButtonText: 'Delete',
      cancelButtonText: 'Keep it',
      confirmButtonClass: 'el-button--danger'
    })
  } catch {
    // Element Plus rejects when the box is closed without confirming.
    return false
  }
  try {
    await request.remove()
  } catch (e) {
    showError(e, request.failure)
    return false
  }
  showSuccess(request.deleted)
  return true
}
