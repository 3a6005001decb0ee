import { ElMessage } from 'element-plus'
import { errorMessage } from '../api/client'

// Below the header, so a message never hides the active dataset.
const MESSAGE_OFFSET = 64

/** Tells the user, in words, what went wrong (main's message as is: it says what, where and what to do). */
export function showError(error: unknown, prefix?: string): void {
  const text = errorMessage(error)
  ElMessage({
    type: 'error',
    message: prefix ? `${prefix}: ${text}` : text,
    duration: 8000,
    showClose: true,
    grouping: true,
    offset: MESSAGE_OFFSET
  })
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message, duration: 4000, showClose: true, offset: MESSAGE_OFFSET })
}

export function showInfo(message: string): void {
  ElMessage({ type: 'info', message, duration: 4000, showClose: true, offset: MESSAGE_OFFSET })
}
