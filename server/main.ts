import { loadConfig } from './config';
import { startServer, stopOnSignals } from './start';

startServer(loadConfig())
  .then(stopOnSignals)
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
