import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { ROLES, type Role } from '../../common/permissions';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { openDatabase, type Database, type Dialect } from '../db/database';
import { migrate } from '../db/migrate';
import { randomToken } from '../lib/ids';
import { hashPassword } from '../lib/passwords';
import { insertUser } from '../modules/users/users.service';

/** The databases every integration test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DIALECTS: Dialect[] = ['sqlite', ...(process.env.TEST_DATABASE_URL ? (['postgres'] as const) : [])];

export const PASSWORD = 'Passw0rd!';

export interface School {
  orgId: string;
  name: string;
  /** username per role: `${prefix}-${role}`; upper_union is the account of the union above both schools */
  users: Record<Role, string>;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  dialect: Dialect;
  /** The 教育工会 above both schools. */
  unionId: string;
  a: School;
  b: School;
  client(): Client;
  as(role: Role, school?: School): Promise<Client>;
  close(): Promise<void>;
}

export interface Res {
  status: number;
  json: any;
  headers: Record<string, unknown>;
  raw: Buffer;
}

/** A browser-like caller: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  lang: 'zh' | 'en' = 'zh';
  constructor(private app: FastifyInstance) {}

  async request(method: InjectOptions['method'], url: string, opts: { body?: unknown; headers?: Record<string, string>; payload?: InjectOptions['payload'] } = {}): Promise<Res> {
    const headers: Record<string, string> = { ...(this.lang === 'en' ? { 'accept-language': 'en-US,en' } : {}), ...opts.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in headers)) headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ method, url, headers, ...(opts.payload !== undefined ? { payload: opts.payload } : opts.body !== undefined ? { payload: opts.body as object } : {}) });
    const setCookie = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      if (c.startsWith('tx_sid=')) this.cookie = c.split(';')[0].endsWith('=') ? null : c.split(';')[0];
    }
    let json: any = null;
    if ((res.headers['content-type'] ?? '').toString().includes('json')) json = res.json();
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return { status: res.statusCode, json, headers: res.headers, raw: res.rawPayload };
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, { headers });
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, { body, headers });
  patch = (url: string, body?: unknown) => this.request('PATCH', url, { body });
  del = (url: string) => this.request('DELETE', url);

  async login(username: string, password = PASSWORD): Promise<Res> {
    return this.post('/api/auth/login', { username, password });
  }
}

async function seedOrg(database: Database, name: string, kind: 'school' | 'union', parentId: string | null): Promise<string> {
  const id = `org-${randomToken(6)}`;
  const now = new Date().toISOString();
  await database.db.insertInto('orgs').values({ id, parent_id: parentId, name, kind, settings: '{}', created_at: now, updated_at: now }).execute();
  return id;
}

const seedUser = (database: Database, orgId: string, username: string, role: Role, passwordHash: string) =>
  insertUser(database.db, { orgId, userId: null, name: 'test' }, { username, password: PASSWORD, roles: [role], mustChangePassword: false }, passwordHash);

/** A school under `unionId` with one account per role; its upper_union account is the union's. */
async function seedSchool(database: Database, name: string, prefix: string, unionId: string, passwordHash: string): Promise<School> {
  const orgId = await seedOrg(database, name, 'school', unionId);
  const users = { upper_union: UNION_USER } as Record<Role, string>;
  for (const role of ROLES.filter((r) => r !== 'upper_union')) {
    users[role] = `${prefix}-${role.replace('_', '')}`;
    await seedUser(database, orgId, users[role], role, passwordHash);
  }
  return { orgId, name, users };
}
const UNION_USER = 'u-upperunion';

/** `webDist`: a web build for the server to serve, as `WEB_DIST` (none by default). */
export async function makeApp(dialect: Dialect, { webDist = '' } = {}): Promise<TestApp> {
  let url: string;
  let schema: string | undefined;
  let dir: string | undefined;
  if (dialect === 'sqlite') {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongxin-test-'));
    url = `sqlite:${path.join(dir, 'test.db')}`;
  } else {
    url = process.env.TEST_DATABASE_URL!;
    schema = `t_${randomToken(8).toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  }
  const database = await openDatabase(url, { schema, poolSize: 4 });
  await migrate(database);
  const config = loadConfig({ DATABASE_URL: url, WEB_DIST: webDist, LOG_LEVEL: 'silent', UPLOAD_LIMIT_MB: '2' });
  const app = await buildApp(config, database);
  await app.ready();
  const hash = await hashPassword(PASSWORD);
  const unionId = await seedOrg(database, '同心区教育工会', 'union', null);
  await seedUser(database, unionId, UNION_USER, 'upper_union', hash);
  const a = await seedSchool(database, '第一中学', 'a', unionId, hash);
  const b = await seedSchool(database, '第二小学', 'b', unionId, hash);
  return {
    app,
    database,
    dialect,
    unionId,
    a,
    b,
    client: () => new Client(app),
    async as(role, school = a) {
      const c = new Client(app);
      const res = await c.login(school.users[role]);
      if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status} ${JSON.stringify(res.json)}`);
      return c;
    },
    async close() {
      await app.close();
      if (schema) await database.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await database.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
