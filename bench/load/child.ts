import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildStats } from './stats';

export interface Child {
  url: string;
  stats(): Promise<ChildStats>;
  stop(): Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** Starts bench/load/<script>.ts under tsx and waits for the URL it reports. */
export function startChild(script: 'server' | 'floors', args: string[], env: Record<string, string | undefined>): Promise<Child> {
  const child: ChildProcess = fork(path.join(here, `${script}.ts`), args, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    // The server's request log (LOG_LEVEL, info by default) is written, as in production, but not kept.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it listened`)));
    child.once('message', (m) => {
      child.removeAllListeners('exit');
      resolve({
        url: (m as { url: string }).url,
        stats: () =>
          new Promise((done) => {
            const answer = (r: unknown) => {
              if (typeof r !== 'object' || !r || !('stats' in r)) return;
              child.off('message', answer);
              done((r as { stats: ChildStats }).stats);
            };
            child.on('message', answer);
            child.send('stats');
          }),
        stop: () =>
          new Promise((done) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => (clearTimeout(timer), done()));
            child.send('stop');
          }),
      });
    });
  });
}
