import { runCli } from './program'

// Entry of `npm run ptm -- <command>`: the same core as the app, no window.
runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
