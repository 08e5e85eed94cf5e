import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The newest modification time of anything in these files and folders. */
function newest(paths: string[]): number {
  return Math.max(
    ...paths.map((p) => {
      const st = fs.statSync(p);
      if (!st.isDirectory()) return st.mtimeMs;
      return newest(fs.readdirSync(p).map((e) => path.join(p, e)));
    }),
  );
}

/** Runs `npx vite <args>` unless `output` is newer than every one of `sources` (what is measured is what is in the tree). */
export function rebuildIfStale(output: string, sources: string[], args: string[]): void {
  if (fs.existsSync(output) && fs.statSync(output).mtimeMs >= newest(sources)) return;
  execFileSync('npx', ['vite', ...args, '--logLevel', 'warn'], { stdio: 'inherit' });
}
