import { createRouter, createWebHashHistory } from 'vue-router'
import DataView from './views/DataView.vue'
import ExploreView from './views/ExploreView.vue'
import HistoryView from './views/HistoryView.vue'
import ModelsView from './views/ModelsView.vue'
import ModelView from './views/ModelView.vue'
import ScoreView from './views/ScoreView.vue'
import TrainView from './views/TrainView.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** The screen's title in the header and the navigation. */
    title: string
    /** The navigation group the screen is listed under. */
    group: 'data' | 'modelling'
  }
}

/** The screens, in navigation order. */
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
