import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

export default tseslint.config(
  {
    // src/wasm is AssemblyScript (decorators on functions), checked by its compiler in npm run build:wasm.
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'bench/data/**',
      'bench/results/**',
      // Mutation testing's reports and its sandbox while a run is going (both gitignored).
      'reports/**',
      '.stryker-tmp/**',
      'src/wasm/**'
    ]
    // Which layer may import which (and electron only at the edges) is checked by
    // dependency-cruiser in npm run lint: .dependency-cruiser.cjs.
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } }
  },
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser }
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'vue/multi-word-component-names': 'off'
    }
  },
  prettier
)
