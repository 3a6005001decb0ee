/** The window's shell around the screens: navigation, header, jobs panel, status line, file drops. */
export { default as AppHeader } from './AppHeader.vue'
export { default as AppNav } from './AppNav.vue'
export { default as JobsPanel } from './JobsPanel.vue'
export { default as StatusLine } from './StatusLine.vue'
export { useWindowDrop } from './useWindowDrop'
