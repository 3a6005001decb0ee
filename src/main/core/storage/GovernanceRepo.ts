import type Database from 'better-sqlite3'
import type { z } from 'zod'
import { DictionarySchema, type Dictionary } from '../../../shared/dictionary'
import type { ActivationInfo } from '../../../shared/governance'
import { PolicySchema, type Policy } from '../../../shared/policy'
import { InputError, WorkbenchError } from '../base/errors'
import type { ModelRepo } from './ModelRepo'

/** What the analyst set for a model (null: the defaults). */
export interface StoredModelSettings {
  purpose: string | null
  policy: Policy | null
  dictionary: Dictionary | null
  updatedBy: string | null
  updatedAt: string | null
}

/** Who triggers an activation that needs no second person: the first model of an empty workbench. */
export const AUTOMATIC_ACTIVATION = 'workbench (no model was active)'

/**
 * How models are governed (migration 7): purpose, policy and dictionary per model, each
 * edit logged with its author; a dataset's dictionary; and maker–checker activation: a
 * model becomes active only when a second named person confirms a first person's request
 * with a note (or automatically when no model is active at all).
 */
export class GovernanceRepo {
  constructor(
    private readonly db: Database.Database,
    private readonly models: ModelRepo
  ) {}

  /** A model's stored settings. */
  settings(modelId: number): StoredModelSettings {
    const row = this.db.prepare('SELECT * FROM model_settings WHERE model_id = ?').get(modelId) as
      | {
          purpose: string | null
          policy: string | null
          dictionary: string | null
          updated_by: string
          updated_at: string
        }
      | undefined
    if (!row) return { purpose: null, policy: null, dictionary: null, updatedBy: null, updatedAt: null }
    return {
      purpose: row.purpose,
      policy: readJson(row.policy, PolicySchema, `the policy of model ${modelId}`),
      dictionary: readJson(row.dictionary, DictionarySchema, `the dictionary of model ${modelId}`),
      updatedBy: row.updated_by,
      updatedAt: row.updated_at
    }
  }

  /** Sets one of a model's settings (null: back to the default) and logs who did it. */
  update(
    modelId: number,
    what: 'purpose' | 'policy' | 'dictionary',
    value: string | Policy | Dictionary | null,
    by: string
  ): void {
    const author = by.trim()
    if (!author) throw new InputError('Say who makes the change: give your name (--by NAME).')
    this.models.summary(modelId)
    const stored =
      value === null ? null : typeof value === 'string' ? value.trim() || null : JSON.stringify(value)
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO model_settings (model_id, ${what}, updated_by) VALUES (?, ?, ?)
           ON CONFLICT(model_id) DO UPDATE SET ${what} = excluded.${what}, updated_by = excluded.updated_by,
             updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`
        )
        .run(modelId, stored, author)
      this.db
        .prepare('INSERT INTO model_settings_log (model_id, what, value, changed_by) VALUES (?, ?, ?, ?)')
        .run(modelId, what, stored, author)
    })()
  }

  /** The edits of a model's settings, the latest first. */
  settingsLog(
    modelId: number
  ): { what: string; value: string | null; changedBy: string; changedAt: string }[] {
    const rows = this.db
      .prepare(
        'SELECT what, value, changed_by, changed_at FROM model_settings_log WHERE model_id = ? ORDER BY id DESC'
      )
      .all(modelId) as { what: string; value: string | null; changed_by: string; changed_at: string }[]
    return rows.map((r) => ({
      what: r.what,
      value: r.value,
      changedBy: r.changed_by,
      changedAt: r.changed_at
    }))
  }

  /** A dataset's dictionary edits (null: none). */
  datasetDictionary(datasetId: number): Dictionary | null {
    const row = this.db
      .prepare('SELECT dictionary FROM dataset_dictionaries WHERE dataset_id = ?')
      .get(datasetId) as { dictionary: string } | undefined
    return row ? readJson(row.dictionary, DictionarySchema, `the dictionary of dataset ${datasetId}`) : null
  }

  /** Replaces a dataset's dictionary edits. */
  setDatasetDictionary(datasetId: number, dictionary: Dictionary, by: string): void {
    const author = by.trim()
    if (!author) throw new InputError('Say who makes the change: give your name (--by NAME).')
    this.db
      .prepare(
        `INSERT INTO dataset_dictionaries (dataset_id, dictionary, updated_by) VALUES (?, ?, ?)
         ON CONFLICT(dataset_id) DO UPDATE SET dictionary = excluded.dictionary, updated_by = excluded.updated_by,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`
      )
      .run(datasetId, JSON.stringify(dictionary), author)
  }

  /** Makes a model active with no second person: allowed only when no model is active. */
  activateAutomatically(modelId: number, why = AUTOMATIC_ACTIVATION): void {
    this.db.transaction(() => {
      this.models.activate(modelId)
      this.db
        .prepare(
          "INSERT INTO model_activations (model_id, status, requested_by, request_note) VALUES (?, 'automatic', ?, ?)"
        )
        .run(modelId, why, 'made active automatically')
    })()
  }

  /** The maker's half: asks for a model to be made active. */
  requestActivation(modelId: number, by: string, note: string): ActivationInfo {
    const maker = by.trim()
    if (!maker) throw new InputError('Say who asks: give your name (--by NAME).')
    return this.db.transaction(() => {
      this.models.summary(modelId)
      if (this.models.activeId() === modelId)
        throw new InputError(`Model ${modelId} is already the active model.`)
      const pending = this.pending(modelId)
      if (pending)
        throw new InputError(
          `Model ${modelId} already waits for a second person to confirm (asked by ${pending.requestedBy}). Confirm it with "ptm activate ${modelId} --confirm --by NAME --note TEXT".`
        )
      const info = this.db
        .prepare(
          "INSERT INTO model_activations (model_id, status, requested_by, request_note) VALUES (?, 'pending', ?, ?)"
        )
        .run(modelId, maker, note.trim())
      return this.activation(Number(info.lastInsertRowid))
    })()
  }

  /**
   * The checker's half: a second person, not the one who asked, confirms (the model becomes
   * active) or rejects the pending request, with a note.
   */
  decideActivation(modelId: number, by: string, note: string, confirm: boolean): ActivationInfo {
    const checker = by.trim()
    if (!checker) throw new InputError('Say who confirms: give your name (--by NAME).')
    if (!note.trim())
      throw new InputError('Add a note saying why (--note TEXT): it is kept with the decision.')
    return this.db.transaction(() => {
      const pending = this.pending(modelId)
      if (!pending)
        throw new InputError(
          `Nobody has asked for model ${modelId} to be made active. The first person asks with "ptm activate ${modelId} --by NAME".`
        )
      if (pending.requestedBy.trim().toLowerCase() === checker.toLowerCase())
        throw new InputError(
          `${checker} asked for model ${modelId} to be made active, so a second person must confirm it.`
        )
      this.db
        .prepare(
          `UPDATE model_activations SET status = ?, decided_by = ?, decision_note = ?,
             decided_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`
        )
        .run(confirm ? 'confirmed' : 'rejected', checker, note.trim(), pending.id)
      if (confirm) this.models.activate(modelId)
      return this.activation(pending.id)
    })()
  }

  /** A model's pending activation request, if any. */
  pending(modelId: number): ActivationInfo | undefined {
    return this.db
      .prepare(
        `SELECT ${ACTIVATION} FROM model_activations WHERE model_id = ? AND status = 'pending' ORDER BY id DESC LIMIT 1`
      )
      .get(modelId) as ActivationInfo | undefined
  }

  /** Every activation record (of one model, or all), the latest first. */
  activations(modelId?: number): ActivationInfo[] {
    return (
      modelId === undefined
        ? this.db.prepare(`SELECT ${ACTIVATION} FROM model_activations ORDER BY id DESC`).all()
        : this.db
            .prepare(`SELECT ${ACTIVATION} FROM model_activations WHERE model_id = ? ORDER BY id DESC`)
            .all(modelId)
    ) as ActivationInfo[]
  }

  /** The bank and branch this workbench serves, as the decision sheet prints them. */
  branchInfo(): { bank: string | null; branch: string | null } {
    const read = (key: string): string | null =>
      (this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined)
        ?.value ?? null
    return { bank: read(BANK_KEY), branch: read(BRANCH_KEY) }
  }

  /** Sets the bank and branch names (an empty text clears one). */
  setBranchInfo(info: { bank?: string; branch?: string }): void {
    const write = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value'
    )
    const clear = this.db.prepare('DELETE FROM settings WHERE key = ?')
    for (const [key, value] of [
      [BANK_KEY, info.bank],
      [BRANCH_KEY, info.branch]
    ] as const) {
      if (value === undefined) continue
      if (value.trim()) write.run(key, value.trim().slice(0, 200))
      else clear.run(key)
    }
  }

  private activation(id: number): ActivationInfo {
    return this.db
      .prepare(`SELECT ${ACTIVATION} FROM model_activations WHERE id = ?`)
      .get(id) as ActivationInfo
  }
}

const BANK_KEY = 'bank_name'
const BRANCH_KEY = 'branch_name'

/** The columns of model_activations named as ActivationInfo's fields, so that rows are read as they are. */
const ACTIVATION = `id, model_id AS modelId, status, requested_by AS requestedBy, request_note AS requestNote,
  requested_at AS requestedAt, decided_by AS decidedBy, decision_note AS decisionNote, decided_at AS decidedAt`

/** Stored JSON read back through its schema: a damaged value is a clear error, never used. */
function readJson<T extends z.ZodType>(text: string | null, schema: T, what: string): z.output<T> | null {
  if (text === null) return null
  try {
    return schema.parse(JSON.parse(text))
  } catch {
    throw new WorkbenchError(
      'MODEL_CORRUPT',
      `${what} is stored damaged. Set it again, or restore the database from a backup.`
    )
  }
}
