import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './ui/charts/registerCharts'
import './fonts.css'
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'

// Loaded before any chart is drawn in Hindi: a canvas does not redraw when a font arrives late.
void document.fonts.load("12px 'Workbench Devanagari'", 'क')

createApp(App).use(createPinia()).use(i18n).use(router).use(ElementPlus).mount('#app')
