import type Database from 'better-sqlite3'
import { exportDatasetCsv } from '../data/exportCsv'
import { generateDataset, type GenerateDatasetOptions } from '../data/generateDataset'
import { importCsv, previewCsv, type CsvPreview, type ImportOptions, type ImportResult } from '../data/importCsv'
import { profileTable, type DatasetProfile } from '../eda/profileTable'
import { InputError } from '../errors'
import { DatasetRepo, type DatasetDetail, type DatasetSummary } from '../storage/DatasetRepo'
import { openDatabase } from '../storage/openDatabase'

/**
 * The one service over the core (ARCHITECTURE.md rule 1): the CLI, the IPC handlers,
 * the /predict service, the job workers and the e2e bridge are thin adapters over it.
 * It owns one database connection and no other state.
 */
export class Workbench {
  readonly datasets: DatasetRepo

  constructor(
    readonly db: Database.Database,
    readonly dbPath: string
  ) {
    this.datasets = new DatasetRepo(db)
  }

  /** Opens the database file (migrating it) and returns a service over it. */
  static open(dbPath: string, nativeBinding?: string): Workbench {
    return new Workbench(openDatabase(dbPath, { nativeBinding }), dbPath)
  }

  close(): void {
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
    if (!latest) throw new InputError('There is no dataset yet. Create one with "ptm generate" or "ptm import FILE.csv --target COLUMN".')
    return latest.id
  }

  deleteDataset(id: number): void {
    this.datasets.delete(id)
  }

  generateDataset(options: GenerateDatasetOptions): Promise<DatasetSummary> {
    return generateDataset(this.db, options)
  }

  previewCsv(path: string): Promise<CsvPreview> {
    return previewCsv(path)
  }

  importCsv(options: ImportOptions): Promise<ImportResult> {
    return importCsv(this.db, options)
  }

  exportDataset(id: number, path: string): Promise<{ rows: number }> {
    return exportDatasetCsv(this.db, id, path)
  }

  /** Column statistics, class balance and correlations of a dataset (the EDA screens' data). */
  profileDataset(id: number): DatasetProfile {
    return profileTable(this.datasets.loadTable(id))
  }
}
