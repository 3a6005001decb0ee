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

/** The screens, in navigation order: one per feature folder (Models also has one page per model). */
export const routes = [
  { path: '/data', name: 'data', component: DataView, meta: { title: 'app.routes.data', group: 'data' } },
  {
    path: '/explore',
    name: 'explore',
    component: ExploreView,
    meta: { title: 'app.routes.explore', group: 'data' }
  },
  {
    path: '/train',
    name: 'train',
    component: TrainView,
    meta: { title: 'app.routes.train', group: 'modelling' }
  },
  {
    path: '/models',
    name: 'models',
    component: ModelsView,
    meta: { title: 'app.routes.models', group: 'modelling' }
  },
  {
    path: '/score',
    name: 'score',
    component: ScoreView,
    meta: { title: 'app.routes.score', group: 'modelling', officer: true }
  },
  {
    path: '/history',
    name: 'history',
    component: HistoryView,
    meta: { title: 'app.routes.history', group: 'modelling', officer: true }
  },
  {
    path: '/strategy',
    name: 'strategy',
    component: StrategyView,
    meta: { title: 'app.routes.strategy', group: 'committee' }
  },
  {
    path: '/validation',
    name: 'validation',
    component: ValidationView,
    meta: { title: 'app.routes.validation', group: 'committee' }
  }
] as const

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
