import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { firstScreenChunks, firstScreenPages, precompress, type FirstScreen } from './web/build/plugins.ts';

// The phone's two first screens (bench/web.ts); '/' also loads the shell's texts (routes.tsx).
const FIRST_SCREENS: FirstScreen[] = [
  { path: '/', modules: ['web/app/layout/AppLayout.tsx', 'web/features/dashboard/DashboardPage.tsx', 'web/i18n/text/shell.ts'], styles: 'shell' },
  { path: '/login', modules: ['web/features/auth/LoginPage.tsx'], styles: 'login', prerender: true },
];

// The SPA lives in web/ with index.html at the repo root; the API server serves dist/ with an SPA
// fallback. Each feature is a lazy route, so Rolldown splits along those lines; only what index.html
// loads itself is kept in one chunk, which Rolldown would otherwise cut into a dozen small files
// (each a round trip on HTTP/1.1's six connections, before anything shows).
export default defineConfig({
  plugins: [
    react(),
    firstScreenPages(FIRST_SCREENS),
    precompress(),
  ],
  resolve: {
    // antd/locale/* is antd's CommonJS build (lib/), which would bring a second copy of the date picker's
    // and pagination's locale tables beside the ES ones antd itself imports (~8 KB in the entry). The
    // server's module (web/ssr.tsx, built with its own config by web/build/plugins.ts) keeps the CommonJS one.
    alias: [{ find: /^antd\/locale\/(\w+)$/, replacement: 'antd/es/locale/$1' }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    // All the app's own CSS (~8 KB gzipped) in one file with index.html, not a file per page: a lazy
    // page's import waits for its CSS, one more round trip before it shows (150 ms on a phone).
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'entry', tags: ['$initial'] },
            // Only the app's own modules and icons: a library module stays where Rolldown puts it.
            { name: firstScreenChunks(FIRST_SCREENS), debugName: 'first screens', includeDependenciesRecursively: false },
          ],
        },
      },
      // @rc-component/form declares no sideEffects, so its index, which every popover reaches through
      // antd's form context for one provider, would bring the whole form engine (~13 KB gzipped) to
      // pages without a form, such as the home. The index only assembles exports: let it be skipped.
      treeshake: { moduleSideEffects: [{ test: /@rc-component[\\/]form[\\/]es[\\/]index\.js$/, sideEffects: false }] },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
