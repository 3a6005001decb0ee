import { ElMessage } from 'element-plus'
import { errorMessage } from '../api/client'

/** Tells the user, in words, what went wrong (main's message as is: it says what, where and what to do). */
export function showError(error: unknown, prefix?: string): void {
  const text = errorMessage(error)
  ElMessage({ type: 'error', message: prefix ? `${prefix}: ${text}` : text, duration: 8000, showClose: true, grouping: true })
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message, duration: 4000, showClose: true })
}

export function showInfo(message: string): void {
  ElMessage({ type: 'info', message, duration: 4000, showClose: true })
}
