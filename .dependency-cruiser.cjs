/**
 * The layers of the code, lowest first, checked by `npm run lint` (dependency-cruiser).
 * A module may import its own layer and the layers before it, never one after it; no two
 * folders import each other (directly or round a circle). docs/ARCHITECTURE.md explains
 * what each layer holds. tests/lint/layers.test.ts proves these rules bite.
 */
const LAYERS = [
  ['shared', '^src/shared/'],
  ['base', '^src/main/core/base/'],
  ['data', '^src/main/core/data/'],
  ['model', '^src/main/core/model/'],
  ['eda', '^src/main/core/eda/'],
  ['ml', '^src/main/core/ml/'],
  ['policy', '^src/main/core/policy/'],
  ['scoring', '^src/main/core/scoring/'],
  ['training', '^src/main/core/training/'],
  ['analysis', '^src/main/core/(validation|onnx)/'],
  ['reports', '^src/main/core/reports/'],
  ['storage', '^src/main/core/storage/'],
  ['service', '^src/main/core/service/'],
  ['adapters', '^src/main/(cli|http|ipc|jobs)/'],
  ['electron-main', '^src/main/[^/]+[.]ts$']
]

const layerRules = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `layer-${name}`,
  comment: `${name} must not import a layer above it (${LAYERS.slice(i + 1)
    .map(([n]) => n)
    .join(', ')})`,
  severity: 'error',
  from: { path },
  to: { path: LAYERS.slice(i + 1).map(([, p]) => p) }
}))

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'every-module-in-a-layer',
      comment: 'A folder of src/main that is not in LAYERS is unchecked: add it to a layer.',
      severity: 'error',
      from: { path: '^src/main/', pathNot: LAYERS.map(([, p]) => p) },
      to: {}
    },
    {
      name: 'no-folder-cycles',
      comment: 'Folders import one way: two folders that import each other are one tangle.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true }
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: {},
      to: { circular: true }
    },
    {
      name: 'renderer-only-shared',
      comment: 'The renderer talks to main only over the typed IPC contract in src/shared.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: '^src/(main|preload)/' }
    },
    {
      name: 'preload-only-shared',
      severity: 'error',
      from: { path: '^src/preload/' },
      to: { path: '^src/(main|renderer)/' }
    },
    {
      name: 'main-not-renderer',
      severity: 'error',
      from: { path: '^src/(main|shared)/' },
      to: { path: '^src/(renderer|preload)/' }
    },
    {
      name: 'electron-at-the-edges',
      comment: 'Only src/main/index.ts, window.ts and ipc/ may import electron.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main/(index|window)[.]ts$|^src/main/ipc/|^src/preload/' },
      to: { path: '^electron$|node_modules/electron/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/wasm/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.vue', '.js', '.mjs', '.json'] }
  }
}
