/**
 * The authorization matrix: every registered route × every role × records in the actor's own
 * jurisdiction, the one below it, one beside it, and (for reporters) another unit. Routes are
 * collected from the app as they register, so a new route without an entry in `routeCases`
 * fails this test until someone states who may call it.
 *
 * The expectations are written here, independently of src/policy: a route's `allow` says which
 * roles may call it and how far they reach (`scope` = own jurisdiction and below, `own` = own
 * jurisdiction only, `unit` = own unit only, `any` = wherever). Allowed → any answer but 401/403
 * (and not 400: a case must send a valid request, or it proves nothing); refused → 403; signed
 * out → 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { buildApp } from '../../src/app';
import type { DatabaseHandle } from '../../src/db/client';
import type { Role } from '../../src/policy/actor';
import { openTestDatabase, testDatabases } from '../support/database';
import { login, PASSWORD, seedWorld, type Session, type World } from './helpers';
import { createFixtures, type Fixtures, type TargetRecords } from './authorization.fixtures';

type Reach = 'scope' | 'own' | 'unit' | 'any';
type Allow = Partial<Record<Role, Reach>>;

/** Where the records a request touches live. */
export interface Target {
  name: string;
  jurisdictionId: number;
  unitId: number;
}

export interface CaseContext {
  world: World;
  fixtures: Fixtures;
  target: Target;
  /** Records in the target's jurisdiction (shared; do not retire them). */
  records: TargetRecords;
}

interface RouteCase {
  /** public: anyone, signed in or not. signedIn: any role, no records involved. */
  access: 'public' | 'signedIn' | Allow;
  /** The request, against records in ctx.target (create fresh ones for destructive calls). */
  request?: (ctx: CaseContext) => Promise<Omit<InjectOptions, 'method'>> | Omit<InjectOptions, 'method'>;
  /** Lists: every item returned must lie within what the actor may read. */
  itemsWithin?: (body: unknown) => number[];
  /** The call ends or changes the session: run it in a fresh one. */
  freshSession?: boolean;
  /** Statuses that count as "allowed" besides 2xx (default: 404, 409, 422). */
  alsoAllowed?: number[];
}

const READ_ALL: Allow = {
  admin: 'scope',
  office: 'scope',
  leader: 'scope',
  deputy: 'scope',
  reporter: 'own',
};
const WRITE_OFFICE: Allow = { admin: 'scope', office: 'own' };
const ADMIN_ONLY: Allow = { admin: 'scope' };
const USER_READ: Allow = { admin: 'scope', office: 'own' };

const itemsJurisdictions = (body: unknown) =>
  ((body as { items?: { jurisdictionId: number }[] }).items ?? []).map((i) => i.jurisdictionId);

/** Every route of the app. Key: "METHOD /url" as registered. */
const routeCases: Record<string, RouteCase> = {
  // auth & system
  'POST /api/auth/login': {
    access: 'public',
    request: ({ world }) => ({
      url: '/api/auth/login',
      payload: { username: world.accounts['leader@provB']!.username, password: PASSWORD },
    }),
  },
  'POST /api/auth/logout': {
    access: 'public',
    freshSession: true,
    request: () => ({ url: '/api/auth/logout' }),
  },
  'GET /api/auth/session': { access: 'signedIn', request: () => ({ url: '/api/auth/session' }) },
  'POST /api/auth/password': {
    access: 'signedIn',
    // new === current: refused as too weak (422) once the caller is known; nothing changes.
    request: () => ({
      url: '/api/auth/password',
      payload: { currentPassword: PASSWORD, newPassword: PASSWORD },
    }),
  },
  'GET /api/health': { access: 'public', request: () => ({ url: '/api/health' }) },
  'GET /api/openapi.json': { access: 'public', request: () => ({ url: '/api/openapi.json' }) },
};
void READ_ALL;
void WRITE_OFFICE;
void ADMIN_ONLY;
void USER_READ;
void itemsJurisdictions;

/** The docs UI's own routes (static files of swagger-ui): public, not API. */
const isDocsRoute = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/** Actors: every role in province A, every role in city A1 (below it), reporters of two units. */
const ACTORS = [
  'admin@provA',
  'office@provA',
  'leader@provA',
  'deputy@provA',
  'reporter@unitA',
  'admin@cityA1',
  'office@cityA1',
  'leader@cityA1',
  'deputy@cityA1',
  'reporter@unitA1',
];

function expectedAllowed(world: World, actorKey: string, allow: Allow, target: Target | null): boolean {
  const account = world.accounts[actorKey]!;
  const reach = allow[account.role];
  if (!reach) return false;
  if (!target || reach === 'any') return true;
  const scope =
    account.jurisdictionId === world.jurisdictions.provA
      ? [world.jurisdictions.provA, world.jurisdictions.cityA1]
      : [account.jurisdictionId];
  if (reach === 'scope') return scope.includes(target.jurisdictionId);
  if (reach === 'own') return target.jurisdictionId === account.jurisdictionId;
  return target.jurisdictionId === account.jurisdictionId && target.unitId === account.unitId;
}

/** The jurisdictions an actor may read: for checking lists. */
function readScope(world: World, actorKey: string, allow: Allow): number[] {
  const account = world.accounts[actorKey]!;
  const reach = allow[account.role];
  if (!reach) return [];
  if (reach === 'scope' && account.jurisdictionId === world.jurisdictions.provA)
    return [world.jurisdictions.provA, world.jurisdictions.cityA1];
  return [account.jurisdictionId];
}

function describeResponse(response: LightMyRequestResponse): string {
  return `${response.statusCode} ${response.body.slice(0, 300)}`;
}

describe.each(testDatabases())('authorization matrix on %s', (kind) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let world: World;
  let fixtures: Fixtures;
  const routes: { method: string; url: string }[] = [];
  const sessions = new Map<string, Session>();

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    world = await seedWorld(handle);
    fixtures = await createFixtures(handle, world);
    app = await buildApp({
      db: handle,
      logger: false,
      config: { loginRateLimit: { max: 100_000, timeWindowMs: 60_000 } },
      onRoute: (route: RouteOptions) => {
        for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
          if (method !== 'HEAD') routes.push({ method, url: route.url });
        }
      },
    });
    for (const key of ACTORS) sessions.set(key, await login(app, world.accounts[key]!.username));
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
  });

  it('has an expectation for every route', () => {
    const apiRoutes = routes.filter((r) => r.url.startsWith('/api') && !isDocsRoute(r.url));
    const missing = apiRoutes.map((r) => `${r.method} ${r.url}`).filter((key) => !routeCases[key]);
    expect(missing, 'add these routes to routeCases in authorization.test.ts').toEqual([]);
    const stale = Object.keys(routeCases).filter(
      (key) => !apiRoutes.some((r) => `${r.method} ${r.url}` === key),
    );
    expect(stale, 'routeCases lists routes the app no longer has').toEqual([]);
  });

  it('gives each role exactly its reach on every route', async () => {
    const failures: string[] = [];
    const targets: Target[] = [
      { name: 'provA/unitA', jurisdictionId: world.jurisdictions.provA, unitId: world.units.unitA },
      { name: 'provA/unitA2', jurisdictionId: world.jurisdictions.provA, unitId: world.units.unitA2 },
      { name: 'cityA1/unitA1', jurisdictionId: world.jurisdictions.cityA1, unitId: world.units.unitA1 },
      { name: 'provB/unitB', jurisdictionId: world.jurisdictions.provB, unitId: world.units.unitB },
    ];
    let calls = 0;
    for (const { method, url } of routes) {
      if (!url.startsWith('/api') || isDocsRoute(url)) continue;
      const routeCase = routeCases[`${method} ${url}`];
      if (!routeCase) continue;
      const alsoAllowed = routeCase.alsoAllowed ?? [404, 409, 422];
      const okStatus = (s: number) => (s >= 200 && s < 300) || alsoAllowed.includes(s);
      const caseTargets = typeof routeCase.access === 'object' ? targets : [targets[0]!];

      for (const target of caseTargets) {
        const ctx: CaseContext = {
          world,
          fixtures,
          target,
          records: fixtures.byJurisdiction(target.jurisdictionId),
        };
        const send = async (headers: Record<string, string>) => {
          const options = routeCase.request ? await routeCase.request(ctx) : { url };
          calls++;
          return app.inject({
            ...options,
            method: method as InjectOptions['method'],
            headers: { ...(options.headers as Record<string, string> | undefined), ...headers },
          });
        };

        // Signed out.
        const anonymous = await send({});
        if (routeCase.access === 'public') {
          if (!okStatus(anonymous.statusCode))
            failures.push(`${method} ${url} anonymous: expected allowed, got ${describeResponse(anonymous)}`);
        } else if (anonymous.statusCode !== 401) {
          failures.push(
            `${method} ${url} anonymous → ${target.name}: expected 401, got ${describeResponse(anonymous)}`,
          );
        }

        for (const actorKey of ACTORS) {
          const session = routeCase.freshSession
            ? await login(app, world.accounts[actorKey]!.username)
            : sessions.get(actorKey)!;
          const response = await send(session.headers);
          const allowed =
            routeCase.access === 'public' ||
            routeCase.access === 'signedIn' ||
            expectedAllowed(world, actorKey, routeCase.access, target);
          const label = `${method} ${url} as ${actorKey} → ${target.name}`;
          if (allowed && !okStatus(response.statusCode)) {
            failures.push(`${label}: expected allowed, got ${describeResponse(response)}`);
          } else if (!allowed && response.statusCode !== 403) {
            failures.push(`${label}: expected 403, got ${describeResponse(response)}`);
          } else if (allowed && routeCase.itemsWithin && typeof routeCase.access === 'object') {
            const within = readScope(world, actorKey, routeCase.access);
            const outside = routeCase.itemsWithin(response.json()).filter((j) => !within.includes(j));
            if (outside.length)
              failures.push(`${label}: listed records of jurisdictions ${outside.join(', ')}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(0);
  });
});
