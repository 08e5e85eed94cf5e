// The real server (startServer with loadConfig, as `npm start` runs it), in a process of its own so
// the load generator does not share its event loop. Reports its URL to the bench over IPC.
import { loadConfig } from '../../server/config';
import { startServer } from '../../server/start';
import { answerStats } from './stats';

const running = await startServer(loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1' }));
process.send!({ url: running.url });
answerStats();
process.on('message', (m) => {
  if (m === 'stop') void running.stop().then(() => process.exit(0));
});
