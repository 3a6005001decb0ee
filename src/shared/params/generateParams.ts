import { z } from 'zod'
import { param } from './paramMeta'

/**
 * The settings of generating a synthetic loan book, once, for `ptm generate`, `ptm all`,
 * the IPC input of `datasets/generate` and the Data screen's form.
 */
export const generateParamShape = {
  rows: param(z.number().int().min(100).max(10_000_000).default(10_000), {
    flag: '--rows',
    placeholder: '<n>',
    label: 'Loans',
    help: 'number of loans to generate'
  }),
  seed: param(z.number().int().min(0).max(4_294_967_295).default(42), {
    flag: '--seed',
    placeholder: '<s>',
    label: 'Random seed',
    help: 'random seed (the same seed gives the same rows)'
  }),
  defaultRate: param(z.number().gt(0).lt(1).default(0.1), {
    flag: '--default-rate',
    placeholder: '<r>',
    label: 'Default rate',
    help: 'share of loans that default',
    percent: true
  })
}

export const GenerateParamsSchema = z.object(generateParamShape).strict()
export type GenerateParams = z.output<typeof GenerateParamsSchema>
export const DEFAULT_GENERATE_PARAMS: GenerateParams = GenerateParamsSchema.parse({})
