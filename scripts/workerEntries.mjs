// The worker-thread entries, each beside the code that starts it. The app's build
// (electron.vite.config.ts) and the CLI's (scripts/buildCli.mjs) bundle each to
// workers/<name>.js beside their main entry, where spawnWorker looks for built entries.
export const WORKER_ENTRIES = {
  forestWorker: 'src/main/core/ml/forest/forestWorker.ts',
  gbmWorker: 'src/main/core/ml/gbm/gbmWorker.ts',
  scoreWorker: 'src/main/core/scoring/scoreWorker.ts',
  compileWorker: 'src/main/core/service/compileWorker.ts',
  jobWorker: 'src/main/jobs/jobWorker.ts',
  profileWorker: 'src/main/core/eda/profileWorker.ts',
  predictWorker: 'src/main/http/predictWorker.ts',
  csvSurveyWorker: 'src/main/core/storage/csvSurveyWorker.ts',
  wholeFileCheckWorker: 'src/main/core/storage/wholeFileCheckWorker.ts'
}
