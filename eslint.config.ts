import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

// Layer rules from house-style.md: the domain and formats stay framework-free; views and components
// reach data through composables, never the database directly.
export default defineConfigWithVueTs(
  { ignores: ['dist/**', 'dist-*/**', 'coverage/**', 'test-results/**', '.tmp/**', 'node_modules/**', 'dev-dist/**'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      // A leading underscore marks a value left out on purpose (e.g. a field dropped by destructuring).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vue', 'vue-*', '@vue/*', 'pinia', 'dexie', 'vue-router', 'vue-i18n', '@/db/*', '@/stores/*', '@/composables/*', '@/views/*', '@/components/*', 'node:*'],
              message: 'packages/core is pure TypeScript, shared by the app, the CLI and the server: no framework, storage, UI or Node imports.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'window', message: 'The domain gets the environment as arguments.' }, { name: 'localStorage', message: 'The domain gets settings as arguments.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Time comes in as an argument (house-style habit 1).' },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['vue', 'vue-*', '@vue/*', 'pinia', 'dexie', '@/*', '../../src/*', '../../../src/*'], message: 'The server shares code with the app only through packages/core (@hl/core).' }] },
      ],
    },
  },
  {
    files: ['src/views/**/*.{ts,vue}', 'src/components/**/*.{ts,vue}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['dexie', '@/db/*', '../db/*', '../../db/*'], message: 'Views and components reach data through composables.' }] }],
    },
  },
)
