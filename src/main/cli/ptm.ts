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

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupted.signal
}).then((code) => {
  process.exitCode = code
  process.off('SIGINT', interrupt)
  process.off('SIGTERM', interrupt)
})
