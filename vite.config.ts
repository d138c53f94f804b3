import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import { splitLocales } from './scripts/splitLocales.ts'
import { entryScreenChunks } from './scripts/entryChunks.ts'

// PWA: registerType 'prompt' so a teacher halfway through grading is never reloaded by an update
// (house-style habit 11); the app shell asks with a banner instead.
export default defineConfig(({ mode }) => ({
  plugins: [
    vue(),
    // Each locale's text in the build only for the language in use (scripts/splitLocales.ts).
    splitLocales(),
    VitePWA({
      registerType: 'prompt',
      // The app registers the worker itself (src/composables/usePwaUpdate.ts): no script injected, no workbox-window.
      injectRegister: false,
      // Each file precached once: workbox's globPatterns below already match everything the build and
      // public/ hold, so the plugin's own additions (includeAssets, the manifest's icons) would list
      // those files a second time. The web manifest is left out of the globs: the plugin always adds it.
      includeManifestIcons: false,
      manifest: {
        name: '作业台账',
        short_name: '作业台账',
        description: '作业时长统筹与全批台账：让每个班的书面作业不超时。',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f6f5c',
        icons: [
          { src: 'pwa-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'pwa-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,txt}'],
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // The runtime-only build: messages are compiled by the app's own tiny compiler (src/i18n/index.ts),
      // not by vue-i18n's general one in the browser (issue 11: it cost start-up time and bytes).
      'vue-i18n': 'vue-i18n/dist/vue-i18n.runtime.esm-bundler.js',
      // …whose core still registers vue-i18n's general compiler at load: it is left out (see the file).
      '@intlify/message-compiler': fileURLToPath(new URL('./src/i18n/noMessageCompiler.ts', import.meta.url)),
    },
  },
  define: {
    __VUE_I18N_LEGACY_API__: false,
    __VUE_I18N_FULL_INSTALL__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
    // Every component is <script setup>: Vue's Options API is left out of the bundle.
    __VUE_OPTIONS_API__: false,
  },
  build: {
    target: 'es2020',
    rolldownOptions: {
      // `--mode bench` (npm run bench) adds the benchmark's seeding pages beside the app.
      ...(mode === 'bench' ? { input: { main: 'index.html', seed: 'bench/seed.html', sync: 'bench/sync.html' } } : {}),
      output: {
        // Vendor code in chunks of its own, so a change to the app leaves their hashes (and every
        // installed copy's cached files) alone: the Vue family, and Dexie.
        codeSplitting: {
          groups: [
            { name: 'vendor-vue', test: /node_modules[\\/](?:@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/, priority: 2 },
            { name: 'vendor-dexie', test: /node_modules[\\/]dexie[\\/]/, priority: 1 },
            // 我的作业 and the class week, the screens a returning teacher opens the app on: a few chunks, not 35.
            {
              ...entryScreenChunks({
                src: fileURLToPath(new URL('./src/', import.meta.url)),
                shell: 'main.ts',
                keepOut: ['views/WelcomeView.vue'],
                screens: { 'my-week': 'views/MyWeekView.vue', 'class-week': 'views/ClassWeekView.vue' },
                shared: 'weeks-shared',
              }),
              priority: 0,
            },
          ],
        },
      },
    },
    // The benchmark's build goes to its own folder: the shipped build never contains its pages.
    ...(mode === 'bench' ? { outDir: 'dist-bench' } : {}),
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  test: {
    // Pure and database tests run in Node (fake-indexeddb); only component tests need a DOM.
    projects: [
      { extends: true, test: { name: 'unit', environment: 'node', include: ['tests/**/*.test.ts'], exclude: ['tests/components/**', 'tests/e2e/**', 'tests/server/**'] } },
      // The school server against real stores: PGlite, and PostgreSQL (a throwaway cluster unless DATABASE_URL is set).
      { extends: true, test: { name: 'server', environment: 'node', include: ['tests/server/**/*.test.ts'], globalSetup: ['tests/server/global-setup.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { extends: true, test: { name: 'components', environment: 'happy-dom', include: ['tests/components/**/*.test.ts'], setupFiles: ['fake-indexeddb/auto'] } },
    ],
  },
}))
