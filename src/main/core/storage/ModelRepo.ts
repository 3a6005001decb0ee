import type Database from 'better-sqlite3'
import type { LeaderboardEntry, ModelSummary, ThresholdChange } from '../../../shared/dto'
import { InputError, notFound } from '../base/errors'
import { serializeEnsemble } from '../model/ensembleFormat'
import { type TreeEnsemble } from '../model/TreeEnsemble'
import { ModelArtifactSchema, type ModelArtifact } from '../model/ModelArtifact'
import type { ModelEvaluation } from '../training/trainModel'
import { parseArtifact, parseModel, type LoadedModel, type StoredModel } from '../scoring/loadModel'
import type { StoredCompiledForest } from '../scoring/compiledForestStore'

export type { LoadedModel, StoredModel }

interface ModelRow {
  id: number
  name: string
  dataset_id: number | null
  dataset_name: string
  engine: string
  artifact_version: number
  params: string
  seed: number
  metrics: string
  evaluation: string
  artifact: string
  created_at: string
}

const ACTIVE_KEY = 'active_model_id'

/** The models table: save, list, load (validated), activate, delete. */
export class ModelRepo {
  constructor(private readonly db: Database.Database) {}

  /** Stores a trained model (with its compiled forest, when given) in one transaction and returns its id. */
  save(
    name: string,
    datasetName: string,
    artifact: ModelArtifact,
    forest: TreeEnsemble,
    evaluation: ModelEvaluation,
    compiled?: StoredCompiledForest
  ): number {
    // A model that could not be loaded again is never stored (a NaN turned null, say).
    const stored = ModelArtifactSchema.safeParse(JSON.parse(JSON.stringify(artifact, finiteOrNull)))
    if (!stored.success) {
      const issue = stored.error.issues[0]
      throw new Error(
        `the trained model's artifact does not validate (${issue.path.join('.') || 'artifact'}: ${issue.message}); it was not saved`
      )
    }
    const m = evaluation.metrics
    const metrics = {
      auc: m.auc,
      accuracy: m.accuracy,
      ks: m.ks.ks,
      gini: m.gini,
      brier: m.brier,
      averagePrecision: m.averagePrecision,
      f1: m.report.class1.f1,
      threshold: m.threshold
    }
    const insert = this.db.prepare(
      `INSERT INTO models (name, dataset_id, dataset_name, engine, artifact_version, params, seed, metrics, evaluation, artifact, forest)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, X'')`
    )
    // The forest lives in its own table (migration 11): listing models never reads it.
    const insertForest = this.db.prepare('INSERT INTO model_forests (model_id, forest) VALUES (?, ?)')
    const store = (): number => {
      const info = insert.run(
        name,
        artifact.datasetId,
        datasetName,
        artifact.params.engine,
        artifact.version,
        JSON.stringify(artifact.params),
        artifact.params.seed,
        JSON.stringify(metrics),
        JSON.stringify(evaluation, finiteOrNull),
        JSON.stringify(artifact)
      )
      const id = Number(info.lastInsertRowid)
      insertForest.run(id, serializeEnsemble(forest))
      if (compiled) this.saveCompiled(id, compiled)
      return id
    }
    return this.db.transaction(store)()
  }

  /** Stores (or replaces) a model's compiled forest. */
  saveCompiled(id: number, compiled: StoredCompiledForest): void {
    const { bytes, layout, ...header } = compiled
    this.db
      .prepare('INSERT OR REPLACE INTO model_compiled (model_id, layout, header, trees) VALUES (?, ?, ?, ?)')
      .run(id, layout, JSON.stringify(header), Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  }

  /**
   * A model's artifact (validated, with its applied threshold) and its stored compiled
   * forest, without reading the forest itself; undefined when none was stored. Whether
   * the compiled form fits this version is CompiledForest.restore's to say.
   */
  loadStoredCompiled(
    id: number
  ): { id: number; name: string; artifact: ModelArtifact; compiled: StoredCompiledForest } | undefined {
    const row = this.db
      .prepare(
        `SELECT m.id, m.name, m.artifact, c.layout, c.header, c.trees
         FROM models m JOIN model_compiled c ON c.model_id = m.id WHERE m.id = ?`
      )
      .get(id) as
      | { id: number; name: string; artifact: string; layout: string; header: string; trees: Buffer }
      | undefined
    if (!row) return undefined
    let header: Omit<StoredCompiledForest, 'layout' | 'bytes'>
    try {
      header = JSON.parse(row.header) as Omit<StoredCompiledForest, 'layout' | 'bytes'>
    } catch {
      return undefined
    }
    return this.withAppliedThreshold({
      id: row.id,
      name: row.name,
      artifact: parseArtifact(row.id, row.artifact),
      compiled: { ...header, layout: row.layout, bytes: row.trees }
    })
  }

  list(): ModelSummary[] {
    const active = this.activeId()
    const rows = this.db
      .prepare(
        `SELECT id, name, dataset_id, dataset_name, engine, params, seed, metrics, created_at, run_id,
                (SELECT threshold FROM model_thresholds t WHERE t.model_id = models.id ORDER BY t.id DESC LIMIT 1) AS applied,
                (SELECT purpose FROM model_settings s WHERE s.model_id = models.id) AS purpose,
                (SELECT requested_by FROM model_activations a WHERE a.model_id = models.id AND a.status = 'pending'
                  ORDER BY a.id DESC LIMIT 1) AS pending_by
         FROM models ORDER BY id`
      )
      .all() as (ModelRow & {
      applied: number | null
      purpose: string | null
      pending_by: string | null
      run_id: number | null
    })[]
    return rows.map((r) => {
      const metrics = JSON.parse(r.metrics) as ModelSummary['metrics']
      return {
        id: r.id,
        name: r.name,
        datasetId: r.dataset_id,
        datasetName: r.dataset_name,
        engine: r.engine,
        params: JSON.parse(r.params) as Record<string, unknown>,
        seed: r.seed,
        metrics,
        threshold: r.applied ?? metrics.threshold,
        runId: r.run_id,
        createdAt: r.created_at,
        active: r.id === active,
        purpose: r.purpose,
        activationPendingBy: r.pending_by
      }
    })
  }

  summary(id: number): ModelSummary {
    const found = this.list().find((m) => m.id === id)
    if (!found) throw notFound(`There is no model ${id}. List the models with "ptm models".`)
    return found
  }

  /** The dataset a model was trained on (null when it was deleted), read without the list. */
  datasetIdOf(id: number): number | null {
    const row = this.db.prepare('SELECT dataset_id FROM models WHERE id = ?').get(id) as
      { dataset_id: number | null } | undefined
    if (!row) throw notFound(`There is no model ${id}. List the models with "ptm models".`)
    return row.dataset_id
  }

  evaluation(id: number): ModelEvaluation {
    const row = this.db.prepare('SELECT evaluation FROM models WHERE id = ?').get(id) as
      { evaluation: string } | undefined
    if (!row) throw notFound(`There is no model ${id}. List the models with "ptm models".`)
    return JSON.parse(row.evaluation) as ModelEvaluation
  }

  /**
   * Loads a model for scoring. The artifact is validated against its schema and the
   * forest against the artifact before anything runs: a corrupt or foreign artifact is
   * a clear error.
   */
  load(id: number): LoadedModel {
    const row = this.storedRow(id)
    return this.withAppliedThreshold(parseModel(row.id, row.name, row.artifact, row.forest))
  }

  /**
   * A model's artifact (validated) and its forest as stored, not yet read: batch scoring
   * compiles the bytes tree by tree (prepareBatchModel) instead of holding every FlatTree.
   */
  loadStored(id: number): StoredModel {
    const row = this.storedRow(id)
    return this.withAppliedThreshold({
      id: row.id,
      name: row.name,
      artifact: parseArtifact(row.id, row.artifact),
      forestBytes: row.forest
    })
  }

  /**
   * Makes `threshold` model `id`'s decision threshold from now on, recorded with the one
   * it replaces and the reason (one transaction). Returns the change.
   */
  applyThreshold(id: number, threshold: number, reason: string): ThresholdChange {
    if (!(threshold > 0 && threshold < 1)) {
      throw new InputError(`A decision threshold must lie between 0 and 1 (exclusive), got ${threshold}.`)
    }
    if (reason.trim() === '') throw new InputError('Say why the threshold changes (--reason TEXT).')
    return this.db.transaction(() => {
      const previous = this.summary(id).threshold
      this.db
        .prepare('INSERT INTO model_thresholds (model_id, threshold, previous, reason) VALUES (?, ?, ?, ?)')
        .run(id, threshold, previous, reason.trim())
      return this.thresholdHistory(id)[0]
    })()
  }

  /** A model's threshold changes after training, the latest first. */
  thresholdHistory(id: number): ThresholdChange[] {
    this.summary(id)
    const rows = this.db
      .prepare(
        'SELECT threshold, previous, reason, applied_at FROM model_thresholds WHERE model_id = ? ORDER BY id DESC'
      )
      .all(id) as { threshold: number; previous: number; reason: string; applied_at: string }[]
    return rows.map((r) => ({
      threshold: r.threshold,
      previous: r.previous,
      reason: r.reason,
      appliedAt: r.applied_at
    }))
  }

  /** The model as scoring must see it: with the threshold a committee applied, when there is one. */
  private withAppliedThreshold<M extends { id: number; artifact: ModelArtifact }>(model: M): M {
    const row = this.db
      .prepare('SELECT threshold FROM model_thresholds WHERE model_id = ? ORDER BY id DESC LIMIT 1')
      .get(model.id) as { threshold: number } | undefined
    return row ? { ...model, artifact: { ...model.artifact, threshold: row.threshold } } : model
  }

  /** A model's artifact alone (validated), without reading its forest. */
  artifact(id: number): ModelArtifact {
    const row = this.db.prepare('SELECT artifact FROM models WHERE id = ?').get(id) as
      { artifact: string } | undefined
    if (!row) throw notFound(`There is no model ${id}. List the models with "ptm models".`)
    return parseArtifact(id, row.artifact)
  }

  private storedRow(id: number): Pick<ModelRow, 'id' | 'name' | 'artifact'> & { forest: Buffer } {
    const row = this.db
      .prepare(
        'SELECT m.id, m.name, m.artifact, f.forest FROM models m JOIN model_forests f ON f.model_id = m.id WHERE m.id = ?'
      )
      .get(id) as (Pick<ModelRow, 'id' | 'name' | 'artifact'> & { forest: Buffer }) | undefined
    if (!row) throw notFound(`There is no model ${id}. List the models with "ptm models".`)
    return row
  }

  /** Bytes of a model's stored forest (0 when there is no such model). */
  forestSize(id: number): number {
    const row = this.db
      .prepare('SELECT length(forest) AS size FROM model_forests WHERE model_id = ?')
      .get(id) as { size: number } | undefined
    return row?.size ?? 0
  }

  /** The id of the model used for scoring, or undefined. */
  activeId(): number | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(ACTIVE_KEY) as
      { value: string } | undefined
    if (!row) return undefined
    const id = Number(row.value)
    const exists = this.db.prepare('SELECT 1 FROM models WHERE id = ?').get(id)
    return exists ? id : undefined
  }

  /**
   * Records an `auto` run: its leaderboard (each candidate with the id of the model kept for
   * it) and its champion, and marks the models as the run's (one transaction).
   */
  saveRun(datasetId: number, leaderboard: LeaderboardEntry[], championId: number): number {
    return this.db.transaction(() => {
      const info = this.db
        .prepare('INSERT INTO model_runs (dataset_id, leaderboard, champion_id) VALUES (?, ?, ?)')
        .run(datasetId, JSON.stringify(leaderboard), championId)
      const runId = Number(info.lastInsertRowid)
      const mark = this.db.prepare('UPDATE models SET run_id = ? WHERE id = ?')
      for (const e of leaderboard) if (e.modelId !== null) mark.run(runId, e.modelId)
      return runId
    })()
  }

  /** An `auto` run's leaderboard, best first, and its champion. */
  run(runId: number): {
    id: number
    leaderboard: LeaderboardEntry[]
    championId: number | null
    createdAt: string
  } {
    const row = this.db
      .prepare('SELECT id, leaderboard, champion_id, created_at FROM model_runs WHERE id = ?')
      .get(runId) as
      { id: number; leaderboard: string; champion_id: number | null; created_at: string } | undefined
    if (!row) throw notFound(`There is no training run ${runId}.`)
    return {
      id: row.id,
      leaderboard: JSON.parse(row.leaderboard) as LeaderboardEntry[],
      championId: row.champion_id,
      createdAt: row.created_at
    }
  }

  activate(id: number): void {
    this.summary(id)
    this.db
      .prepare(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
      )
      .run(ACTIVE_KEY, String(id))
  }

  delete(id: number): void {
    this.summary(id)
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM models WHERE id = ?').run(id)
      if (this.activeId() === undefined) this.db.prepare('DELETE FROM settings WHERE key = ?').run(ACTIVE_KEY)
    })()
  }
}

function finiteOrNull(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value
}
