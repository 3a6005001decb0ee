import { runCli } from './program'

// Entry of `npm run ptm -- <command>`: the same core as the app, no window.
// The first Ctrl+C (or SIGTERM) cancels the running command, which removes what it was
// writing and exits 130; a second one stops at once.
const interrupted = new AbortController()
const interrupt = (): void => {
  if (interrupted.signal.aborted) process.exit(130)
  interrupted.abort()
}
process.on('SIGINT', interrupt)
process.on('SIGTERM', interrupt)
// `ptm … | head` closes the pipe early: the reader has what it wanted, so stop quietly
// (Node would otherwise throw EPIPE as an unhandled error with a stack).
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupted.signal
}).then((code) => {
  process.exitCode = code
  process.off('SIGINT', interrupt)
  process.off('SIGTERM', interrupt)
})
