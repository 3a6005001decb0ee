import { createRouter, createWebHashHistory } from 'vue-router'
import DataView from './features/data/DataView.vue'
import ExploreView from './features/explore/ExploreView.vue'
import HistoryView from './features/history/HistoryView.vue'
import ModelsView from './features/models/ModelsView.vue'
import ModelView from './features/models/ModelView.vue'
import ScoreView from './features/score/ScoreView.vue'
import TrainView from './features/train/TrainView.vue'

/** The navigation group a screen is listed under. */
export type NavGroup = 'data' | 'modelling'

declare module 'vue-router' {
  interface RouteMeta {
    /** The screen's title in the header and the navigation. */
    title: string
    group: NavGroup
  }
}

/** The screens, in navigation order: one per feature folder (Models also has one page per model). */
export const routes = [
  { path: '/data', name: 'data', component: DataView, meta: { title: 'Data', group: 'data' } },
  { path: '/explore', name: 'explore', component: ExploreView, meta: { title: 'Explore', group: 'data' } },
  { path: '/train', name: 'train', component: TrainView, meta: { title: 'Train', group: 'modelling' } },
  { path: '/models', name: 'models', component: ModelsView, meta: { title: 'Models', group: 'modelling' } },
  { path: '/score', name: 'score', component: ScoreView, meta: { title: 'Score', group: 'modelling' } },
  {
    path: '/history',
    name: 'history',
    component: HistoryView,
    meta: { title: 'History', group: 'modelling' }
  }
] as const

/** One model's page (not in the navigation: opened from the Models list; highlights Models). */
export const modelRoute = {
  path: '/models/:id(\\d+)',
  name: 'model',
  component: ModelView,
  meta: { title: 'Model evaluation', group: 'modelling' }
} as const

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/data' },
    ...routes,
    modelRoute,
    { path: '/:pathMatch(.*)*', redirect: '/data' }
  ]
})
