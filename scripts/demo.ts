import fs from 'node:fs';
import { ROLE_LABELS } from '../common/permissions';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { migrate } from '../server/db/migrate';
import { startServer, stopOnSignals } from '../server/start';
import { seedDemoCare } from './demo/care';
import { seedDemoCases } from './demo/cases';
import { seedDemoCongress } from './demo/congress';
import { seedDemoDisclosures } from './demo/disclosures';
import { seedDemoHardship } from './demo/hardship';
import { seedDemoMeetings } from './demo/meetings';
import { seedDemoProposals } from './demo/proposals';
import { seedDemoSuggestions } from './demo/suggestions';
import { DEMO_PASSWORD, seedDemoSchool } from './demo/school';

// `npm run demo`: a fresh data/demo.db with a realistic school, served at http://127.0.0.1:3000.
const file = 'data/demo.db';
for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });

// Warnings only, unless LOG_LEVEL says otherwise: the request log would scroll the demo accounts out of view.
const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env, DATABASE_URL: `sqlite:${file}`, TONGXIN_ORG_NAME: '', TONGXIN_ADMIN_PASSWORD: '' });
const database = await openDatabase(config.databaseUrl);
await migrate(database);
const demo = await seedDemoSchool(database);
const congress = await seedDemoCongress(database, demo);
await seedDemoProposals(database, congress.pastSessionId, congress.nextSessionId);
await seedDemoSuggestions(database);
await seedDemoDisclosures(database);
await seedDemoMeetings(database, congress.nextSessionId);
demo.accounts.push(...(await seedDemoCare(database)));
demo.accounts.push(...(await seedDemoHardship(database)));
demo.accounts.push(...(await seedDemoCases(database)));
// Each account by the person it belongs to, where it is linked to a member (the committee's too).
const people = await database.db.selectFrom('users').innerJoin('members', 'members.id', 'users.member_id').select(['users.username', 'members.name']).execute();
const nameOf = new Map(people.map((p) => [p.username, p.name]));
await database.close();

const running = await startServer(config);
stopOnSignals(running);
console.log(`\n同心 Tongxin 演示学校已就绪 / demo school ready: ${running.url}\n`);
console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）/ demo accounts (password ${DEMO_PASSWORD}):`);
for (const a of demo.accounts) console.log(`  ${a.username.padEnd(12)} ${ROLE_LABELS[a.role].zh}（${a.role}） ${nameOf.get(a.username) ?? a.who}`);
console.log('');
