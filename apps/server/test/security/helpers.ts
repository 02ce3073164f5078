/**
 * Builds a small world for the security tests: two provinces (A with city A1 below it, B),
 * units in each, one account per role in each jurisdiction (a reporter per unit), all with
 * the same password.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app';
import type { AppConfig } from '../../src/config';
import type { DatabaseHandle } from '../../src/db/client';
import { jurisdictions, units, users } from '../../src/db/schema';
import type { Role } from '../../src/policy/actor';
import { hashPassword } from '../../src/services/auth/password';

export const PASSWORD = 'correct-horse-42';

export interface World {
  jurisdictions: { provA: number; cityA1: number; provB: number };
  units: { unitA: number; unitA2: number; unitA1: number; unitB: number };
  /** Accounts by name, e.g. "office@provA", "reporter@unitA". */
  accounts: Record<
    string,
    { id: number; username: string; role: Role; jurisdictionId: number; unitId: number | null }
  >;
}

export async function seedWorld(handle: DatabaseHandle): Promise<World> {
  const db = handle.db;
  const [provA] = await db.insert(jurisdictions).values({ name: '甲省', level: 'province' }).returning();
  const [provB] = await db.insert(jurisdictions).values({ name: '乙省', level: 'province' }).returning();
  const [cityA1] = await db
    .insert(jurisdictions)
    .values({ name: '甲省一市', level: 'city', parentId: provA!.id })
    .returning();
  const j = { provA: provA!.id, cityA1: cityA1!.id, provB: provB!.id };
  const unitRows = await db
    .insert(units)
    .values([
      { jurisdictionId: j.provA, name: '甲省人社厅' },
      { jurisdictionId: j.provA, name: '甲省教育厅' },
      { jurisdictionId: j.cityA1, name: '甲省一市人社局' },
      { jurisdictionId: j.provB, name: '乙省人社厅' },
    ])
    .returning();
  const u = {
    unitA: unitRows[0]!.id,
    unitA2: unitRows[1]!.id,
    unitA1: unitRows[2]!.id,
    unitB: unitRows[3]!.id,
  };
  const passwordHash = await hashPassword(PASSWORD);
  const specs: { key: string; role: Role; jurisdictionId: number; unitId: number | null }[] = [];
  for (const [jName, jId] of Object.entries(j)) {
    for (const role of ['admin', 'office', 'leader', 'deputy'] as const) {
      specs.push({ key: `${role}@${jName}`, role, jurisdictionId: jId, unitId: null });
    }
  }
  specs.push({ key: 'reporter@unitA', role: 'reporter', jurisdictionId: j.provA, unitId: u.unitA });
  specs.push({ key: 'reporter@unitA2', role: 'reporter', jurisdictionId: j.provA, unitId: u.unitA2 });
  specs.push({ key: 'reporter@unitA1', role: 'reporter', jurisdictionId: j.cityA1, unitId: u.unitA1 });
  specs.push({ key: 'reporter@unitB', role: 'reporter', jurisdictionId: j.provB, unitId: u.unitB });
  const rows = await db
    .insert(users)
    .values(
      specs.map((s) => ({
        username: s.key.replace('@', '.'),
        displayName: s.key,
        passwordHash,
        role: s.role,
        jurisdictionId: s.jurisdictionId,
        unitId: s.unitId,
      })),
    )
    .returning();
  const accounts: World['accounts'] = {};
  rows.forEach((row, i) => {
    accounts[specs[i]!.key] = {
      id: row.id,
      username: row.username,
      role: row.role,
      jurisdictionId: row.jurisdictionId,
      unitId: row.unitId,
    };
  });
  return { jurisdictions: j, units: u, accounts };
}

export async function buildTestApp(
  handle: DatabaseHandle,
  config: Partial<AppConfig> = {},
): Promise<FastifyInstance> {
  return buildApp({
    db: handle,
    logger: false,
    config: {
      loginRateLimit: { max: 10_000, timeWindowMs: 60_000 },
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-test-data-')),
      ...config,
    },
  });
}

export function cookieHeader(response: LightMyRequestResponse): string {
  return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a request in this session (cookie and CSRF token). */
  headers: Record<string, string>;
}

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const cookie = cookieHeader(response);
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
