import type { Component } from 'vue'
import { createRouter, createWebHashHistory } from 'vue-router'
import type { MessageKey } from './i18n'
import DataView from './features/data/DataView.vue'
import ExploreView from './features/explore/ExploreView.vue'
import HistoryView from './features/history/HistoryView.vue'
import ModelsView from './features/models/ModelsView.vue'
import ModelView from './features/models/ModelView.vue'
import ScoreView from './features/score/ScoreView.vue'
import StrategyView from './features/strategy/StrategyView.vue'
import TrainView from './features/train/TrainView.vue'
import ValidationView from './features/validation/ValidationView.vue'
import { useAppStore } from './stores/appStore'

/** The navigation group a screen is listed under. */
export type NavGroup = 'data' | 'modelling' | 'committee'

declare module 'vue-router' {
  interface RouteMeta {
    /** The screen's title in the header and the navigation (a catalogue key). */
    title: MessageKey
    group: NavGroup
    /** True for the screens a branch officer sees: Score and History. */
    officer?: boolean
  }
}

/**
 * A screen of the navigation: its path and name are its feature's, its title the catalogue's
 * `app.routes.<name>`; `officer` only on the screens a branch officer sees.
 */
function screen<
  N extends 'data' | 'explore' | 'train' | 'models' | 'score' | 'history' | 'strategy' | 'validation'
>(name: N, component: Component, group: NavGroup, officer?: true) {
  const title = `app.routes.${name}` as const
  return { path: `/${name}`, name, component, meta: officer ? { title, group, officer } : { title, group } }
}

/** The screens, in navigation order: one per feature folder (Models also has one page per model). */
export const routes = [
  screen('data', DataView, 'data'),
  screen('explore', ExploreView, 'data'),
  screen('train', TrainView, 'modelling'),
  screen('models', ModelsView, 'modelling'),
  screen('score', ScoreView, 'modelling', true),
  screen('history', HistoryView, 'modelling', true),
  screen('strategy', StrategyView, 'committee'),
  screen('validation', ValidationView, 'committee')
]

/** One model's page (not in the navigation: opened from the Models list; highlights Models). */
export const modelRoute = {
  path: '/models/:id(\\d+)',
  name: 'model',
  component: ModelView,
  meta: { title: 'app.routes.model', group: 'modelling' }
} as const

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: () => (useAppStore().mode === 'officer' ? '/score' : '/data') },
    ...routes,
    modelRoute,
    { path: '/:pathMatch(.*)*', redirect: '/' }
  ]
})

// A branch officer sees Score and History only: any other screen leads to Score.
router.beforeEach((to) => {
  if (useAppStore().mode === 'officer' && !to.meta.officer && to.path !== '/') return '/score'
  return true
})
