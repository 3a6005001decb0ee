import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '../../../shared/api'
import { call, errorMessage } from '../api/client'

const ACTIVE_DATASET_KEY = 'workbench.activeDatasetId'

function readStoredId(): number | null {
  try {
    const value = Number(window.localStorage.getItem(ACTIVE_DATASET_KEY))
    return Number.isInteger(value) && value > 0 ? value : null
  } catch {
    return null
  }
}

/** What the whole window shares: the app's info (version, database file) and the active dataset. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  const infoError = ref<string | null>(null)
  /** The dataset the Explore screen (and later training) works on; kept across restarts. */
  const activeDatasetId = ref<number | null>(readStoredId())

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
    try {
      if (id === null) window.localStorage.removeItem(ACTIVE_DATASET_KEY)
      else window.localStorage.setItem(ACTIVE_DATASET_KEY, String(id))
    } catch {
      // Storage unavailable: the choice lasts for this session only.
    }
  }

  return { info, infoError, activeDatasetId, loadInfo, setActiveDataset }
})
