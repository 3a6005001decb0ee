import { computed, ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { useImportStore } from '../features/data/importStore'
import { useScoreStore } from '../features/score/scoreStore'
import { useModelStore } from '../stores/modelStore'
import { showError } from '../ui'

/**
 * A CSV file dropped anywhere on the window: scored as a batch on the Score screen (when a
 * model is active), imported everywhere else. Gives the handlers for the window's drag
 * events and whether a file is being dragged over it (to show the drop overlay).
 */
export function useWindowDrop() {
  const models = useModelStore()
  const importFlow = useImportStore()
  const scoreFlow = useScoreStore()
  const router = useRouter()
  const route = useRoute()
  const dragging = ref(false)
  // dragenter and dragleave fire for every child crossed: count them to know when we left.
  let depth = 0

  const dropsToScore = computed(() => route.name === 'score' && models.activeModel !== null)

  function hasFiles(event: DragEvent): boolean {
    return event.dataTransfer?.types.includes('Files') ?? false
  }

  function onDragEnter(event: DragEvent): void {
    if (!hasFiles(event)) return
    depth++
    dragging.value = true
  }

  function onDragOver(event: DragEvent): void {
    // Accepting the drag here is what lets the drop reach us instead of navigating.
    if (!hasFiles(event)) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
  }

  function onDragLeave(event: DragEvent): void {
    if (!hasFiles(event)) return
    depth = Math.max(0, depth - 1)
    if (depth === 0) dragging.value = false
  }

  async function onDrop(event: DragEvent): Promise<void> {
    event.preventDefault()
    depth = 0
    dragging.value = false
    const file = event.dataTransfer?.files[0]
    if (!file) return
    if (!/\.(csv|tsv|txt)$/i.test(file.name)) {
      showError(`"${file.name}" is not a CSV file. Drop a .csv file exported from your loan system.`)
      return
    }
    try {
      const activeModel = models.activeModel
      if (dropsToScore.value && activeModel) {
        scoreFlow.tab = 'batch'
        await scoreFlow.dropFile(file, activeModel.id)
      } else {
        await router.push('/data')
        await importFlow.fromDrop(file)
      }
    } catch (e) {
      showError(e, `Could not open ${file.name}`)
    }
  }

  return { dragging, dropsToScore, onDragEnter, onDragOver, onDragLeave, onDrop }
}
