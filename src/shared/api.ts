import { z } from 'zod'
import type {
  CsvPreview,
  DatasetDetail,
  DatasetProfile,
  DatasetSummary,
  ErrorInfo,
  JobInfo
} from './dto'

/**
 * The one contract between the renderer and main (ARCHITECTURE.md rule 2): every call,
 * its input schema (validated in main before use) and its output type, and every
 * event. The IPC registration, the preload's window.api, the typed renderer client and
 * the e2e bridge are all derived from `calls` and `events`, so a call cannot exist in
 * one and not in another.
 */

/** A call's input schema and (type-only) output. */
interface CallSpec<I extends z.ZodType, O> {
  input: I
  /** Never read at run time: carries the output type. */
  output: O
}

function call<I extends z.ZodType, O>(input: I): CallSpec<I, O> {
  return { input, output: undefined as unknown as O }
}

const id = z.number().int().positive()
const empty = z.object({}).strict()
/** An opaque token for a file the user chose in a dialog shown by main (rule 9). */
const fileHandle = z.string().regex(/^file-[0-9a-f-]{8,}$/)

export const GenerateInput = z
  .object({
    rows: z.number().int().min(100).max(2_000_000),
    seed: z.number().int().min(0).max(4294967295),
    defaultRate: z.number().gt(0).lt(1),
    name: z.string().trim().min(1).max(200).optional()
  })
  .strict()

export const ImportInput = z
  .object({
    handle: fileHandle,
    target: z.string().min(1),
    positive: z.string().optional(),
    name: z.string().trim().min(1).max(200).optional(),
    kinds: z.record(z.string(), z.enum(['numeric', 'categorical', 'identifier'])).optional()
  })
  .strict()

/** A file the user picked, known to main by its handle. */
export interface PickedFile {
  handle: string
  fileName: string
  sizeBytes: number
}

export interface AppInfo {
  version: string
  dbPath: string
  platform: string
}

export const calls = {
  'app/info': call<typeof empty, AppInfo>(empty),
  'datasets/list': call<typeof empty, DatasetSummary[]>(empty),
  'datasets/get': call<z.ZodObject<{ id: typeof id }>, DatasetDetail>(z.object({ id }).strict()),
  'datasets/delete': call<z.ZodObject<{ id: typeof id }>, { deleted: true }>(z.object({ id }).strict()),
  'datasets/profile': call<z.ZodObject<{ id: typeof id }>, DatasetProfile>(z.object({ id }).strict()),
  'datasets/generate': call<typeof GenerateInput, JobInfo>(GenerateInput),
  'datasets/preview': call<z.ZodObject<{ handle: typeof fileHandle }>, CsvPreview>(z.object({ handle: fileHandle }).strict()),
  'datasets/import': call<typeof ImportInput, JobInfo>(ImportInput),
  /** Shows a save dialog in main and writes the dataset there; null when the user cancels. */
  'datasets/export': call<z.ZodObject<{ id: typeof id }>, { path: string; rows: number } | null>(z.object({ id }).strict()),
  /** Shows an open dialog in main; null when the user cancels. */
  'files/pickCsv': call<typeof empty, PickedFile | null>(empty),
  'jobs/list': call<typeof empty, JobInfo[]>(empty),
  'jobs/cancel': call<z.ZodObject<{ id: z.ZodString }>, { cancelled: boolean }>(z.object({ id: z.string().min(1) }).strict())
} as const

export type Channel = keyof typeof calls
export type CallInput<C extends Channel> = z.input<(typeof calls)[C]['input']>
export type CallOutput<C extends Channel> = (typeof calls)[C]['output']
export const channels = Object.keys(calls) as Channel[]

/** Events main pushes to the renderer. */
export interface Events {
  'jobs/progress': JobInfo
  'jobs/done': JobInfo
  'datasets/changed': { datasetId: number }
}
export type EventName = keyof Events
export const eventNames: EventName[] = ['jobs/progress', 'jobs/done', 'datasets/changed']

/** What a call resolves to on the wire: the value, or a plain error object. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo }

/** The window.api the preload exposes: one function per call, `on` for events, and the drop helper. */
export type WindowApi = {
  [C in Channel]: (input: CallInput<C>) => Promise<Envelope<CallOutput<C>>>
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
  /** Registers a CSV file dropped on the window and returns its handle (the path never reaches the renderer). */
  registerDroppedFile(file: File): Promise<Envelope<PickedFile>>
}
