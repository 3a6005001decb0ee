import { resolve } from 'node:path'
import { defineConfig, externalizeDepsPlugin } from 'electron-vite'
import vue from '@vitejs/plugin-vue'
// Worker entries live beside the code that starts them; each is bundled to
// out/main/workers/<name>.js, where src/main/core/base/spawnWorker.ts looks for it.
import { WORKER_ENTRIES } from './scripts/workerEntries.mjs'

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          ...Object.fromEntries(
            Object.entries(WORKER_ENTRIES).map(([name, path]) => [
              `workers/${name}`,
              resolve(__dirname, path)
            ])
          )
        }
      }
    }
  },
  preload: {
    // A sandboxed preload can require only 'electron': bundle zod (the contract's schemas) into it.
    plugins: [externalizeDepsPlugin({ exclude: ['zod'] })],
    build: {
      rollupOptions: {
        // A sandboxed preload cannot require() chunks: keep it one CommonJS file.
        output: { format: 'cjs', inlineDynamicImports: true }
      }
    }
  },
  renderer: {
    resolve: { alias: { '@renderer': resolve(__dirname, 'src/renderer/src') } },
    plugins: [vue()]
  }
})
