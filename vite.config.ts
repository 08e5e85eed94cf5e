import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes a .br and a .gz beside every text file of the build, once, so the server sends a phone a
 * third of the bytes without compressing on each request (@fastify/static `preCompressed`).
 */
function precompress(): Plugin {
  let outDir = 'dist';
  let ssr = false;
  return {
    name: 'tongxin-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
      ssr = !!c.build.ssr;
    },
    writeBundle(_options, bundle) {
      if (ssr) return; // the server bundle (npm run build) is read from disk, not sent to browsers
      for (const name of [...Object.keys(bundle), 'index.html']) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(name)) continue;
        const file = path.join(outDir, name);
        if (!fs.existsSync(file)) continue;
        const bytes = fs.readFileSync(file);
        if (bytes.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The first screens' route chunks, preloaded by index.html while the entry downloads: the router asks
 * for them only once the entry has run, and on HTTP/1.1 each is a round trip. By path, so the sign-in
 * page does not fetch the home's. A listed module that is no longer a chunk of its own fails the build.
 */
function preloadFirstScreens(screens: Record<string, string[]>): Plugin {
  let root = '';
  return {
    name: 'tongxin-preload-first-screens',
    apply: 'build',
    configResolved(c) {
      root = c.root;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return;
        const chunks = Object.values(bundle).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        const withDeps = (c: Rolldown.OutputChunk, into: Set<string>) => {
          if (into.has(c.fileName)) return;
          into.add(c.fileName);
          c.viteMetadata?.importedCss.forEach((css) => into.add(css));
          c.imports.forEach((f) => withDeps(byFile.get(f)!, into));
        };
        const inHtml = new Set<string>();
        withDeps(entry, inHtml);
        const files = Object.fromEntries(
          Object.entries(screens).map(([url, modules]) => {
            const into = new Set<string>();
            for (const m of modules) {
              const c = chunks.find((x) => x.facadeModuleId === path.resolve(root, m));
              if (!c) throw new Error(`preloadFirstScreens: ${m} is not a chunk of its own`);
              withDeps(c, into);
            }
            return [url, [...into].filter((f) => !inHtml.has(f)).map((f) => `/${f}`)];
          }),
        );
        const script = `{const f=${JSON.stringify(files)}[location.pathname];for(const h of f||[]){const l=document.createElement('link');l.href=h;if(h.endsWith('.css')){l.rel='preload';l.as='style'}else l.rel='modulepreload';document.head.append(l)}}`;
        return [{ tag: 'script', children: script, injectTo: 'head' }];
      },
    },
  };
}

// The SPA lives in web/ with index.html at the repo root; the API server serves dist/ with an SPA
// fallback. Each feature is a lazy route, so Rolldown splits along those lines; only what index.html
// loads itself is kept in one chunk, which Rolldown would otherwise cut into a dozen small files
// (each a round trip on HTTP/1.1's six connections, before anything shows).
export default defineConfig({
  plugins: [
    react(),
    // The phone's two first screens (bench/web.ts); '/' also loads the shell's texts (router.tsx).
    preloadFirstScreens({
      '/': ['web/app/layout/AppLayout.tsx', 'web/features/dashboard/DashboardPage.tsx', 'web/i18n/text/shell.ts'],
      '/login': ['web/features/auth/LoginPage.tsx'],
    }),
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'entry', tags: ['$initial'] }] } },
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
