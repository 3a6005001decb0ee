import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '../../../shared/api'
import { call, errorMessage } from '../api/client'

const ACTIVE_DATASET_KEY = 'workbench.activeDatasetId'
const MODE_KEY = 'workbench.mode'
const USER_KEY = 'workbench.userName'

/** Who uses the window: a branch officer (Score and History, plain words) or a risk analyst (everything). */
export type AppMode = 'officer' | 'analyst'

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key)
    else window.localStorage.setItem(key, value)
  } catch {
    // Storage unavailable: the choice lasts for this session only.
  }
}

function readStoredId(): number | null {
  const value = Number(read(ACTIVE_DATASET_KEY))
  return Number.isInteger(value) && value > 0 ? value : null
}

/**
 * What the whole window shares: the app's info (version, database file, bank and branch),
 * the active dataset, the view (officer or analyst) and the user's name, kept across restarts.
 */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const infoError = ref<string | null>(null)
  /** The dataset the Explore screen (and later training) works on; kept across restarts. */
  const activeDatasetId = ref<number | null>(readStoredId())
  const mode = ref<AppMode>(read(MODE_KEY) === 'officer' ? 'officer' : 'analyst')
  /** Who makes overrides and approvals on this computer (asked once, kept). */
  const userName = ref(read(USER_KEY) ?? '')

  async function loadInfo(): Promise<void> {
    try {
      info.value = await call('app/info', {})
      infoError.value = null
    } catch (error) {
      infoError.value = errorMessage(error)
    }
  }

  function setActiveDataset(id: number | null): void {
    activeDatasetId.value = id
    write(ACTIVE_DATASET_KEY, id === null ? null : String(id))
  }

  function setMode(next: AppMode): void {
    mode.value = next
    write(MODE_KEY, next)
  }

  function setUserName(name: string): void {
    userName.value = name.trim()
    write(USER_KEY, userName.value || null)
  }

  async function setBranch(bank: string, branch: string): Promise<void> {
    info.value = await call('app/setBranch', { bank, branch })
  }

  return {
    info,
    infoError,
    activeDatasetId,
    mode,
    userName,
    loadInfo,
    setActiveDataset,
    setMode,
    setUserName,
    setBranch
  }
})
