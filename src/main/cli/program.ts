import { Command, CommanderError } from 'commander'
import { isCancellation } from '../core/base/errors'
import { CliContext, type GlobalOptions } from './common/CliContext'
import { registerDataCommands } from './commands/dataCommands'
import { registerModelCommands } from './commands/modelCommands'
import { registerScoreCommands } from './commands/scoreCommands'
import { registerAllCommand } from './commands/allCommand'
import { registerReportCommands } from './commands/reportCommands'
import { registerExportModelCommand } from './commands/exportModelCommand'
import { registerScorecardCommand } from './commands/scorecardCommand'
import { isUserError } from './common/userError'

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
}

/**
 * Runs the `ptm` command line and returns its exit code: 0 success, 1 a user error
 * (one line on stderr), 2 bad usage.
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
      const ctx = new CliContext(program.opts<GlobalOptions>(), io.stdout, io.stderr)
      contexts.push(ctx)
      // Commander passes the positional arguments, then the options, then the command.
      await action(ctx, ...(args.slice(0, -1) as never[]))
    }

  registerDataCommands(program, run)
  registerModelCommands(program, run)
  registerScoreCommands(program, run)
  registerAllCommand(program, run)
  registerReportCommands(program, run)
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
    } else if (isUserError(error) || isCancellation(error)) {
      io.stderr.write(`ptm: ${(error as Error).message.split('\n')[0]}\n`)
      exitCode = 1
    } else {
      io.stderr.write(`ptm: internal error: ${(error as Error).stack ?? String(error)}\n`)
      exitCode = 1
    }
  } finally {
    for (const ctx of contexts) ctx.close()
  }
  return exitCode
}
