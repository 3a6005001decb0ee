import { describe, expect, it } from 'vitest'
import {
  EXPLORE_FIRST,
  modelsFirst,
  scoreFirst,
  TRAIN_FIRST,
  type FirstStep
} from '../../../src/renderer/src/features/firstSteps'

// The screens of the navigation, as router.ts declares them (read as text: it imports .vue files).
const SCREENS = ['/data', '/explore', '/train', '/models', '/score', '/history']

describe('first steps', () => {
  const all: FirstStep[] = [
    EXPLORE_FIRST,
    TRAIN_FIRST,
    modelsFirst(true),
    modelsFirst(false),
    scoreFirst(true),
    scoreFirst(false)
  ]

  it('sends every empty screen to a screen of the navigation, named in its button', () => {
    for (const step of all) {
      expect(SCREENS).toContain(step.to)
      expect(step.action.toLowerCase()).toBe(`go to ${step.to.slice(1)}`)
    }
  })

  it('walks the path back to what is missing: a dataset, then a model, then an active one', () => {
    expect([EXPLORE_FIRST.to, TRAIN_FIRST.to]).toEqual(['/data', '/data'])
    expect([modelsFirst(false).to, modelsFirst(true).to]).toEqual(['/data', '/train'])
    expect([scoreFirst(false).to, scoreFirst(true).to]).toEqual(['/train', '/models'])
    expect(scoreFirst(false).title).toBe('No model to score with yet')
    expect(scoreFirst(true).title).toBe('No model is active for scoring')
  })
})
