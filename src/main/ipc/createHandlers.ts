import type { CallOutput, CallParsed, Channel } from '../../shared/api'
import type { Workbench } from '../core/service/Workbench'
import type { JobManager } from '../jobs/JobManager'
import type { Dialogs, FileRegistry } from './FileAccess'
import { basename } from 'node:path'
import { evaluateAtThreshold } from '../core/ml/thresholdEvaluation'
import { checkScoringFile, errorsPathFor } from '../core/scoring/scoreCsvFile'
import { InputError } from '../core/base/errors'
import { engineFor, isEngineId } from '../core/ml/engines'
import { TrainParamsSchema, type TrainParamsInput } from '../../shared/params/trainParams'
import type { ApplicantRef } from '../../shared/dto'

/** One function per contract call; inputs arrive already validated by the adapter. */
export type Handlers = { [C in Channel]: (input: CallParsed<C>) => Promise<CallOutput<C>> | CallOutput<C> }

export interface HandlerDeps {
  service: Workbench
  jobs: JobManager
  files: FileRegistry
  dialogs: Dialogs
  version: string
}

/**
 * The handlers behind every call of the contract. IPC (the app) and the HTTP bridge
 * (e2e tests) both register exactly these, so the app and its tests run the same code.
 */
export function createHandlers({ service, jobs, files, dialogs, version }: HandlerDeps): Handlers {
  return {
    'app/info': () => ({
      version,
      dbPath: service.dbPath,
      platform: process.platform,
      ...service.governance.branchInfo()
    }),
    'app/setBranch': (input) => {
      service.governance.setBranchInfo(input)
      return {
        version,
        dbPath: service.dbPath,
        platform: process.platform,
        ...service.governance.branchInfo()
      }
    },
    'datasets/list': () => service.listDatasets(),
    'datasets/get': ({ id }) => service.getDataset(id),
    'datasets/delete': ({ id }) => {
      service.deleteDataset(id)
      return { deleted: true as const }
    },
    'datasets/profile': async ({ id }) => {
      // Profiling a large dataset takes seconds: do it in a worker (the window stays
      // responsive and the jobs panel shows it), then read the stored result.
      const cached = service.cachedProfile(id)
      if (cached) return cached
      const job = await jobs.wait(
        jobs.start('profile', `Profile ${service.getDataset(id).name}`, { datasetId: id }).id
      )
      if (job.status !== 'done') throw new InputError(job.error?.message ?? 'Profiling the dataset failed.')
      return await service.profileDataset(id)
    },
    'datasets/generate': (input) =>
      jobs.start(
        'generate',
        `Generate ${input.rows.toLocaleString('en-IN')} loans (seed ${input.seed})`,
        input
      ),
    'datasets/preview': ({ handle }) => service.previewCsv(files.resolve(handle)),
    'datasets/import': ({ handle, ...rest }) => {
      const path = files.resolve(handle)
      return jobs.start('import', `Import ${path.split(/[\\/]/).pop()}`, { path, ...rest })
    },
    'datasets/export': async ({ id }) => {
      const detail = service.getDataset(id)
      const path = await dialogs.saveCsv(`${detail.name.replace(/[^\w.-]+/g, '_')}.csv`)
      if (!path) return null
      const { rows } = await service.exportDataset(id, path)
      return { path, rows }
    },
    'files/pickCsv': async () => {
      const path = await dialogs.openCsv()
      return path ? files.register(path) : null
    },
    'jobs/list': () => jobs.list(),
    'jobs/cancel': ({ id }) => ({ cancelled: jobs.cancel(id) }),
    'models/list': () => service.listModels(),
    'models/get': ({ id }) => ({
      summary: service.models.summary(id),
      evaluation: service.modelEvaluation(id)
    }),
    'models/evaluationAt': ({ id, threshold }) =>
      evaluateAtThreshold(service.modelEvaluation(id).scoreCounts, threshold),
    'models/estimate': ({ datasetId, name: _name, ...params }) => service.estimateTraining(datasetId, params),
    'models/train': ({ datasetId, name, ...params }) => {
      const dataset = service.getDataset(datasetId)
      // The job's time left starts from the estimate the Train screen showed.
      const { seconds } = service.estimateTraining(datasetId, params)
      return jobs.start(
        'train',
        `Train ${describeTraining(params)} on ${dataset.name}`,
        { datasetId, name, ...params },
        seconds
      )
    },
    'models/requestActivation': ({ id, by, note }) => service.requestActivation(id, by, note ?? ''),
    'models/decideActivation': ({ id, by, note, confirm }) => service.decideActivation(id, by, note, confirm),
    'models/governance': ({ id }) => service.modelGovernance(id),
    'models/setGovernance': ({ id, by, ...change }) => service.setModelGovernance(id, change, by),
    'models/delete': ({ id }) => {
      service.deleteModel(id)
      return { deleted: true as const }
    },
    'scoring/fields': ({ modelId }) => {
      const form = service.inputFields(modelId)
      const governance = service.modelGovernance(form.modelId)
      return {
        ...form,
        dictionary: governance.dictionary,
        policy: governance.policy,
        purpose: governance.purpose
      }
    },
    'scoring/scoreOne': ({ input, modelId, reference, lang }) =>
      service.scoreApplicant(input, 'app', modelId, { reference: cleanRef(reference), lang }),
    'scoring/override': (request) => service.recordOverride(request),
    'scoring/checkFile': async ({ handle, modelId }) => {
      const model = service.scoringModel(modelId)
      return { modelId: model.id, ...(await checkScoringFile(model, files.resolve(handle))) }
    },
    'scoring/scoreFile': async ({ handle, modelId }) => {
      const input = files.resolve(handle)
      const model = service.scoringModel(modelId)
      const output = await dialogs.saveCsv(basename(input).replace(/\.[^.]+$/, '') + '-scored.csv')
      if (!output) return null
      // Refused now, not as a failed job later: the database, the input, a folder or a device.
      await service.checkOutput(output, 'scored file', [input])
      await service.checkOutput(errorsPathFor(output), 'errors file', [input, output])
      return jobs.start('score', `Score ${basename(input)}`, { input, output, modelId: model.id })
    },
    'scoring/batch': ({ id }) => service.audit.batch(id),
    'scoring/showOutput': ({ id, which }) => {
      const batch = service.audit.batch(id)
      const path = which === 'errors' ? batch.errorsPath : batch.outPath
      if (!path) return { shown: false }
      dialogs.showInFolder(path)
      return { shown: true }
    },
    'history/list': (filter) => service.history(filter),
    'history/single': ({ id }) => service.audit.single(id),
    'models/exportReport': async ({ id }) => {
      const summary = service.models.summary(id)
      const path = await dialogs.savePdf(`model-${id}-evaluation.pdf`)
      if (!path) return null
      await service.writeEvaluationReport(summary.id, path)
      return { path }
    },
    'committee/strategy': async ({ modelId, handle, ...request }) =>
      service.strategy(service.resolveModelId(modelId), {
        ...request,
        data: handle && files.resolve(handle)
      }),
    'committee/swapSet': async ({ modelId, handle, ...request }) =>
      service.swapSet(service.resolveModelId(modelId), { ...request, data: handle && files.resolve(handle) }),
    'committee/applyThreshold': ({ modelId, threshold, reason }) =>
      service.applyThreshold(modelId, threshold, reason),
    'committee/thresholdHistory': ({ modelId }) => service.models.thresholdHistory(modelId),
    'committee/columns': async ({ modelId, handle }) => {
      const population = await service.population(
        service.resolveModelId(modelId),
        handle && files.resolve(handle)
      )
      return [...population.columns.keys()]
    },
    'committee/validate': async ({ modelId, handle, ...request }) =>
      service.validate(service.resolveModelId(modelId), {
        ...request,
        data: handle && files.resolve(handle)
      }),
    'committee/validationReport': async ({ modelId, handle, ...request }) => {
      const id = service.resolveModelId(modelId)
      const data = handle && files.resolve(handle)
      const path = await dialogs.savePdf(`model-${id}-validation.pdf`)
      if (!path) return null
      const pack = await service.validate(id, { ...request, data })
      // The strategy at the model's threshold goes in the pack when the data has a loan amount.
      const strategy = await service.strategy(id, { data }).catch((e: unknown) => {
        if (e instanceof InputError) return null
        throw e
      })
      await service.writeValidationReport(pack, strategy?.result ?? null, path)
      return { path }
    },
    'models/run': ({ id }) => service.models.run(id),
    'models/scorecard': ({ id }) => {
      const { model, artifact, scorecard } = service.scorecardOf(id)
      return { modelId: model.id, name: model.name, calibration: artifact.params.calibration, scorecard }
    },
    'models/exportOnnx': async ({ id }) => {
      service.models.summary(id)
      const path = await dialogs.saveModel(`model-${id}.onnx`)
      if (!path) return null
      return service.exportModel(id, path)
    },
    'scoring/decisionSheet': async ({ auditId, lang }) => {
      service.audit.single(auditId)
      const path = await dialogs.savePdf(`decision-${auditId}${lang === 'hi' ? '-hi' : ''}.pdf`)
      if (!path) return null
      await service.writeDecisionSheet(auditId, path, lang)
      return { path }
    }
  }
}

/** The reference as typed, without its empty parts (null when nothing was typed). */
function cleanRef(ref: ApplicantRef | undefined): ApplicantRef | null {
  if (!ref) return null
  const kept = Object.fromEntries(Object.entries(ref).filter(([, v]) => typeof v === 'string' && v.trim()))
  return Object.keys(kept).length ? (kept as ApplicantRef) : null
}

/** A training job's settings in words ("Forest 200×15"), defaults filled in. */
function describeTraining(params: TrainParamsInput): string {
  const full = TrainParamsSchema.parse(params)
  return isEngineId(full.engine)
    ? engineFor(full.engine).describe({ ...full, engine: full.engine })
    : 'the champion of an auto search'
}
