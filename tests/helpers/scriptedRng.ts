import { Rng } from '../../src/main/core/base/random'

/**
 * An Rng whose int() and next() answer from scripts and record what int() was asked, so a
 * test knows every shuffle, seed and step the code under test draws. Running out of answers
 * throws: the code drew more than the test worked out.
 */
export class ScriptedRng extends Rng {
  readonly asked: number[] = []
  constructor(
    private readonly ints: number[],
    private readonly steps: number[] = []
  ) {
    super(0)
  }
  override int(n: number): number {
    this.asked.push(n)
    const answer = this.ints.shift()
    if (answer === undefined) throw new Error('ScriptedRng: no int left')
    return answer
  }
  override next(): number {
    const step = this.steps.shift()
    if (step === undefined) throw new Error('ScriptedRng: no step left')
    return step
  }
}
