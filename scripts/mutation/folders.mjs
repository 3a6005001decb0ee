// The code npm run test:mutation measures, one entry per README row. Each entry is the list of
// globs handed to Stryker's --mutate. Left out, with the reason:
//  - worker entry files (forestWorker, scoreWorker, compileWorker): they run in worker threads,
//    which Stryker cannot switch mutants in; the code they call is measured where it lives;
//  - forestWalkWasm.ts: generated (npm run build:wasm) base64 of the WebAssembly kernel;
//  - storage/migrations: SQL text, checked by every test that opens a database.
export const FOLDERS = {
  base: ['src/main/core/base/**/*.ts'],
  data: ['src/main/core/data/**/*.ts'],
  model: ['src/main/core/model/**/*.ts'],
  eda: ['src/main/core/eda/**/*.ts'],
  ml: ['src/main/core/ml/**/*.ts', '!src/main/core/ml/forest/**'],
  // Our random forest, measured on its own: its mutants are the slowest to test.
  'ml-forest': ['src/main/core/ml/forest/**/*.ts', '!src/main/core/ml/forest/forestWorker.ts'],
  scoring: [
    'src/main/core/scoring/**/*.ts',
    '!src/main/core/scoring/forestWalkWasm.ts',
    '!src/main/core/scoring/scoreWorker.ts'
  ],
  training: ['src/main/core/training/**/*.ts'],
  validation: ['src/main/core/validation/**/*.ts'],
  storage: ['src/main/core/storage/**/*.ts', '!src/main/core/storage/migrations/**'],
  adapters: [
    'src/main/cli/common/paramOptions.ts',
    'src/shared/params/*.ts',
    'src/shared/api.ts',
    'src/main/http/**/*.ts',
    'src/main/ipc/createHandlers.ts',
    'src/main/ipc/registerIpc.ts',
    'src/main/ipc/FileAccess.ts'
  ]
}
