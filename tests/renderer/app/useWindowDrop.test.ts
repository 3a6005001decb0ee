import { beforeEach, describe, expect, it, vi } from 'vitest'

// The stores, the router and the notices stand in for the app: the test reads which flow a
// dropped file was handed to, and what the user was told.
const { showError, fromDrop, dropFile, push, route, models } = vi.hoisted(() => ({
  showError: vi.fn(),
  fromDrop: vi.fn(),
  dropFile: vi.fn(),
  push: vi.fn(),
  route: { name: 'data' as string },
  models: { activeModel: null as { id: number } | null }
}))
vi.mock('../../../src/renderer/src/ui', () => ({ showError }))
vi.mock('vue-router', () => ({ useRoute: () => route, useRouter: () => ({ push }) }))
vi.mock('../../../src/renderer/src/features/data/importStore', () => ({
  useImportStore: () => ({ fromDrop })
}))
vi.mock('../../../src/renderer/src/features/score/scoreStore', () => ({
  useScoreStore: () => ({ dropFile, tab: 'one' })
}))
vi.mock('../../../src/renderer/src/stores/modelStore', () => ({ useModelStore: () => models }))

import { useWindowDrop } from '../../../src/renderer/src/app/useWindowDrop'

/** A drop event carrying one file of this name (only the parts the handler reads). */
function dropOf(name: string): DragEvent {
  return {
    preventDefault: vi.fn(),
    dataTransfer: { types: ['Files'], files: [{ name }] }
  } as unknown as DragEvent
}

describe('useWindowDrop: a file dropped on the window', () => {
  beforeEach(() => {
    for (const f of [showError, fromDrop, dropFile, push]) f.mockReset()
    route.name = 'data'
    models.activeModel = null
  })

  it.each(['book.xlsx', 'report.pdf', 'loans.csv.zip', 'photo.png'])(
    'refuses %s as not a CSV file and hands it to no flow',
    async (name) => {
      await useWindowDrop().onDrop(dropOf(name))
      expect(showError).toHaveBeenCalledWith(
        `"${name}" is not a CSV file. Drop a .csv file exported from your loan system.`
      )
      expect(fromDrop).not.toHaveBeenCalled()
      expect(dropFile).not.toHaveBeenCalled()
      expect(push).not.toHaveBeenCalled()
    }
  )

  it.each(['loans.csv', 'LOANS.CSV', 'book.tsv', 'export.txt'])(
    'imports %s on the Data screen',
    async (name) => {
      await useWindowDrop().onDrop(dropOf(name))
      expect(showError).not.toHaveBeenCalled()
      expect(push).toHaveBeenCalledWith('/data')
      expect(fromDrop).toHaveBeenCalledWith({ name })
    }
  )

  it('scores the file as a batch on the Score screen when a model is active', async () => {
    route.name = 'score'
    models.activeModel = { id: 7 }
    await useWindowDrop().onDrop(dropOf('applicants.csv'))
    expect(dropFile).toHaveBeenCalledWith({ name: 'applicants.csv' }, 7)
    expect(fromDrop).not.toHaveBeenCalled()
  })

  it('shows the drop overlay while files are dragged over the window, and only for files', () => {
    const drop = useWindowDrop()
    const files = { types: ['Files'] }
    drop.onDragEnter({ dataTransfer: files } as unknown as DragEvent)
    drop.onDragEnter({ dataTransfer: files } as unknown as DragEvent)
    expect(drop.dragging.value).toBe(true)
    drop.onDragLeave({ dataTransfer: files } as unknown as DragEvent)
    expect(drop.dragging.value).toBe(true)
    drop.onDragLeave({ dataTransfer: files } as unknown as DragEvent)
    expect(drop.dragging.value).toBe(false)
    drop.onDragEnter({ dataTransfer: { types: ['text/plain'] } } as unknown as DragEvent)
    expect(drop.dragging.value).toBe(false)
  })
})
