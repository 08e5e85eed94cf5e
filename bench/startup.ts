import { spawn } from 'node:child_process';
import net from 'node:net';
import { median } from './median';
import { rebuildIfStale } from './rebuild';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/**
 * Time from spawning `npm start` (the real command: npm → scripts/start.mjs → the server bundle that
 * `npm run build` makes, rebuilt here first if the sources are newer) to the first healthy `/api/health`,
 * on the given database; the median of `runs` starts.
 */
export async function measureStartup(databaseUrl: string, runs = 3): Promise<{ ms: number[]; median: number }> {
  rebuildIfStale('build/server/main.js', ['server', 'common', 'vite.config.ts'], ['build', '--ssr', 'server/main.ts', '--outDir', 'build/server', '--emptyOutDir']);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const port = await freePort();
    const t0 = performance.now();
    // Its own process group, so the stop reaches npm's children too.
    const child = spawn('npm', ['start'], { env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1' }, detached: true, stdio: 'ignore' });
    let gone: number | null | undefined;
    const exited = new Promise<void>((resolve) => child.once('exit', (code) => resolve(void (gone = code))));
    try {
      for (;;) {
        if (gone !== undefined) throw new Error(`npm start exited with ${gone} before /api/health answered`);
        if (performance.now() - t0 > 60_000) throw new Error('npm start: no healthy /api/health within 60 s');
        const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
        if (ok) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      ms.push(performance.now() - t0);
    } finally {
      if (gone === undefined) {
        process.kill(-child.pid!, 'SIGTERM');
        await exited;
      }
    }
  }
  return { ms, median: median(ms) };
}
