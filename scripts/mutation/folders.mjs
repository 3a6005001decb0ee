// The code npm run test:mutation measures, one entry per row of the score table: the globs
// handed to Stryker's --mutate, and the test-file globs handed to its --testFiles: the folder's own tests (the test tree mirrors src) and the oracle and integration
// tests that check its numbers. A mutant then runs only those of them that executed it.
//
// Left out of `mutate`, with the reason:
//  - worker entry files (forestWorker, gbmWorker): they run in worker threads, which Stryker cannot switch
//    mutants in; the code they call is measured where it lives;
//  - forestWalkWasm.ts: generated (npm run build:wasm) base64 of the WebAssembly kernel;
//  - scoreWorker.ts, profileWorker.ts, predictWorker.ts: worker entries, as above;
//  - storage/migrations: SQL text, run by every test that opens a database.
//
// A folder may list `parts`: its files in groups, each with the few test files that check them.
// runFolders.mjs then runs the parts one by one (each with its own report, named
// `folder.part`), and the score table adds them up into the folder's row. The parts together
// mutate what the folder's `mutate` does.

/** A data source file by its module name. */
const data = (name) => `src/main/core/data/${name}.ts`
/** A data test file by its module name. */
const dataTest = (name) => `tests/main/core/data/${name}.test.ts`
/** A storage source file by its module name. */
const storage = (name) => `src/main/core/storage/${name}.ts`
/** A storage test file by its module name. */
const storageTest = (name) => `tests/main/core/storage/${name}.test.ts`
/** An ml source file by its module name. */
const ml = (name) => `src/main/core/ml/${name}.ts`
/** An ml test file by its module name. */
const mlTest = (name) => `tests/main/core/ml/${name}.test.ts`
/** A scoring source file by its module name. */
const scoring = (name) => `src/main/core/scoring/${name}.ts`
/** A scoring test file by its module name. */
const scoringTest = (name) => `tests/main/core/scoring/${name}.test.ts`
export const FOLDERS = {
  base: {
    mutate: ['src/main/core/base/**/*.ts'],
    tests: ['tests/main/core/base/**/*.test.ts']
  },
  data: {
    mutate: ['src/main/core/data/**/*.ts'],
    tests: [
      'tests/main/core/data/**/*.test.ts',
      'tests/main/core/storage/importCsv.test.ts',
      'tests/main/core/storage/hostileImport.test.ts',
      'tests/main/cli/importRefusals.test.ts'
    ],
    // The fast-check import test (20 s) is left to `npm test`: run per mutant it cost more than
    // the rest of the folder's tests together.
    parts: {
      numbers: {
        mutate: ['csv/parseNumber', 'csv/fieldBytes'].map(data),
        tests: ['csv/parseNumber', 'csv/fieldBytes'].map(dataTest)
      },
      sniff: {
        mutate: ['csv/sniffCsv', 'csv/encodingGuard', 'csv/CsvInputError'].map(data),
        tests: [
          ...[
            'csv/sniffCsv',
            'csv/sniffCsvMessages',
            'csv/sniffCsvChoices',
            'csv/encodingGuard',
            'csv/CsvInputError',
            'csv/readCsvRecords'
          ].map(dataTest),
          'tests/main/cli/importRefusals.test.ts'
        ]
      },
      read: {
        mutate: ['csv/tokenizeCsv', 'csv/readCsvRecords', 'csv/readCsvChunks', 'csv/forEachRecords'].map(
          data
        ),
        tests: [
          ...['csv/tokenizeCsv', 'csv/tokenizeCsvEdges', 'csv/readCsvRecords', 'csv/readCsvChunks'].map(
            dataTest
          ),
          'tests/main/core/storage/importCsv.test.ts',
          'tests/main/cli/importRefusals.test.ts'
        ]
      },
      columns: {
        mutate: ['Table', 'columnNames', 'fileHash', 'inferColumnKinds', 'targetClasses'].map(data),
        tests: [
          ...['columnNames', 'fileHash', 'inferColumnKinds', 'targetClasses'].map(dataTest),
          'tests/main/core/storage/importCsv.test.ts'
        ]
      },
      generate: {
        mutate: ['generateLoans'].map(data),
        tests: ['generateLoans', 'generateLoanRows'].map(dataTest)
      }
    }
  },
  model: {
    mutate: ['src/main/core/model/**/*.ts'],
    tests: ['tests/main/core/model/**/*.test.ts', 'tests/main/core/scoring/scoringOracle.test.ts']
  },
  eda: {
    mutate: ['src/main/core/eda/**/*.ts', '!src/main/core/eda/profileWorker.ts'],
    tests: ['tests/main/core/eda/**/*.test.ts'],
    // The threads test profiles 400,000 rows: run for every mutant of profileTable it cost
    // about 20 s a mutant, and it compares the threads with profileTable, not with an oracle.
    parts: {
      profile: {
        mutate: ['src/main/core/eda/profileTable.ts'],
        tests: ['profileTable', 'profileTable.oracle', 'profileTableEdges'].map(
          (name) => `tests/main/core/eda/${name}.test.ts`
        )
      },
      workers: {
        mutate: ['src/main/core/eda/profileInWorkers.ts'],
        tests: ['profileInWorkers', 'profileInWorkersPlan'].map(
          (name) => `tests/main/core/eda/${name}.test.ts`
        )
      }
    }
  },
  ml: {
    mutate: ['src/main/core/ml/**/*.ts', '!src/main/core/ml/forest/**', '!src/main/core/ml/gbm/gbmWorker.ts'],
    tests: ['tests/main/core/ml/**/*.test.ts', 'tests/main/core/scoring/scoringOracle.test.ts'],
    // In parts, each with the tests of its files: with the folder's 22 test files a mutant of a
    // helper also ran the forest and boosting training tests.
    parts: {
      metrics: {
        mutate: ['metrics', 'thresholdEvaluation', 'permutationImportance'].map(ml),
        tests: ['metrics', 'thresholdEvaluation', 'permutationImportance'].map(mlTest)
      },
      calibration: {
        mutate: ['calibration'].map(ml),
        tests: ['calibration'].map(mlTest)
      },
      prepare: {
        mutate: ['preprocess', 'featureEngineering', 'binning', 'split', 'drift', 'smote'].map(ml),
        tests: [
          'preprocess',
          'featureEngineering',
          'binning',
          'split',
          'drift',
          'smote',
          'smoteHandWorked',
          'extremeValues'
        ].map(mlTest)
      },
      scorecard: {
        mutate: ['src/main/core/ml/scorecard/**/*.ts'],
        tests: ['tests/main/core/ml/scorecard/**/*.test.ts']
      },
      // Boosting in four parts: with the training tests for every file (1,140 mutants) the
      // first minutes of a run measured ~7 s a mutant, over two hours; the building blocks are
      // checked by hand-worked unit tests, the training tests measure trainGbm itself.
      gbmTrees: {
        mutate: ['src/main/core/ml/trees/**/*.ts'],
        tests: ['trees/FlatTreeBuilder', 'trees/rowPartition', 'gbm/emitFlatTree', 'gbm/leafWiseLearner'].map(
          mlTest
        )
      },
      gbmSearch: {
        mutate: ['gbm/gradientHistogram', 'gbm/splitSearch'].map(ml),
        tests: ['gbm/gradientHistogram', 'gbm/splitSearch', 'gbm/leafWiseLearner'].map(mlTest)
      },
      gbmLearner: {
        mutate: ['gbm/leafWiseLearner', 'gbm/BoostedTree', 'gbm/earlyStopping', 'gbm/emitFlatTree'].map(ml),
        tests: ['gbm/leafWiseLearner', 'gbm/earlyStopping', 'gbm/emitFlatTree'].map(mlTest)
      },
      gbmTrain: {
        mutate: ['gbm/trainGbm', 'gbm/trainGbmInWorker'].map(ml),
        tests: ['gbm/trainGbmRules', 'gbm/trainGbm', 'engines/gbmEngine', 'engines/gbmEngineSettings'].map(
          mlTest
        )
      },
      engines: {
        mutate: ['src/main/core/ml/engines/**/*.ts'],
        // The engines' own fast tests (tiny data, few trees): describe, estimates, candidates,
        // fold settings and training, against the trainer called directly or the library's trees.
        tests: [
          'engines',
          ...[
            'gbmEngine',
            'gbmEngineSettings',
            'blendEngine',
            'blendEngineTrain',
            'forestEngine',
            'referenceEngine',
            'scorecardEngine'
          ].map((name) => `engines/${name}`)
        ].map(mlTest)
      }
    }
  },
  // Our random forest, on its own: its mutants are the slowest to test.
  'ml-forest': {
    mutate: ['src/main/core/ml/forest/**/*.ts', '!src/main/core/ml/forest/forestWorker.ts'],
    tests: ['tests/main/core/ml/forest/**/*.test.ts']
  },
  scoring: {
    mutate: [
      'src/main/core/scoring/**/*.ts',
      '!src/main/core/scoring/forestWalkWasm.ts',
      '!src/main/core/scoring/scoreWorker.ts'
    ],
    tests: ['tests/main/core/scoring/**/*.test.ts'],
    // Run in parts: with the whole folder's tests, every mutant of a shared helper also ran the
    // worker-thread batch tests, about 14 s a mutant (5 h for the folder on two cores).
    parts: {
      explain: {
        mutate: ['reasons', 'neutraliseCell', 'fieldReasons'].map(scoring),
        tests: ['reasons', 'neutraliseCell', 'fieldReasons', 'scoringOracle'].map(scoringTest)
      },
      inputs: {
        mutate: ['parseApplicants', 'parseCsvInputs', 'auditInputs'].map(scoring),
        tests: ['parseApplicants', 'parseCsvInputs', 'parseCsvInputsFastPaths', 'scoringOracle'].map(
          scoringTest
        )
      },
      single: {
        mutate: ['scoreOne', 'loadModel', 'compiledPredictor', 'scoreApplicants'].map(scoring),
        tests: [
          'scoreOne',
          'scoreApplicants',
          'scoreOneMessages',
          'loadModel',
          'compiledPredictor',
          'compiledForestLimits',
          'scoringOracle',
          'checkScoringFile'
        ].map(scoringTest)
      },
      shap: {
        mutate: ['treeShap', 'linearTreeShap'].map(scoring),
        tests: ['treeShap'].map(scoringTest)
      },
      compiled: {
        mutate: ['CompiledForest', 'compiledForestStore'].map(scoring),
        tests: ['CompiledForest', 'compiledForestLimits', 'compiledPredictor'].map(scoringTest)
      },
      batch: {
        // scoreApplicants is measured with the single part: its exact mode is what those tests
        // check, and scoreApplicants.test.ts checks its batch modes against it.
        mutate: ['scoreCsvFile', 'ChunkScorer', 'ScoringWorkers'].map(scoring),
        tests: [
          'scoreApplicants',
          'scoreCsvFile',
          'scoreExtremes',
          'checkScoringFile',
          'scoringOracle',
          'scoringWorkersThreads',
          'scoreCsvFileRecords',
          'chunkScorerRows'
        ].map(scoringTest)
      }
    }
  },
  training: {
    mutate: ['src/main/core/training/**/*.ts'],
    tests: ['tests/main/core/training/**/*.test.ts']
  },
  validation: {
    mutate: ['src/main/core/validation/**/*.ts'],
    tests: ['tests/main/core/validation/**/*.test.ts']
  },
  storage: {
    mutate: ['src/main/core/storage/**/*.ts', '!src/main/core/storage/migrations/**'],
    tests: ['tests/main/core/storage/**/*.test.ts', 'tests/main/cli/importRefusals.test.ts'],
    parts: {
      import: {
        mutate: ['importCsv', 'csvSurvey', 'exportCsv', 'trainingDataHash', 'generateDataset'].map(storage),
        tests: [
          ...[
            'importCsv',
            'importCsvMessages',
            'exportCsv',
            'columnCopy',
            'columnCopyFormat',
            'DatasetRepo',
            'generateDataset',
            'csvSurveyThread',
            'trainingDataHash',
            'killedImport'
          ].map(storageTest),
          'tests/main/cli/importRefusals.test.ts'
        ]
      },
      // The column store: what a dataset is stored as, checked by reading back what imports,
      // exports and the training-data hash wrote.
      columns: {
        mutate: ['columnCopy', 'DatasetRepo'].map(storage),
        tests: [
          'DatasetRepo',
          'columnCopy',
          'columnCopyFormat',
          'exportCsv',
          'importCsv',
          'killedImport',
          'trainingDataHash'
        ].map(storageTest)
      },
      database: {
        mutate: ['openDatabase', 'defaultDbPath'].map(storage),
        tests: ['openDatabase', 'openDatabaseLocation', 'openDatabaseUpgrades', 'defaultDbPath'].map(
          storageTest
        )
      },
      repos: {
        mutate: ['ModelRepo', 'AuditRepo', 'GovernanceRepo'].map(storage),
        tests: ['ModelRepo', 'ModelRepoRecords', 'AuditRepo', 'GovernanceRepo'].map(storageTest)
      }
    }
  },
  adapters: {
    mutate: [
      'src/main/cli/common/paramOptions.ts',
      'src/shared/params/*.ts',
      'src/shared/api.ts',
      'src/main/http/**/*.ts',
      '!src/main/http/predictWorker.ts',
      'src/main/ipc/*.ts'
    ],
    tests: [
      'tests/main/cli/**/*.test.ts',
      'tests/main/http/**/*.test.ts',
      'tests/main/ipc/**/*.test.ts',
      'tests/shared/**/*.test.ts'
    ],
    // In parts: the CLI and service tests train models, seconds a test, and ran for every mutant
    // of a parameter schema. The validation of what comes in (parameters, IPC arguments and file
    // grants, /predict bodies) has fast tests of its own; the handlers and the worker pool are
    // the glue, checked by tests that train models and start servers.
    parts: {
      params: {
        mutate: ['src/main/cli/common/paramOptions.ts', 'src/shared/params/*.ts', 'src/shared/api.ts'],
        tests: [
          'tests/main/cli/common/paramOptions.test.ts',
          'tests/main/cli/common/paramOptionsShapes.test.ts',
          'tests/main/ipc/registerIpc.test.ts',
          'tests/shared/params/paramControl.test.ts'
        ]
      },
      ipc: {
        mutate: ['registerIpc', 'FileAccess', 'offline'].map((name) => `src/main/ipc/${name}.ts`),
        tests: ['registerIpc', 'FileAccess', 'offline'].map((name) => `tests/main/ipc/${name}.test.ts`)
      },
      http: {
        mutate: ['src/main/http/predictServer.ts'],
        tests: ['predictServer', 'predictStatuses', 'predictRequests'].map(
          (name) => `tests/main/http/${name}.test.ts`
        )
      },
      handlers: {
        mutate: ['src/main/ipc/createHandlers.ts'],
        tests: ['createHandlers', 'engineHandlers', 'committeeHandlers'].map(
          (name) => `tests/main/ipc/${name}.test.ts`
        )
      },
      pool: {
        mutate: ['PredictPool', 'AuditQueue'].map((name) => `src/main/http/${name}.ts`),
        tests: ['predictPool', 'predictServer'].map((name) => `tests/main/http/${name}.test.ts`)
      }
    }
  }
}
