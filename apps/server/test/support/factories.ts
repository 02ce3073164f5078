/**
 * Small builders for medium tests: each test makes the rows it needs through the services,
 * so every row also passes the services' checks and writes its audit entries.
 */
import type { Database } from '../../src/db/client';
import type { RequestActor, Role } from '../../src/policy/actor';
import { listDescendantIds } from '../../src/repositories/jurisdiction.repository';
import type { Services } from '../../src/services/index';

let counter = 0;
/** A name no other row of this test run has. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

/** An actor as the auth module would build it: scope = the jurisdiction and all below it. */
export async function buildActor(
  db: Database,
  jurisdictionId: number,
  role: Role = 'admin',
  extra: Partial<RequestActor> = {},
): Promise<RequestActor> {
  return {
    userId: 0,
    username: `test-${role}`,
    role,
    jurisdictionId,
    unitId: null,
    scope: new Set(await listDescendantIds(db, jurisdictionId)),
    ...extra,
  };
}

/** A root actor that may do anything: an admin with no jurisdiction yet (bootstrap). */
export function rootActor(): RequestActor {
  return { userId: 0, username: 'root', role: 'admin', jurisdictionId: 0, unitId: null, scope: new Set() };
}

export interface World {
  province: { id: number; name: string };
  city: { id: number; name: string };
  admin: RequestActor;
  office: RequestActor;
}

/** A province with a city, an admin at the province and an office at the city. */
export async function buildWorld(db: Database, services: Services): Promise<World> {
  const province = await services.jurisdictions.create(
    { ...rootActor(), scope: new Set([0]) },
    { parentId: null, name: unique('测试省'), level: 'province' },
  );
  let admin = await buildActor(db, province.id);
  const city = await services.jurisdictions.create(admin, {
    parentId: province.id,
    name: unique('测试市'),
    level: 'city',
  });
  admin = await buildActor(db, province.id);
  const office = await buildActor(db, city.id, 'office');
  return { province, city, admin, office };
}

export async function buildUnit(
  services: Services,
  actor: RequestActor,
  jurisdictionId: number,
  overrides: { name?: string; aliases?: string[] } = {},
) {
  return services.units.create(actor, {
    jurisdictionId,
    name: overrides.name ?? unique('测试局'),
    aliases: overrides.aliases ?? [],
  });
}

export async function buildPlan(
  services: Services,
  actor: RequestActor,
  jurisdictionId: number,
  overrides: { year?: number; title?: string } = {},
) {
  return services.plans.create(actor, {
    jurisdictionId,
    year: overrides.year ?? 2017,
    title: overrides.title ?? unique('测试计划'),
  });
}
