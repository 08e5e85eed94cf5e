import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import type { Plugin, Rolldown } from 'vite';
import type { FirstScreenStyles } from './firstStyles.ts';
import { EMPTY_ROOT, SSR_MODULE } from '../../common/webBuild.ts';

/** A screen a phone may open first: its URL path, the modules it shows, and the antd styles it needs. */
export interface FirstScreen {
  path: string;
  /** Its lazy modules (route chunks and texts), from the project root. */
  modules: string[];
  styles: FirstScreenStyles;
  /** A guest's page, the same for everyone: drawn at build time into its HTML (web/ssr.tsx `prerender`). */
  prerender?: boolean;
}

/**
 * Writes a .br and a .gz beside every text file of the build, once, so the server sends a phone a
 * third of the bytes without compressing on each request (@fastify/static `preCompressed`).
 */
export function precompress(): Plugin {
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

const ICONS = '@ant-design/icons';

/**
 * A chunk naming function that keeps each first screen's own code (its modules, what they import of the
 * app, and the icons they name) in one chunk: 'first' for what several screens share, else the screen's
 * name. Left alone, Rolldown splits them by which of the ~80 pages share each file, and the home came
 * in 40 files: on HTTP/1.1's six connections, with 150 ms per round trip on a phone, the last of them
 * arrived 0.7 s after the entry and held up the home's data requests behind them. Libraries are left to
 * Rolldown: the graph it shows here is before tree-shaking (antd's index reaches every component).
 */
export function firstScreenChunks(screens: FirstScreen[], root = process.cwd()) {
  let owner: Map<string, string> | undefined;
  return (id: string, ctx: { getModuleInfo(id: string): { importedIds: readonly string[]; code: string | null } | null }): string | null => {
    owner ??= (() => {
      const map = new Map<string, string>();
      const iconsDir = path.join(root, 'node_modules', ICONS, 'es', 'icons');
      for (const screen of screens) {
        const name = screen.path === '/' ? 'shell' : screen.path.slice(1).replace(/\W/g, '-');
        const seen = new Set<string>();
        const own = new Set<string>();
        const walk = (m: string) => {
          if (seen.has(m)) return;
          seen.add(m);
          const info = ctx.getModuleInfo(m);
          if (!info) return;
          if (m.startsWith(iconsDir)) {
            own.add(m);
            info.importedIds.filter((d) => d.includes(`${ICONS}-svg`)).forEach((d) => own.add(d));
            return;
          }
          if (m.includes('node_modules')) return;
          own.add(m);
          info.importedIds.forEach(walk);
          // The icons a module names from the package's index (each icon is a module of its own).
          for (const [, names] of info.code?.matchAll(/import\s*\{([^}]*)\}\s*from\s*["']@ant-design\/icons["']/g) ?? []) {
            for (const n of names.split(',')) {
              const icon = n.trim().split(/\s+as\s+/)[0];
              if (/^\w+$/.test(icon)) walk(path.join(iconsDir, `${icon}.js`));
            }
          }
        };
        screen.modules.forEach((m) => walk(path.resolve(root, m)));
        for (const m of own) map.set(m, map.has(m) && map.get(m) !== name ? 'first' : name);
      }
      return map;
    })();
    return owner.get(id) ?? null;
  };
}

/**
 * The first screens' route chunks, preloaded by their HTML while the entry downloads: the router asks
 * for them only once the entry has run, and on HTTP/1.1 each is a round trip. By path, so the sign-in
 * page does not fetch the home's. A listed module that is in no chunk fails the build.
 */
function preloadScript(screens: FirstScreen[], root: string, bundle: Rolldown.OutputBundle, entry: Rolldown.OutputChunk): string {
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
    screens.map((screen) => {
      const into = new Set<string>();
      for (const m of screen.modules) {
        const c = chunks.find((x) => x.moduleIds.includes(path.resolve(root, m)));
        if (!c) throw new Error(`first screens: ${m} is in no chunk`);
        withDeps(c, into);
      }
      return [screen.path, [...into].filter((f) => !inHtml.has(f)).map((f) => `/${f}`)];
    }),
  );
  return `{const f=${JSON.stringify(files)}[location.pathname];for(const h of f||[]){const l=document.createElement('link');l.href=h;if(h.endsWith('.css')){l.rel='preload';l.as='style'}else l.rel='modulepreload';document.head.append(l)}}`;
}

/**
 * Builds web/ssr.tsx for Node into one file with all it imports (the web build may be anywhere, away
 * from node_modules), into a folder of its own per build process, as the tests' and the bench's builds
 * may run at once. It draws the guest pages during the build; the server draws signed-in pages with it.
 */
async function buildSsr(root: string): Promise<{ dir: string; prerender: typeof import('../ssr').prerender }> {
  const { build } = await import('vite');
  const dir = path.join(root, 'node_modules', '.tongxin-ssr', String(process.pid));
  const file = path.basename(SSR_MODULE);
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // React's and antd's production code, whatever NODE_ENV the server runs with: antd names its
    // classes differently in development, and the browser's render must find the same names.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    ssr: { noExternal: true },
    build: {
      ssr: 'web/ssr.tsx',
      outDir: dir,
      emptyOutDir: true,
      rolldownOptions: {
        output: { entryFileNames: file, chunkFileNames: '[name]-[hash].mjs' },
        // antd's "use client" marks mean nothing to a server render; bundled, each would be a warning.
        onwarn: (warning, warn) => warning.code !== 'MODULE_LEVEL_DIRECTIVE' && warn(warning),
      },
    },
  });
  return { dir, prerender: ((await import(pathToFileURL(path.join(dir, file)).href)) as typeof import('../ssr')).prerender };
}

/**
 * Each first screen's HTML: its chunks preloaded (above), the antd styles it shows, made at build time
 * (web/build/firstStyles.ts), at the end of the head, and a guest's page drawn into it (`prerender`);
 * the server draws a signed-in home into index.html (server/plugins/serverPage.ts).
 * index.html carries the home's styles (every signed-in page shows the shell); every other first screen
 * gets an HTML file of its own (login.html), which the server sends for its path.
 */
export function firstScreenPages(screens: FirstScreen[]): Plugin {
  const MARK = '<style data-first-screen>';
  const home = screens.find((s) => s.path === '/');
  let root = '';
  let outDir = '';
  let ssr: string | undefined;
  const dropSsr = () => ssr && fs.rmSync(ssr, { recursive: true, force: true });
  return {
    name: 'tongxin-first-screen-pages',
    apply: 'build',
    configResolved(c) {
      root = c.root;
      outDir = path.resolve(c.root, c.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      async handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry || !home) return;
        const { stylesFor } = await import('./firstStyles.ts');
        return [
          { tag: 'script', children: preloadScript(screens, root, bundle, entry), injectTo: 'head' },
          // With the theme's variables: the server draws the home into it for someone signed in.
          { tag: 'style', attrs: { 'data-first-screen': true }, children: await stylesFor(home.styles), injectTo: 'head' },
        ];
      },
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const index = bundle['index.html'];
        if (!index || index.type !== 'asset') return;
        const html = String(index.source);
        const at = html.indexOf(MARK);
        const end = html.indexOf('</style>', at);
        if (at < 0 || end < 0 || !html.includes(EMPTY_ROOT)) throw new Error('firstScreenPages: index.html has no first-screen styles or no #root with only the boot spinner');
        const { stylesFor } = await import('./firstStyles.ts');
        const { dir, prerender } = await buildSsr(root);
        ssr = dir;
        const pages = await Promise.all(
          screens
            .filter((s) => s !== home)
            .map(async (screen) => {
              const page = html.slice(0, at + MARK.length) + (await stylesFor(screen.styles)) + html.slice(end);
              // inert until React has taken it over (web/main.tsx).
              return { screen, source: screen.prerender ? page.replace(EMPTY_ROOT, `<div id="root" inert>${await prerender(screen.path)}</div>`) : page };
            }),
        );
        for (const { screen, source } of pages) this.emitFile({ type: 'asset', fileName: `${screen.path.slice(1)}.html`, source });
      },
    },
    // Into the build's folder once it is written (emptied first): the server loads it from there.
    writeBundle() {
      if (ssr) fs.cpSync(ssr, path.join(outDir, path.dirname(SSR_MODULE)), { recursive: true });
    },
    closeBundle: () => void dropSsr(),
  };
}
