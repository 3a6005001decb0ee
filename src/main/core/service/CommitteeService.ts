import { statSync } from 'node:fs'
import type { StrategyResult, SwapSetView, ValidationPack } from '../../../shared/validation'
import { InputError } from '../base/errors'
import type { ProtectedPath } from '../base/outputFile'
import type { LoadedModel } from '../scoring/loadModel'
import type { DatasetRepo } from '../storage/DatasetRepo'
import type { ModelRepo } from '../storage/ModelRepo'
import type { StrategyReport, StrategyRequest, ValidateRequest } from './committee'
import type { Population } from './population'

/** What the committee's work reads of the workbench (Workbench is one). */
export interface CommitteeSource {
  readonly models: ModelRepo
  readonly datasets: DatasetRepo
  scoringModel(id?: number): LoadedModel
  protectedPaths(): ProtectedPath[]
}

/**
 * The credit committee's side of the workbench (Workbench delegates to it): the cut-off
 * strategy, whom a change of cut-off concerns, and the validation pack with its PDF, on
 * populations scored once and kept. The committee's statistics (committee.ts, population.ts)
 * are imported on first use, as Workbench explains.
 */
export class CommitteeService {
  /** Scored populations, the last two asked for (see population). */
  private readonly populations = new Map<string, Population>()

  constructor(private readonly source: CommitteeSource) {}

  /**
   * The rows a committee's strategy and validation use: the model's held-out rows, or a
   * file of loans (with outcomes, for the observed rates) when `data` names one.
   */
  async population(modelId: number, data?: string): Promise<Population> {
    // A committee drags a cut-off over the same rows many times: keep the last few scored.
    const key = `${modelId}\0${data ? `${data}\0${fileStamp(data)}` : ''}`
    const cached = this.populations.get(key)
    if (cached) return cached
    const { models, datasets } = this.source
    const model = this.source.scoringModel(modelId)
    const { filePopulation, heldOutPopulation } = await import('./population')
    let population: Population
    if (data) population = await filePopulation(model, data)
    else {
      const summary = models.summary(modelId)
      if (summary.datasetId === null) {
        throw new InputError(
          `The dataset model ${modelId} was trained on has been deleted, so its held-out rows are gone; give a file of loans with outcomes (--data FILE.csv).`
        )
      }
      population = heldOutPopulation(model, datasets.loadTable(summary.datasetId), summary.datasetName)
    }
    this.populations.set(key, population)
    if (this.populations.size > 2) this.populations.delete(this.populations.keys().next().value!)
    return population
  }

  /** Whom a change of cut-off concerns (see committee.ts swapSetOf). */
  async swapSet(
    modelId: number,
    request: StrategyRequest & { data?: string; from: number; to: number; limit?: number }
  ): Promise<SwapSetView> {
    const { swapSetOf } = await import('./committee')
    const model = this.source.scoringModel(modelId)
    return swapSetOf(model, await this.population(modelId, request.data), request)
  }

  /** The cut-off strategy of a model (see committee.ts) on its held-out rows or a file. */
  async strategy(modelId: number, request: StrategyRequest & { data?: string }): Promise<StrategyReport> {
    const { strategyOf } = await import('./committee')
    const model = this.source.scoringModel(modelId)
    return strategyOf(model, await this.population(modelId, request.data), request)
  }

  /**
   * The validation pack of a model: on its held-out rows, or on a newer file, compared
   * with the held-out rows for stability when those still exist.
   */
  async validate(modelId: number, request: ValidateRequest & { data?: string }): Promise<ValidationPack> {
    const model = this.source.scoringModel(modelId)
    const population = await this.population(modelId, request.data)
    let reference: Population | null = null
    if (
      request.data &&
      this.source.models.summary(modelId).datasetId !== null &&
      model.artifact.params.testSize > 0
    ) {
      reference = await this.population(modelId)
    }
    const { validationOf } = await import('./committee')
    return validationOf(model, population, reference, request, new Date().toISOString())
  }

  /** Writes a validation pack (and the strategy decided with it) as the PDF a committee files. */
  async writeValidationReport(
    pack: ValidationPack,
    strategy: StrategyResult | null,
    path: string
  ): Promise<void> {
    const { writeValidationReport } = await import('../reports/validationReport')
    return writeValidationReport({ pack, strategy }, path, this.source.protectedPaths())
  }
}

/** When a file was last changed and how big it is: a scored copy of it is stale once these change. */
function fileStamp(path: string): string {
  try {
    const s = statSync(path)
    return `${s.size}:${s.mtimeMs}`
  } catch {
    return 'missing'
  }
}
