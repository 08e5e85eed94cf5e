import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { migrate } from './db/migrate';

// Reads config, opens and migrates the database, sets up a first organisation if needed, listens.
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = { level: config.logLevel, ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty' } } : {}) };
  const database = await openDatabase(config.databaseUrl);
  await migrate(database);
  const app = await buildApp(config, database, logger);
  const { setup } = app.services;

  if (await setup.needed()) {
    if (config.orgName && config.adminPassword) {
      await setup.fromSettings(config.orgName, config.adminUsername, config.adminPassword);
      app.log.info(`已初始化单位“${config.orgName}”，管理员 ${config.adminUsername}`);
    }
  }

  await app.listen({ port: config.port, host: config.host });
  const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
  if (await setup.needed()) {
    // Printed on stdout (not only the log) so whoever started the server sees it at once.
    console.log(`\n首次使用，请在浏览器打开以下链接完成初始化（仅本次启动有效）：\nFirst run — open this one-time link to set up:\n  ${base}/setup?token=${setup.issueToken()}\n`);
  }

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
