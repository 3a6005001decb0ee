import { createRouter, createWebHashHistory } from 'vue-router'
import DataView from './views/DataView.vue'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/data' },
    { path: '/data', component: DataView }
  ]
})
