import { describe, expect, it } from 'vitest'
import {
  exploreFirst,
  modelsFirst,
  scoreFirst,
  trainFirst,
  type FirstStep
} from '../../../src/renderer/src/features/firstSteps'

// The screens of the navigation, as router.ts declares them (read as text: it imports .vue files).
const SCREENS = ['/data', '/explore', '/train', '/models', '/score', '/history']

describe('first steps', () => {
  const all = (): FirstStep[] => [
    exploreFirst(),
    trainFirst(),
    modelsFirst(true),
    modelsFirst(false),
    scoreFirst(true),
    scoreFirst(false)
  ]

  it('sends every empty screen of the analyst to a screen of the navigation, named in its button', () => {
    for (const step of all()) {
      expect(SCREENS).toContain(step.to)
      expect(step.action?.toLowerCase()).toBe(`go to ${step.to?.slice(1)}`)
    }
  })

  it('walks the path back to what is missing: a dataset, then a model, then an active one', () => {
    expect([exploreFirst().to, trainFirst().to]).toEqual(['/data', '/data'])
    expect([modelsFirst(false).to, modelsFirst(true).to]).toEqual(['/data', '/train'])
    expect([scoreFirst(false).to, scoreFirst(true).to]).toEqual(['/train', '/models'])
    expect(scoreFirst(false).title).toBe('No model to score with yet')
    expect(scoreFirst(true).title).toBe('No model is active for scoring')
  })

  // An officer is never told to "Train a model": that is the risk team's work, on screens the officer does not see.
  it('tells a branch officer to ask the risk team, with no link to a screen the officer does not see', () => {
    const step = scoreFirst(true, true)
    expect(step.title).toBe('No model is ready for scoring')
    expect(step.firstStep).toMatch(/^Ask your risk team/)
    expect(step.to).toBeUndefined()
    expect(JSON.stringify(step)).not.toMatch(/[Tt]rain/)
  })
})
