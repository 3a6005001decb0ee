import { z } from 'zod'
import type { ModelEvaluation, ThresholdEvaluation } from './evaluation'
import { DictionarySchema, type Dictionary } from './dictionary'
import type { ModelGovernanceInfo, ActivationInfo } from './governance'
import { LANGS } from './i18n/types'
import { OVERRIDE_REASONS, PolicySchema, type Policy } from './policy'
import type {
  OverrideInfo,
  BatchSummary,
  HistoryEntry,
  InputFieldInfo,
  ModelSummary,
  ScoreResult,
  ThresholdChange,
  ModelRun,
  OnnxExportReport,
  CsvPreview,
  DatasetDetail,
  DatasetProfile,
  DatasetSummary,
  ErrorInfo
} from './dto'
import type { JobInfo } from './jobs'
import type { ScorecardView } from './scorecard'
import type { StrategyReport, SwapSetView, ValidationPack } from './validation'
import { GenerateParamsSchema } from './params/generateParams'
import { TrainParamsSchema } from './params/trainParams'

/**
 * The one contract between the renderer and main (docs/ARCHITECTURE.md rule 2): every call,
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

export const GenerateInput = GenerateParamsSchema.extend({
  name: z.string().trim().min(1).max(200).optional()
}).strict()

export const ImportInput = z
  .object({
    handle: fileHandle,
    target: z.string().min(1),
    positive: z.string().optional(),
    name: z.string().trim().min(1).max(200).optional(),
    kinds: z.record(z.string(), z.enum(['numeric', 'categorical', 'identifier'])).optional()
  })
  .strict()

export const TrainInput = TrainParamsSchema.partial()
  .extend({
    datasetId: id,
    name: z.string().trim().min(1).max(200).optional()
  })
  .strict()

/** Where a committee's strategy and validation run: the model's held-out rows, or a chosen file of loans. */
const population = {
  modelId: id.optional(),
  /** A file of loans with outcomes (files/pickCsv); the model's held-out rows when omitted. */
  handle: fileHandle.optional()
}

const share = z.number().min(0).max(1)

export const StrategyTargetSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('bad-rate'), maxBadRate: share, basis: z.enum(['expected', 'observed']) })
    .strict(),
  z.object({ kind: z.literal('approval'), maxApprovalRate: share }).strict(),
  z.object({ kind: z.literal('max-profit') }).strict()
])

export const StrategyInput = z
  .object({
    ...population,
    lgd: share.optional(),
    ead: z.string().min(1).optional(),
    margin: z.number().gt(-1).lt(1).optional(),
    target: StrategyTargetSchema.optional()
  })
  .strict()

export const SwapSetInput = StrategyInput.extend({
  from: z.number().min(0).max(1.000001),
  to: z.number().min(0).max(1.000001),
  limit: z.number().int().min(1).max(500).optional()
}).strict()

export const ValidateInput = z
  .object({
    ...population,
    segments: z.array(z.string().min(1)).max(10).optional(),
    replicates: z.number().int().min(100).max(10_000).optional()
  })
  .strict()

/** Raw applicant fields as typed in the form or sent to /predict. */
const applicant = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))

export const HistoryInput = z
  .object({
    from: z.string().optional(),
    to: z.string().optional(),
    modelId: id.optional(),
    decision: z.enum(['default', 'no-default', 'approve', 'decline', 'refer']).optional(),
    kind: z.enum(['single', 'batch']).optional(),
    reference: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(5000).optional()
  })
  .strict()

const personName = z.string().trim().min(1).max(120)
const lang = z.enum(LANGS)

/** Who an application is about, as typed on the Score screen. */
export const ApplicantRefInput = z
  .object({
    name: z.string().trim().max(120).optional(),
    customerId: z.string().trim().max(120).optional(),
    applicationNo: z.string().trim().max(120).optional()
  })
  .strict()

export const OverrideInput = z
  .object({
    auditId: z.number().int().positive(),
    decision: z.enum(['approve', 'decline']),
    reason: z.enum(OVERRIDE_REASONS),
    note: z.string().max(1000).optional(),
    officer: personName
  })
  .strict()

export const GovernanceInput = z
  .object({
    id: z.number().int().positive(),
    by: personName,
    purpose: z.string().max(200).nullable().optional(),
    policy: PolicySchema.nullable().optional(),
    dictionary: DictionarySchema.nullable().optional()
  })
  .strict()

/** The check of a batch file's columns against a model, before scoring starts. */
export interface FileCheck {
  fileName: string
  modelId: number
  columns: string[]
  /** Model inputs found in the file, and those missing (scoring cannot start while any are). */
  matched: string[]
  missing: string[]
  /** File columns the model does not use (kept unchanged in the output). */
  extra: string[]
  sizeBytes: number
}

/** The scoring form of a model: its input fields, how they are named and typed, and the checks before a score. */
export interface ScoringForm {
  modelId: number
  fields: InputFieldInfo[]
  dictionary: Dictionary
  policy: Policy
  purpose: string | null
}

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
  /** The bank and branch printed on decision sheets (null when not set). */
  bank: string | null
  branch: string | null
}

export const calls = {
  'app/info': call<typeof empty, AppInfo>(empty),
  'datasets/list': call<typeof empty, DatasetSummary[]>(empty),
  'datasets/get': call<z.ZodObject<{ id: typeof id }>, DatasetDetail>(z.object({ id }).strict()),
  'datasets/delete': call<z.ZodObject<{ id: typeof id }>, { deleted: true }>(z.object({ id }).strict()),
  'datasets/profile': call<z.ZodObject<{ id: typeof id }>, DatasetProfile>(z.object({ id }).strict()),
  'datasets/generate': call<typeof GenerateInput, JobInfo>(GenerateInput),
  'datasets/preview': call<z.ZodObject<{ handle: typeof fileHandle }>, CsvPreview>(
    z.object({ handle: fileHandle }).strict()
  ),
  'datasets/import': call<typeof ImportInput, JobInfo>(ImportInput),
  /** Shows a save dialog in main and writes the dataset there; null when the user cancels. */
  'datasets/export': call<z.ZodObject<{ id: typeof id }>, { path: string; rows: number } | null>(
    z.object({ id }).strict()
  ),
  /** Shows an open dialog in main; null when the user cancels. */
  'files/pickCsv': call<typeof empty, PickedFile | null>(empty),
  'jobs/list': call<typeof empty, JobInfo[]>(empty),
  'jobs/cancel': call<z.ZodObject<{ id: z.ZodString }>, { cancelled: boolean }>(
    z.object({ id: z.string().min(1) }).strict()
  ),
  'models/list': call<typeof empty, ModelSummary[]>(empty),
  'models/get': call<z.ZodObject<{ id: typeof id }>, { summary: ModelSummary; evaluation: ModelEvaluation }>(
    z.object({ id }).strict()
  ),
  /** Confusion matrix and classification report of a model at another threshold. */
  'models/evaluationAt': call<z.ZodObject<{ id: typeof id; threshold: z.ZodNumber }>, ThresholdEvaluation>(
    z.object({ id, threshold: z.number().min(0).max(1) }).strict()
  ),
  /** Rough training time, shown before starting (the reference engine is slow on large data). */
  'models/estimate': call<typeof TrainInput, { seconds: number; note: string }>(TrainInput),
  'models/train': call<typeof TrainInput, JobInfo>(TrainInput),
  /** Maker: a named person asks for a model to be made active. */
  'models/requestActivation': call<
    z.ZodObject<{ id: typeof id; by: typeof personName; note: z.ZodOptional<z.ZodString> }>,
    ActivationInfo
  >(z.object({ id, by: personName, note: z.string().max(1000).optional() }).strict()),
  /** Checker: a second named person confirms (the model becomes active) or rejects, with a note. */
  'models/decideActivation': call<
    z.ZodObject<{ id: typeof id; by: typeof personName; note: z.ZodString; confirm: z.ZodBoolean }>,
    ActivationInfo
  >(
    z.object({ id, by: personName, note: z.string().trim().min(1).max(1000), confirm: z.boolean() }).strict()
  ),
  /** A model's purpose, policy checks, data dictionary and activation record. */
  'models/governance': call<z.ZodObject<{ id: typeof id }>, ModelGovernanceInfo>(z.object({ id }).strict()),
  /** Sets a model's purpose, policy or dictionary (null: back to the defaults), logged with who did it. */
  'models/setGovernance': call<typeof GovernanceInput, ModelGovernanceInfo>(GovernanceInput),
  /** Sets the bank and branch printed on decision sheets. */
  'app/setBranch': call<
    z.ZodObject<{ bank: z.ZodOptional<z.ZodString>; branch: z.ZodOptional<z.ZodString> }>,
    AppInfo
  >(z.object({ bank: z.string().max(200).optional(), branch: z.string().max(200).optional() }).strict()),
  'models/delete': call<z.ZodObject<{ id: typeof id }>, { deleted: true }>(z.object({ id }).strict()),
  'scoring/fields': call<z.ZodObject<{ modelId: z.ZodOptional<typeof id> }>, ScoringForm>(
    z.object({ modelId: id.optional() }).strict()
  ),
  'scoring/scoreOne': call<
    z.ZodObject<{
      input: typeof applicant
      modelId: z.ZodOptional<typeof id>
      reference: z.ZodOptional<typeof ApplicantRefInput>
      lang: z.ZodOptional<typeof lang>
    }>,
    ScoreResult
  >(
    z
      .object({
        input: applicant,
        modelId: id.optional(),
        reference: ApplicantRefInput.optional(),
        lang: lang.optional()
      })
      .strict()
  ),
  /** Records an officer's own decision on a score (approve or decline, with a reason code). */
  'scoring/override': call<typeof OverrideInput, OverrideInfo>(OverrideInput),
  'scoring/checkFile': call<
    z.ZodObject<{ handle: typeof fileHandle; modelId: z.ZodOptional<typeof id> }>,
    FileCheck
  >(z.object({ handle: fileHandle, modelId: id.optional() }).strict()),
  /** Asks main for the output file (save dialog), then scores as a job; null when the user cancels the dialog. */
  'scoring/scoreFile': call<
    z.ZodObject<{ handle: typeof fileHandle; modelId: z.ZodOptional<typeof id> }>,
    JobInfo | null
  >(z.object({ handle: fileHandle, modelId: id.optional() }).strict()),
  'scoring/batch': call<z.ZodObject<{ id: typeof id }>, BatchSummary>(z.object({ id }).strict()),
  /** Opens the folder of a batch's output file in the system file manager. */
  'scoring/showOutput': call<
    z.ZodObject<{ id: typeof id; which: z.ZodEnum<{ output: 'output'; errors: 'errors' }> }>,
    { shown: boolean }
  >(z.object({ id, which: z.enum(['output', 'errors']) }).strict()),
  'history/list': call<typeof HistoryInput, HistoryEntry[]>(HistoryInput),
  'history/single': call<z.ZodObject<{ id: typeof id }>, HistoryEntry>(z.object({ id }).strict()),
  /** Writes a model's evaluation as a PDF report (save dialog in main); null when the user cancels. */
  'models/exportReport': call<z.ZodObject<{ id: typeof id }>, { path: string } | null>(
    z.object({ id }).strict()
  ),
  /** The cut-off strategy: every cut-off's approvals, bad rates, expected loss and profit; a recommended cut-off for a target. */
  'committee/strategy': call<typeof StrategyInput, StrategyReport>(StrategyInput),
  /** Whom a change of cut-off concerns: those approved only under one of the two. */
  'committee/swapSet': call<typeof SwapSetInput, SwapSetView>(SwapSetInput),
  /** Makes a cut-off the model's decision threshold from now on, recorded with the reason. */
  'committee/applyThreshold': call<
    z.ZodObject<{ modelId: typeof id; threshold: z.ZodNumber; reason: z.ZodString }>,
    ThresholdChange
  >(
    z
      .object({ modelId: id, threshold: z.number().gt(0).lt(1), reason: z.string().trim().min(1).max(500) })
      .strict()
  ),
  'committee/thresholdHistory': call<z.ZodObject<{ modelId: typeof id }>, ThresholdChange[]>(
    z.object({ modelId: id }).strict()
  ),
  /** The columns of the strategy and validation data (for the exposure and segment pickers). */
  'committee/columns': call<z.ZodObject<typeof population>, string[]>(z.object(population).strict()),
  /** The validation pack: discrimination, calibration by grade, stability, concentration, segments, verdicts. */
  'committee/validate': call<typeof ValidateInput, ValidationPack>(ValidateInput),
  /** Writes the validation pack as a PDF (save dialog in main); null when the user cancels. */
  'committee/validationReport': call<typeof ValidateInput, { path: string } | null>(ValidateInput),
  /** An `auto` training run: its leaderboard and champion. */
  'models/run': call<z.ZodObject<{ id: typeof id }>, ModelRun>(z.object({ id }).strict()),
  /** A scorecard model's points table (as `ptm scorecard --json`); an input error for another engine's model. */
  'models/scorecard': call<z.ZodObject<{ id: typeof id }>, ScorecardView>(z.object({ id }).strict()),
  /** Exports a model's whole scoring pipeline as ONNX (save dialog in main); null when the user cancels. */
  'models/exportOnnx': call<z.ZodObject<{ id: typeof id }>, OnnxExportReport | null>(
    z.object({ id }).strict()
  ),
  /** Writes the one-page decision sheet of a single score (audit record) as a PDF; null when cancelled. */
  'scoring/decisionSheet': call<
    z.ZodObject<{ auditId: typeof id; lang: z.ZodOptional<typeof lang> }>,
    { path: string } | null
  >(z.object({ auditId: id, lang: lang.optional() }).strict())
} as const

export type Channel = keyof typeof calls
export type CallInput<C extends Channel> = z.input<(typeof calls)[C]['input']>
/** A call's input as main receives it: validated, defaults filled in. */
export type CallParsed<C extends Channel> = z.output<(typeof calls)[C]['input']>
export type CallOutput<C extends Channel> = (typeof calls)[C]['output']
export const channels = Object.keys(calls) as Channel[]

/** Events main pushes to the renderer. */
export interface Events {
  'jobs/progress': JobInfo
  'jobs/done': JobInfo
  'datasets/changed': { datasetId: number }
  'models/changed': { modelId: number }
}
export type EventName = keyof Events
export const eventNames: EventName[] = ['jobs/progress', 'jobs/done', 'datasets/changed', 'models/changed']

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
