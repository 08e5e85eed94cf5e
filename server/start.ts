import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config';
import { openDatabase, type Database } from './db/database';
import { migrate } from './db/migrate';

export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens and migrates the database, sets up a first organisation if asked to, and listens. */
export async function startServer(config: Config): Promise<Running> {
  const logger = { level: config.logLevel, ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty' } } : {}) };
  const database = await openDatabase(config.databaseUrl);
  await migrate(database);
  const app = await buildApp(config, database, logger);
  const { setup } = app.services;

  if (config.orgName && config.adminPassword && (await setup.fromSettings(config.orgName, config.adminUsername, config.adminPassword))) {
    app.log.info(`已初始化单位“${config.orgName}”，管理员 ${config.adminUsername}`);
  }
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl ?? `http://${config.host}:${port}`;
  if (await setup.needed()) {
    // Printed on stdout (not only the log) so whoever started the server sees it at once.
    console.log(`\n首次使用，请在浏览器打开以下链接完成初始化（仅本次启动有效）：\nFirst run — open this one-time link to set up:\n  ${url}/setup?token=${setup.issueToken()}\n`);
  }

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await app.close();
      await database.close();
    })());
  return { app, database, url, stop };
}

/** Ends in-flight requests cleanly on SIGTERM/SIGINT, then exits. */
export function stopOnSignals(running: Running): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      running.app.log.info({ signal }, 'shutting down');
      void running.stop().then(() => process.exit(0));
    });
  }
}
