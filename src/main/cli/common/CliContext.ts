import { Workbench } from '../../core/service/Workbench'
import { resolveDbPath } from '../../core/storage/defaultDbPath'

/** Options every command accepts. */
/** Wraps a command's action so it runs with a CliContext of its own (program.ts makes it). */
export type Run = (
  action: (ctx: CliContext, ...args: never[]) => Promise<void> | void
) => (...args: unknown[]) => Promise<void>

export interface GlobalOptions {
  db?: string
  json?: boolean
}

/** What a command needs: the service, and how to talk to the person or script that called it. */
export class CliContext {
  private workbench: Workbench | undefined

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

  get dbPath(): string {
    return resolveDbPath(this.options.db)
  }

  /** The service over the database, opened on first use. */
  service(): Workbench {
    this.workbench ??= Workbench.open(this.dbPath)
    return this.workbench
  }

  close(): void {
    this.workbench?.close()
    this.workbench = undefined
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
