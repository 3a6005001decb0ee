import { resolveDictionary, type Dictionary } from '../../../shared/dictionary'
import type { ModelGovernanceInfo } from '../../../shared/governance'
import type { Lang } from '../../../shared/i18n'
import type { Policy } from '../../../shared/policy'
import { InputError } from '../base/errors'
import type { ProtectedPath } from '../base/outputFile'
import type { Governance } from '../policy/modelDefaults'
import type { LoadedModel } from '../scoring/loadModel'
import type { AuditRepo } from '../storage/AuditRepo'
import type { GovernanceRepo } from '../storage/GovernanceRepo'
import type { ModelRepo } from '../storage/ModelRepo'
import { governanceOf } from './governance'

/** What a model's governance reads of the workbench (Workbench is one). */
export interface GovernanceSource {
  readonly models: ModelRepo
  readonly audit: AuditRepo
  readonly governance: GovernanceRepo
  scoringModel(id?: number): LoadedModel
  protectedPaths(): ProtectedPath[]
}

/** A change of a model's governance: each part given is set (null: back to the defaults). */
export interface GovernanceChange {
  purpose?: string | null
  policy?: Policy | null
  dictionary?: Dictionary | null
}

/**
 * The branch's governance of its models (Workbench delegates to it): each model's purpose,
 * policy checks and dictionary as scoring reads them and the screens edit them, and the
 * decision sheet of a score, printed with them.
 */
export class GovernanceService {
  constructor(private readonly source: GovernanceSource) {}

  /** A model's purpose, policy, dictionary and activation record. */
  modelGovernance(id: number): ModelGovernanceInfo {
    const { governance, models } = this.source
    const model = this.source.scoringModel(id)
    return governanceOf(governance, id, model.artifact, models.summary(id).datasetId).info
  }

  /** Sets a model's purpose, policy or dictionary (null: back to the defaults), logged with the author. */
  setModelGovernance(id: number, change: GovernanceChange, by: string): ModelGovernanceInfo {
    const { governance } = this.source
    if (change.purpose !== undefined) governance.update(id, 'purpose', change.purpose, by)
    if (change.policy !== undefined) governance.update(id, 'policy', change.policy, by)
    if (change.dictionary !== undefined) governance.update(id, 'dictionary', change.dictionary, by)
    return this.modelGovernance(id)
  }

  /** What scoring reads besides the model: its policy checks and dictionary. */
  scoringGovernance(model: { id: number; artifact: LoadedModel['artifact'] }): Governance {
    const datasetId = this.source.models.datasetIdOf(model.id)
    const { policy, dictionary } = governanceOf(this.source.governance, model.id, model.artifact, datasetId)
    return { policy, dictionary }
  }

  /**
   * Writes the one-page decision sheet of a single score (an audit record) as a PDF, in
   * English or Hindi, naming fields through the model's dictionary (the defaults when the
   * model was deleted since).
   */
  async writeDecisionSheet(auditId: number, path: string, lang: Lang): Promise<void> {
    const { audit, models } = this.source
    const entry = audit.single(auditId)
    if (entry.kind !== 'single') throw new InputError(`Audit record ${auditId} is not a single score.`)
    const exists = models.list().some((m) => m.id === entry.modelId)
    const governance = exists ? this.modelGovernance(entry.modelId) : null
    const dictionary =
      governance?.dictionary ??
      resolveDictionary(
        Object.keys(entry.inputs).map((name) => ({ name, kind: guessKind(entry.inputs[name]) }))
      )
    const { writeDecisionSheet } = await import('../reports/decisionSheet')
    await writeDecisionSheet(
      {
        entry,
        generatedAt: new Date().toISOString(),
        lang,
        dictionary,
        model: {
          purpose: governance?.purpose ?? null,
          trainedAt: exists ? this.source.scoringModel(entry.modelId).artifact.trainedAt : null
        },
        branch: this.source.governance.branchInfo()
      },
      path,
      this.source.protectedPaths()
    )
  }
}

/** The kind of a field recorded in an audit record, for a dictionary built without its model. */
function guessKind(value: unknown): 'numeric' | 'categorical' {
  return typeof value === 'number' ? 'numeric' : 'categorical'
}
