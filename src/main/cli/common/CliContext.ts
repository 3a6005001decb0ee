import { InputError } from '../../core/base/errors'
import { Workbench } from '../../core/service/Workbench'
import { resolveDbPath } from '../../core/storage/defaultDbPath'
import { isLang, translator, type Lang, type Translate } from '../../../shared/i18n'

/** Options every command accepts. */
/** Wraps a command's action so it runs with a CliContext of its own (program.ts makes it). */
export type Run = (
  action: (ctx: CliContext, ...args: never[]) => Promise<void> | void
) => (...args: unknown[]) => Promise<void>

export interface GlobalOptions {
  db?: string
  json?: boolean
  lang?: string
}

/** What a command needs: the service, and how to talk to the person or script that called it. */
export class CliContext {
  private workbench: Workbench | undefined
  /** Whether the open database was checked whole (see service and reader). */
  private verified = false

  constructor(
    readonly options: GlobalOptions,
    readonly stdout: NodeJS.WritableStream = process.stdout,
    readonly stderr: NodeJS.WritableStream = process.stderr,
    /** Aborted when the user interrupts the command (see runCli). */
    readonly signal?: AbortSignal
  ) {}

  get json(): boolean {
    return this.options.json === true
  }

  /** The language of what a person reads: --lang, else $PTM_LANG, else English. */
  get lang(): Lang {
    const asked = this.options.lang ?? process.env.PTM_LANG ?? 'en'
    if (!isLang(asked)) throw new InputError(`--lang ${asked}: give en (English) or hi (Hindi).`)
    return asked
  }

  /** The catalogue's messages in the user's language. */
  get t(): Translate {
    return translator(this.lang)
  }

  get dbPath(): string {
    return resolveDbPath(this.options.db)
  }

  /** The service over the database, opened (and checked whole) on first use. */
  service(): Workbench {
    if (this.workbench && !this.verified) this.close()
    this.workbench ??= Workbench.open(this.dbPath)
    this.verified = true
    return this.workbench
  }

  /**
   * The service for a command that writes to the database only after long work (scoring a
   * file): opened without reading every page first, that check running on another thread
   * meanwhile; the command hands `checked` to its writes (Workbench.openCheckedAside).
   */
  serviceCheckedAside(): { service: Workbench; checked: Promise<void> } {
    if (this.workbench && this.verified) return { service: this.workbench, checked: Promise.resolve() }
    this.close()
    const { workbench, checked } = Workbench.openCheckedAside(this.dbPath)
    this.workbench = workbench
    return { service: workbench, checked }
  }

  /**
   * The service for a command that never writes to the database: opened without reading
   * every page first (seconds on a store of large datasets); a damaged page it reads is
   * still refused (see OpenDatabaseOptions.verify).
   */
  reader(): Workbench {
    this.workbench ??= Workbench.open(this.dbPath, undefined, { verify: false })
    return this.workbench
  }

  close(): void {
    this.workbench?.close()
    this.workbench = undefined
    this.verified = false
  }

  /** Human-readable output (suppressed with --json, where stdout carries one JSON object). */
  print(text: string): void {
    if (!this.json) this.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
  }

  /** The one JSON object of a --json run. */
  printJson(value: unknown): void {
    if (this.json) this.stdout.write(`${JSON.stringify(value, jsonNumbers)}\n`)
  }

  /** A progress line on stderr, only when a person is watching a terminal. */
  progress(text: string): void {
    const err = this.stderr as NodeJS.WriteStream
    if (err.isTTY) err.write(`\r${text.padEnd(70)}`)
  }

  progressDone(): void {
    const err = this.stderr as NodeJS.WriteStream
    if (err.isTTY) err.write('\r'.padEnd(72) + '\r')
  }
}

/** JSON has no NaN or Infinity: write them as null rather than failing. */
function jsonNumbers(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value
}
