import type { Command } from 'commander'
import {
  prepareParamShape,
  trainParamShape,
  TrainParamsSchema,
  type TrainParams
} from '../../../shared/params/trainParams'
import { addParamOptions, readParams } from '../common/paramOptions'
import { intOption } from '../common/parseOptions'

/** What commander hands the commands that take the training options. */
export type TrainCliOptions = Record<string, unknown> & { dataset?: number }

/**
 * The options of the commands that prepare or train (preprocess, feature, train, all),
 * from the shared training schema: `withModel` false offers only the split and feature
 * settings (preprocess and feature train no model).
 */
export function addTrainOptions(command: Command, withModel = true): Command {
  command.option('--dataset <id>', 'dataset id (default: the latest)', intOption(1))
  return addParamOptions(command, withModel ? trainParamShape : prepareParamShape)
}

/** Training parameters from parsed CLI options: checked by the shared schema, defaults filled in. */
export function toTrainParams(o: TrainCliOptions): TrainParams {
  return readParams(TrainParamsSchema, o)
}
