import { resolve } from 'node:path'
import { defineConfig, externalizeDepsPlugin } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

// Worker entries live beside the code that starts them; they are bundled to
// out/main/workers/*.js, where src/main/core/base/spawnWorker.ts looks for them.
const workerEntries = {
  forestWorker: 'src/main/core/ml/forest/forestWorker.ts',
  gbmWorker: 'src/main/core/ml/gbm/gbmWorker.ts',
  scoreWorker: 'src/main/core/scoring/scoreWorker.ts',
  compileWorker: 'src/main/core/service/compileWorker.ts',
  jobWorker: 'src/main/jobs/jobWorker.ts'
}

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          ...Object.fromEntries(
            Object.entries(workerEntries).map(([name, path]) => [`workers/${name}`, resolve(__dirname, path)])
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
