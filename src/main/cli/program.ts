import { Command, CommanderError } from 'commander'
import { classifyError, exitStatusOf } from '../core/base/classifyError'
import { resolveDbPath } from '../core/storage/defaultDbPath'
import { CliContext, type GlobalOptions } from './common/CliContext'
import { registerDataCommands } from './commands/dataCommands'
import { registerModelCommands } from './commands/modelCommands'
import { registerScoreCommands } from './commands/scoreCommands'
import { registerAllCommand } from './commands/allCommand'
import { registerReportCommands } from './commands/reportCommands'
import { registerExportModelCommand } from './commands/exportModelCommand'
import { registerScorecardCommand } from './commands/scorecardCommand'
import { registerCommitteeCommands } from './commands/committeeCommands'

/** The spec's `python main.py --step NAME` names, mapped to our commands. */
const STEP_ALIASES: Record<string, string> = { deploy: 'serve' }

/** Rewrites `--step NAME` (the spec's form) into the command `NAME`. */
export function translateStep(argv: string[]): string[] {
  const i = argv.findIndex((a) => a === '--step' || a.startsWith('--step='))
  if (i < 0) return argv
  const inline = argv[i].startsWith('--step=') ? argv[i].slice('--step='.length) : undefined
  const name = inline ?? argv[i + 1]
  if (!name) return argv
  const rest = [...argv.slice(0, i), ...argv.slice(i + (inline ? 1 : 2))]
  return [STEP_ALIASES[name] ?? name, ...rest]
}

export interface CliIo {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  /** Aborted when the user interrupts (Ctrl+C): a running command stops and writes nothing. */
  signal?: AbortSignal
}

/**
 * Runs the `ptm` command line and returns its exit code: 0 success, 1 a user error
 * (one line on stderr), 2 bad usage, 130 interrupted; every failure is classified by the
 * one error catalogue (core/base/errors.ts) and printed as one line, never a stack.
 */
export async function runCli(
  argv: string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr }
): Promise<number> {
  let exitCode = 0
  // Commander prints its own parse errors before it throws; an option refused later, while
  // an action reads its options, is printed here (else it would exit 2 without a word).
  let commanderSpoke = false
  const contexts: CliContext[] = []
  const program = new Command('ptm')
    .description('Loan default workbench: data, models and scoring from the command line.')
    .option('--db <file>', "database file (default: the app's data folder, or $PTM_DB)")
    .option('--json', 'print one JSON object on stdout')
    .showHelpAfterError('(run "ptm --help" for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => {
        commanderSpoke = true
        io.stderr.write(s)
      }
    })

  const run =
    (action: (ctx: CliContext, ...args: never[]) => Promise<void> | void) =>
    async (...args: unknown[]): Promise<void> => {
      const ctx = new CliContext(program.opts<GlobalOptions>(), io.stdout, io.stderr, io.signal)
      contexts.push(ctx)
      // Commander passes the positional arguments, then the options, then the command.
      await action(ctx, ...(args.slice(0, -1) as never[]))
    }

  registerDataCommands(program, run)
  registerModelCommands(program, run)
  registerScoreCommands(program, run)
  registerAllCommand(program, run)
  registerReportCommands(program, run)
  registerCommitteeCommands(program, run)
  registerExportModelCommand(program, run)
  registerScorecardCommand(program, run)

  try {
    await program.parseAsync(translateStep(argv), { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      exitCode = error.exitCode === 0 ? 0 : 2
      if (exitCode === 2 && !commanderSpoke)
        io.stderr.write(`ptm: ${error.message}\n(run "ptm --help" for usage)\n`)
    } else {
      exitCode = reportFailure(error, io, databaseOf(program.opts<GlobalOptions>()))
    }
  } finally {
    for (const ctx of contexts) ctx.close()
  }
  return exitCode
}

/** Prints a failure as one line on stderr and returns the exit status its catalogue entry gives. */
function reportFailure(error: unknown, io: CliIo, database: string | undefined): number {
  const info = classifyError(error, { database })
  if (info.code === 'INTERNAL') {
    io.stderr.write(
      `ptm: internal error: ${info.message} (a fault in the workbench, not in what you gave; run again with PTM_DEBUG=1 to see where, and report it)\n`
    )
    if (process.env.PTM_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`)
  } else if (info.code === 'CANCELLED') {
    io.stderr.write('ptm: interrupted; nothing was written.\n')
  } else {
    io.stderr.write(`ptm: ${info.message}\n`)
  }
  return exitStatusOf(info.code)
}

/** The database a failing command was using, for messages about it (undefined when even that path is bad). */
function databaseOf(options: GlobalOptions): string | undefined {
  try {
    return resolveDbPath(options.db)
  } catch {
    return undefined
  }
}
