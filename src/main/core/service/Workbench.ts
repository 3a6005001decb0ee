import type Database from 'better-sqlite3'
import { exportDatasetCsv } from '../storage/exportCsv'
import { generateDataset, type GenerateDatasetOptions } from '../storage/generateDataset'
import {
  importCsv,
  previewCsv,
  type CsvPreview,
  type ImportOptions,
  type ImportResult
} from '../storage/importCsv'
import type { DatasetProfile } from '../eda/profileTable'
import { profileTableInWorkers } from '../eda/profileInWorkers'
import { InputError, WorkbenchError } from '../base/errors'
import { checkOutputPath, databaseFiles, type ProtectedPath } from '../base/outputFile'
import { DatasetRepo, type DatasetDetail, type DatasetSummary } from '../storage/DatasetRepo'
import { openDatabase } from '../storage/openDatabase'
import { checkWholeFileAside } from '../storage/wholeFileCheck'
import { ModelRepo } from '../storage/ModelRepo'
import { TrainParamsSchema, type TrainParamsInput } from '../../../shared/params/trainParams'
import { prepareFeatures, type ModelEvaluation, type TrainHooks } from '../training/trainModel'
import type {
  BatchSummary,
  HistoryEntry,
  HistoryFilter,
  InputFieldInfo,
  ModelSummary,
  ScoreResult,
  ThresholdChange
} from '../../../shared/dto'
import {
  AuditRepo,
  type OverrideRequest,
  type ScoreAuditEntry,
  type ScoreChannel
} from '../storage/AuditRepo'
import { GovernanceRepo } from '../storage/GovernanceRepo'
import type { ApplicantRef, OverrideInfo } from '../../../shared/dto'
import type { ActivationInfo, ModelGovernanceInfo } from '../../../shared/governance'
import type { Lang } from '../../../shared/i18n'
import type { Governance } from '../policy/modelDefaults'
import { readApplicantRef } from './governance'
import { GovernanceService, type GovernanceChange } from './GovernanceService'
import type { LoadedModel } from '../scoring/loadModel'
import { scoreOne } from '../scoring/scoreOne'
import { auditEntryOf, type ScoreRequest } from './scoreRequest'
import { compileInWorker } from './compileInWorker'
import { storedForm } from '../scoring/compiledForestStore'
import { prepareBatchModel, restoreBatchModel, scoreCsvFile, type BatchModel } from '../scoring/scoreCsvFile'
import type { ExportReport } from './exportModel'
import { estimateTrainingSeconds, trainAndStore, type TrainOutcome } from './trainService'
import { engineFor } from '../ml/engines'
import type { ModelArtifact } from '../model/ModelArtifact'
import type { ScorecardTable } from '../model/ScorecardTable'
import type { StrategyReport, StrategyRequest, ValidateRequest } from './committee'
import type { Population } from './population'
import { CommitteeService } from './CommitteeService'
import type { StrategyResult, SwapSetView, ValidationPack } from '../../../shared/validation'

/** How one score is asked for: who it is about, and the language of its texts. */
export interface ScoreOptions {
  reference?: ApplicantRef | null
  lang?: Lang
}

/**
 * What scoring one applicant is called with, alike for scoreApplicant, scoreUnrecorded and
 * scoreRequest: the applicant's fields (with /predict's Applicant_Ref), the channel, the
 * model (the active one when absent) and the options.
 */
type ScoreArgs = [
  input: Record<string, unknown>,
  channel: ScoreChannel,
  modelId?: number,
  options?: ScoreOptions
]

/** Stored forests from this size on are compiled on a thread of their own (a 200-tree model is ~67 MB). */
const COMPILE_IN_THREAD_FROM_BYTES = 16 << 20

/**
 * The one service over the core (docs/ARCHITECTURE.md rule 1): the CLI, the IPC handlers,
 * the /predict service, the job workers and the e2e bridge are thin adapters over it.
 * It owns one database connection and no other state.
 *
 * Reports, the committee's statistics and ONNX export are imported on first use: their
 * libraries (pdfkit, @stdlib's distributions, protobufjs) cost ~0.4 s to load, which
 * every command would otherwise pay before doing anything (`ptm datasets` included).
 */
export class Workbench {
  readonly datasets: DatasetRepo
  readonly models: ModelRepo
  readonly audit: AuditRepo
  readonly governance: GovernanceRepo
  /** Loaded models by id: parsing and validating an artifact once, not per request. */
  private readonly modelCache = new Map<number, LoadedModel>()
  /** Strategy, swap sets and validation, with the populations they were scored on. */
  private readonly committee: CommitteeService
  /** Each model's purpose, policy and dictionary, and the decision sheets printed with them. */
  private readonly officer: GovernanceService

  constructor(
    readonly db: Database.Database,
    readonly dbPath: string,
    /** better-sqlite3's addon for Electron's ABI, when not the default (for threads that open the file too). */
    readonly nativeBinding?: string
  ) {
    this.datasets = new DatasetRepo(db)
    this.models = new ModelRepo(db)
    this.audit = new AuditRepo(db)
    this.governance = new GovernanceRepo(db, this.models)
    this.committee = new CommitteeService(this)
    this.officer = new GovernanceService(this)
  }

  /**
   * Opens the database file (migrating it) and returns a service over it. `verify: false`
   * skips the whole-file check for a caller that only reads (see OpenDatabaseOptions.verify).
   */
  static open(dbPath: string, nativeBinding?: string, options: { verify?: boolean } = {}): Workbench {
    return new Workbench(
      openDatabase(dbPath, { nativeBinding, verify: options.verify }),
      dbPath,
      nativeBinding
    )
  }

  /**
   * Opens the database without reading it whole first, that check running on a thread of
   * its own meanwhile (`checked`, see checkWholeFileAside): for a command that writes only
   * after long work, which hands `checked` to the writes it makes (scoreFile). The check
   * starts after the open, so it reads the migrated file.
   */
  static openCheckedAside(
    dbPath: string,
    nativeBinding?: string
  ): { workbench: Workbench; checked: Promise<void> } {
    const workbench = Workbench.open(dbPath, nativeBinding, { verify: false })
    const check = checkWholeFileAside({ file: dbPath, nativeBinding })
    // A command that ends early (a refused file, an interruption) does not wait for the check.
    workbench.stopOnClose = check.stop
    return { workbench, checked: check.done }
  }

  /** What closing stops besides the connection: a whole-file check still running (openCheckedAside). */
  private stopOnClose: () => void = () => undefined

  close(): void {
    this.stopOnClose()
    this.db.close()
  }

  listDatasets(): DatasetSummary[] {
    return this.datasets.list()
  }

  getDataset(id: number): DatasetDetail {
    return this.datasets.get(id)
  }

  /** The dataset a command without --dataset works on: the latest one. */
  resolveDatasetId(id: number | undefined): number {
    if (id !== undefined) return this.datasets.get(id).id
    const latest = this.datasets.latest()
    if (!latest)
      throw new InputError(
        'There is no dataset yet. Create one with "ptm generate" or "ptm import FILE.csv --target COLUMN".'
      )
    return latest.id
  }

  deleteDataset(id: number): void {
    this.datasets.delete(id)
  }

  generateDataset(options: GenerateDatasetOptions): Promise<DatasetSummary> {
    return generateDataset(this.db, { ...options, protect: this.protectedPaths() })
  }

  previewCsv(path: string): Promise<CsvPreview> {
    return previewCsv(path)
  }

  importCsv(options: ImportOptions): Promise<ImportResult> {
    return importCsv(this.db, options)
  }

  /** Writes a dataset back out as CSV; formula-like cells are neutralised unless `raw`. */
  exportDataset(
    id: number,
    path: string,
    options: { raw?: boolean; signal?: AbortSignal } = {}
  ): Promise<{ rows: number }> {
    return exportDatasetCsv(this.db, id, path, { ...options, protect: this.protectedPaths() })
  }

  /**
   * The files no output of this service may replace: its database (with SQLite's files
   * beside it) and the given inputs being read.
   */
  protectedPaths(inputs: string[] = []): ProtectedPath[] {
    return [
      ...databaseFiles(this.dbPath),
      ...inputs.map((path) => ({ path, what: 'the input file being read' }))
    ]
  }

  /** Refuses an output path that would destroy something (see checkOutputPath); returns where it lands. */
  checkOutput(path: string, what: string, inputs: string[] = []): Promise<string> {
    return checkOutputPath(path, { protect: this.protectedPaths(inputs), what })
  }

  /**
   * Column statistics, class balance and correlations of a dataset (the EDA screens'
   * data), computed once and kept: a dataset never changes after import. A large dataset's
   * numeric columns are profiled on worker threads.
   */
  async profileDataset(
    id: number,
    onProgress?: (phase: string, done: number, total: number) => void
  ): Promise<DatasetProfile> {
    const cached = this.cachedProfile(id)
    if (cached) return cached
    onProgress?.('loading rows', 0, 2)
    const table = this.datasets.loadTable(id)
    onProgress?.('profiling', 1, 2)
    const profile = await profileTableInWorkers(table)
    this.db.prepare('INSERT OR REPLACE INTO dataset_profiles (dataset_id, profile) VALUES (?, ?)').run(
      id,
      JSON.stringify(profile, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v))
    )
    return profile
  }

  /** The stored profile of a dataset, if it was computed before. */
  cachedProfile(id: number): DatasetProfile | undefined {
    this.datasets.get(id)
    const row = this.db.prepare('SELECT profile FROM dataset_profiles WHERE dataset_id = ?').get(id) as
      { profile: string } | undefined
    return row ? (JSON.parse(row.profile) as DatasetProfile) : undefined
  }

  /**
   * Trains a model on a dataset and stores it (with `auto`, the champion of a cross-validated
   * search, every candidate kept); the new model becomes the active one when asked (or when
   * there is none yet). See trainService.ts.
   */
  trainModel(
    datasetId: number,
    params: TrainParamsInput = {},
    options: TrainHooks & { name?: string; activate?: boolean } = {}
  ): Promise<TrainOutcome> {
    return trainAndStore(this, datasetId, TrainParamsSchema.parse(params), options)
  }

  /**
   * How long training a dataset with these settings should take, in seconds, with a note
   * when it is slow: the one estimate the CLI, the Train screen and the jobs panel show (the
   * job refines it from its own progress while it runs).
   */
  estimateTraining(datasetId: number, params: TrainParamsInput = {}): { seconds: number; note: string } {
    return estimateTrainingSeconds(this.datasets.get(datasetId).rows, TrainParamsSchema.parse(params))
  }

  listModels(): ModelSummary[] {
    return this.models.list()
  }

  /** The model a command without --model works on: the active one, else the latest. */
  resolveModelId(id: number | undefined): number {
    if (id !== undefined) return this.models.summary(id).id
    const active = this.models.activeId()
    if (active !== undefined) return active
    const all = this.models.list()
    if (all.length === 0) throw new InputError('There is no model yet. Train one with "ptm train".')
    return all[all.length - 1].id
  }

  modelEvaluation(id: number): ModelEvaluation {
    return this.models.evaluation(id)
  }

  /** The maker's half of making a model active: a named person asks, with a note. */
  requestActivation(id: number, by: string, note = ''): ActivationInfo {
    return this.governance.requestActivation(id, by, note)
  }

  /** The checker's half: a second named person confirms (the model becomes active) or rejects, with a note. */
  decideActivation(id: number, by: string, note: string, confirm: boolean): ActivationInfo {
    return this.governance.decideActivation(id, by, note, confirm)
  }

  /** A model's purpose, policy, dictionary and activation record. */
  modelGovernance(id: number): ModelGovernanceInfo {
    return this.officer.modelGovernance(id)
  }

  /** Sets a model's purpose, policy or dictionary (null: back to the defaults), logged with the author. */
  setModelGovernance(id: number, change: GovernanceChange, by: string): ModelGovernanceInfo {
    return this.officer.setModelGovernance(id, change, by)
  }

  /** What scoring reads besides the model: its policy checks and dictionary. */
  scoringGovernance(model: { id: number; artifact: LoadedModel['artifact'] }): Governance {
    return this.officer.scoringGovernance(model)
  }

  /** Records an officer's decision (approve or decline) on a scored applicant, with a reason code. */
  recordOverride(request: OverrideRequest): OverrideInfo {
    return this.audit.recordOverride(request)
  }

  deleteModel(id: number): void {
    this.models.delete(id)
    this.modelCache.delete(id)
  }

  /**
   * The spec's processed (step 2) or featured (step 3) table: preprocessing fitted on
   * the training rows, applied to all rows, with each row's split.
   */
  preparedTable(datasetId: number, params: TrainParamsInput, engineer: boolean) {
    const table = this.datasets.loadTable(datasetId)
    const prepared = prepareFeatures(table, TrainParamsSchema.parse(params), engineer)
    const inTest = new Uint8Array(table.numRows)
    for (const r of prepared.split.test) inTest[r] = 1
    return { table, prepared, inTest }
  }

  /** The id of the model used for scoring: the given one, else the active one (an error when there is none). */
  private scoringModelId(id?: number): number {
    const modelId = id ?? this.models.activeId()
    if (modelId === undefined) {
      throw new WorkbenchError(
        'NO_ACTIVE_MODEL',
        'No model is active for scoring. Train one with "ptm train" or choose one with "ptm activate ID".'
      )
    }
    return modelId
  }

  /** The model used for scoring: the given one, else the active one (an error when there is none). */
  scoringModel(id?: number): LoadedModel {
    const modelId = this.scoringModelId(id)
    let model = this.modelCache.get(modelId)
    if (!model) {
      model = this.models.load(modelId)
      this.modelCache.set(modelId, model)
    }
    return model
  }

  /** The scoring form of a model: its raw input fields with their training ranges and categories. */
  inputFields(modelId?: number): { modelId: number; fields: InputFieldInfo[] } {
    const model = this.scoringModel(modelId)
    return {
      modelId: model.id,
      fields: model.artifact.inputs.map((f) =>
        f.kind === 'numeric'
          ? {
              name: f.name,
              kind: 'numeric',
              min: f.min,
              max: f.max,
              median: f.median,
              missingShare: f.missingShare
            }
          : {
              name: f.name,
              kind: 'categorical',
              categories: f.categories,
              mostFrequent: f.mostFrequent,
              missingShare: f.missingShare
            }
      )
    }
  }

  /**
   * Scores one applicant (policy checks first: a blocked applicant gets no score and no
   * record) and writes the audit record with the applicant reference.
   */
  scoreApplicant(...args: ScoreArgs): ScoreResult {
    const { result, audit } = this.scoreUnrecorded(...args)
    return { ...result, Audit_Id: this.audit.recordScore(audit) }
  }

  /**
   * Scores one applicant and returns the audit record to write, unwritten: for a caller
   * that must not block on the database (/predict queues the record and answers only once
   * it is written). The record keeps a bounded projection of the input (auditInputs).
   */
  scoreUnrecorded(...args: ScoreArgs): { result: Omit<ScoreResult, 'Audit_Id'>; audit: ScoreAuditEntry } {
    const request = this.scoreRequest(...args)
    const result = scoreOne(request.model, request.fields, request.context)
    return { result, audit: auditEntryOf(request, result) }
  }

  /**
   * Everything scoring one applicant reads from the store, resolved now: the model, the
   * fields (the request's Applicant_Ref taken out) and the context (policy, dictionary,
   * language, reference). The score itself may then run on another thread (/predict's
   * pool), and auditEntryOf turns its result into the record to write.
   */
  scoreRequest(...args: ScoreArgs): ScoreRequest {
    const [input, channel, modelId, options = {}] = args
    const model = this.scoringModel(modelId)
    // /predict sends the reference inside the body, as Applicant_Ref: it is not a field.
    const { Applicant_Ref: sentRef, ...fields } = input
    const reference = options.reference ?? readApplicantRef(sentRef)
    const context = { ...this.scoringGovernance(model), lang: options.lang, reference }
    return { model, fields, context, channel }
  }

  /**
   * A model compiled for batch files: the compiled forest stored with it, when it fits this
   * version; else compiled from its loaded forest when it is loaded already, or read from
   * the store and compiled, on a short-lived thread for a large forest (see
   * compileInWorker), so that during a batch only the compiled trees stay in memory. A
   * model compiled here is stored compiled for the next batch.
   */
  async batchModel(
    id?: number,
    options: { thread?: boolean; beforeWrite?: () => Promise<void> } = {}
  ): Promise<BatchModel> {
    const modelId = this.scoringModelId(id)
    const stored = this.models.loadStoredCompiled(modelId)
    const restored = stored ? restoreBatchModel(stored) : null
    if (restored) return restored
    const loaded = this.modelCache.get(modelId)
    const thread = options.thread ?? this.models.forestSize(modelId) >= COMPILE_IN_THREAD_FROM_BYTES
    const model = loaded
      ? prepareBatchModel(loaded)
      : this.dbPath === ':memory:' || !thread
        ? prepareBatchModel(this.models.loadStored(modelId))
        : await compileInWorker({ dbPath: this.dbPath, nativeBinding: this.nativeBinding, modelId })
    await options.beforeWrite?.()
    this.keepCompiled(modelId, model)
    return model
  }

  /**
   * Stores a model's compiled forest for the next batch. Only a cache of the forest: when
   * the database cannot take it now (busy, read-only), the next batch compiles again.
   */
  private keepCompiled(modelId: number, model: BatchModel): void {
    try {
      this.models.saveCompiled(modelId, storedForm(model.compiled))
    } catch {
      // A cache write that fails changes nothing the caller asked for.
    }
  }

  /**
   * Scores a CSV file to a CSV file and records the batch (with `model`, one prepared by
   * batchModel). `checked`: when the store was opened without its whole-file check, that
   * check running meanwhile (checkWholeFileAside); nothing is written to the store, and no
   * output takes its name, before it passes, and the batch stops as soon as it fails.
   */
  async scoreFile(
    input: string,
    output: string,
    options: {
      modelId?: number
      model?: BatchModel
      signal?: AbortSignal
      onProgress?: (done: number, total: number) => void
      threads?: number
      checked?: Promise<void>
    } = {}
  ): Promise<BatchSummary> {
    const { checked } = options
    const damaged = new AbortController()
    checked?.catch(() => damaged.abort())
    // Awaited before each write (at once when there is no check).
    const sound = async (): Promise<void> => {
      await checked
    }
    try {
      const model = options.model ?? (await this.batchModel(options.modelId, { beforeWrite: sound }))
      const summary = await scoreCsvFile(model, {
        input,
        output,
        protect: this.protectedPaths(),
        signal: options.signal ? AbortSignal.any([options.signal, damaged.signal]) : damaged.signal,
        onProgress: options.onProgress,
        threads: options.threads,
        governance: this.scoringGovernance(model),
        beforeCommit: sound
      })
      // The check passed before the outputs took their names (beforeCommit).
      const id = this.audit.recordBatch({ ...summary, modelName: model.name })
      return this.audit.batch(id)
    } catch (error) {
      // Stopped because the check found damage: that is the error to report.
      if (damaged.signal.aborted) await sound()
      throw error
    }
  }

  history(filter: HistoryFilter = {}): HistoryEntry[] {
    return this.audit.history(filter)
  }

  /** Writes a model's evaluation as a PDF a risk committee can file. */
  async writeEvaluationReport(modelId: number, path: string): Promise<void> {
    const summary = this.models.summary(modelId)
    const evaluation = this.models.evaluation(modelId)
    const artifact = this.models.artifact(modelId)
    const scorecard = artifact.scorecard && {
      table: artifact.scorecard,
      calibration: artifact.params.calibration
    }
    const { writeEvaluationReport } = await import('../reports/evaluationReport')
    await writeEvaluationReport(
      {
        model: summary,
        evaluation,
        generatedAt: new Date().toISOString(),
        ...(scorecard ? { scorecard } : {})
      },
      path,
      this.protectedPaths()
    )
  }

  /**
   * A scorecard model's points table with its artifact and summary; an InputError naming
   * the engine for a model that has none.
   */
  scorecardOf(modelId: number): { model: ModelSummary; artifact: ModelArtifact; scorecard: ScorecardTable } {
    const model = this.models.summary(modelId)
    const artifact = this.models.artifact(modelId)
    if (!artifact.scorecard) {
      throw new InputError(
        `Model ${modelId} "${model.name}" was trained with the ${engineFor(artifact.params.engine).label} engine and has no points table. Train a scorecard with "ptm train --engine scorecard", or pass its id with --model.`
      )
    }
    return { model, artifact, scorecard: artifact.scorecard }
  }

  /** The rows a committee's strategy and validation use (see CommitteeService.population). */
  population(modelId: number, data?: string): Promise<Population> {
    return this.committee.population(modelId, data)
  }

  /** Whom a change of cut-off concerns (see committee.ts swapSetOf). */
  swapSet(
    modelId: number,
    request: StrategyRequest & { data?: string; from: number; to: number; limit?: number }
  ): Promise<SwapSetView> {
    return this.committee.swapSet(modelId, request)
  }

  /** The cut-off strategy of a model (see committee.ts) on its held-out rows or a file. */
  strategy(modelId: number, request: StrategyRequest & { data?: string }): Promise<StrategyReport> {
    return this.committee.strategy(modelId, request)
  }

  /**
   * Makes `threshold` the model's decision threshold from now on (recorded with the one it
   * replaces, the reason and the time): every score, decision sheet and audit row after it
   * uses it.
   */
  applyThreshold(modelId: number, threshold: number, reason: string): ThresholdChange {
    const change = this.models.applyThreshold(modelId, threshold, reason)
    this.modelCache.delete(modelId)
    return change
  }

  /** The validation pack of a model on its held-out rows or a newer file (see CommitteeService.validate). */
  validate(modelId: number, request: ValidateRequest & { data?: string }): Promise<ValidationPack> {
    return this.committee.validate(modelId, request)
  }

  /** Writes a validation pack (and the strategy decided with it) as the PDF a committee files. */
  writeValidationReport(pack: ValidationPack, strategy: StrategyResult | null, path: string): Promise<void> {
    return this.committee.writeValidationReport(pack, strategy, path)
  }

  /** Writes a model's whole scoring pipeline as one ONNX graph (see core/onnx). */
  async exportModel(modelId: number, path: string): Promise<ExportReport> {
    const { exportModelFile } = await import('./exportModel')
    return exportModelFile(this, modelId, path, this.protectedPaths())
  }

  /** Writes the one-page decision sheet of a single score, in English or Hindi (see GovernanceService). */
  writeDecisionSheet(auditId: number, path: string, lang: Lang = 'en'): Promise<void> {
    return this.officer.writeDecisionSheet(auditId, path, lang)
  }
}
