import { resolve } from 'node:path'
import { defineConfig, externalizeDepsPlugin } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

// Worker entries are bundled beside the main entry (out/main/workers/*.js), where
// src/main/workers/spawnWorker.ts looks for them.
const workerEntries = ['forestWorker', 'jobWorker', 'scoreWorker', 'compileWorker']

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          ...Object.fromEntries(
            workerEntries.map((name) => [
              `workers/${name}`,
              resolve(__dirname, `src/main/workers/${name}.ts`)
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
