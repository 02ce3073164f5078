import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client';
import { auditLog } from '../../src/db/schema';
import { AppError } from '../../src/errors/app-error';
import { createServices, type Services } from '../../src/services/index';
import { openTestDatabase, testDatabases } from '../support/database';
import { buildActor, buildPlan, buildUnit, buildWorld, unique, type World } from '../support/factories';

async function auditRows(handle: DatabaseHandle, entity: string, id: number) {
  return handle.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, String(id)))
    .then((rows) => rows.filter((r) => r.entity === entity));
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe.each(testDatabases())('resources on %s', (kind) => {
  let handle: DatabaseHandle;
  let services: Services;
  let world: World;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    services = createServices(handle.db);
    world = await buildWorld(handle.db, services);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('creates, reads, edits and retires a jurisdiction, refusing a stale version', async () => {
    const { admin, city } = world;
    const county = await services.jurisdictions.create(admin, {
      parentId: city.id,
      name: unique('测试县'),
      level: 'county',
    });
    expect(county.version).toBe(1);
    const admin2 = await buildActor(handle.db, world.province.id);
    const edited = await services.jurisdictions.update(admin2, county.id, { version: 1, code: '220221' });
    expect(edited).toMatchObject({ version: 2, code: '220221' });
    const conflict = await expectCode(
      services.jurisdictions.update(admin2, county.id, { version: 1, code: 'x' }),
      'VERSION_CONFLICT',
    );
    expect(conflict.status).toBe(409);
    expect(conflict.detail?.details?.[0]).toEqual({ path: 'version', message: '2' });
    expect((await services.jurisdictions.get(admin2, county.id)).code).toBe('220221');
    await services.jurisdictions.retire(admin2, county.id, 2);
    const freshAdmin = await buildActor(handle.db, world.province.id);
    expect((await services.jurisdictions.list(freshAdmin, {})).map((j) => j.id)).not.toContain(county.id);
    expect(
      (await services.jurisdictions.list(freshAdmin, { includeRetired: true })).map((j) => j.id),
    ).toContain(county.id);
    const rows = await auditRows(handle, 'jurisdiction', county.id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update', 'retire']);
    expect(rows[1]?.before).toMatchObject({ version: 1 });
    expect(rows[1]?.after).toMatchObject({ version: 2, code: '220221' });
  });

  it('refuses a parent cycle and unknown rows', async () => {
    const { admin, province, city } = world;
    const p = await services.jurisdictions.get(admin, province.id);
    await expectCode(
      services.jurisdictions.update(admin, province.id, { version: p.version, parentId: city.id }),
      'VALIDATION_FAILED',
    );
    await expectCode(services.jurisdictions.get(admin, 999999), 'JURISDICTION_NOT_FOUND');
  });

  it('keeps units with aliases; a duplicate name is 409', async () => {
    const { office, city } = world;
    const unit = await buildUnit(services, office, city.id, {
      name: '市人社局',
      aliases: ['人社局', '市人力资源和社会保障局'],
    });
    expect(unit.aliases).toEqual(['人社局', '市人力资源和社会保障局']);
    await expectCode(buildUnit(services, office, city.id, { name: '市人社局' }), 'ALREADY_EXISTS');
    const edited = await services.units.update(office, unit.id, {
      version: 1,
      contactPhone: '0432-1234567',
      aliases: ['人社局'],
    });
    expect(edited).toMatchObject({ version: 2, contactPhone: '0432-1234567', aliases: ['人社局'] });
    await expectCode(
      services.units.update(office, unit.id, { version: 1, kind: 'enterprise' }),
      'VERSION_CONFLICT',
    );
    expect((await services.units.list(office, { q: '人社' })).map((u) => u.id)).toContain(unit.id);
    await services.units.retire(office, unit.id, 2);
    expect((await services.units.list(office, {})).map((u) => u.id)).not.toContain(unit.id);
    expect((await auditRows(handle, 'unit', unit.id)).map((r) => r.action)).toEqual([
      'create',
      'update',
      'retire',
    ]);
  });

  it('an office may not write units of another jurisdiction', async () => {
    const { office, province } = world;
    await expectCode(buildUnit(services, office, province.id), 'FORBIDDEN');
    await expectCode(services.units.list(null, {}), 'UNAUTHENTICATED');
  });

  it('creates users with an argon2id hash that never reaches the audit log', async () => {
    const { admin, city } = world;
    await expectCode(
      services.users.create(admin, {
        username: unique('weak'),
        displayName: '弱',
        password: 'short',
        role: 'office',
        jurisdictionId: city.id,
      }),
      'PASSWORD_TOO_WEAK',
    );
    const unit = await buildUnit(services, admin, city.id);
    await expectCode(
      services.users.create(admin, {
        username: unique('rep'),
        displayName: '填报',
        password: 'Minsheng2026!',
        role: 'reporter',
        jurisdictionId: city.id,
      }),
      'VALIDATION_FAILED',
    );
    const user = await services.users.create(admin, {
      username: unique('reporter'),
      displayName: '填报员',
      password: 'Minsheng2026!',
      role: 'reporter',
      jurisdictionId: city.id,
      unitId: unit.id,
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const edited = await services.users.update(admin, user.id, {
      version: 1,
      displayName: '张三',
      password: 'Another2026!x',
    });
    expect(edited.version).toBe(2);
    expect(edited.passwordHash).not.toBe(user.passwordHash);
    await expectCode(services.users.retire(admin, user.id, 1), 'VERSION_CONFLICT');
    await services.users.retire(admin, user.id, 2);
    const rows = await auditRows(handle, 'user', user.id);
    expect(rows.map((r) => r.action)).toEqual(['create', 'update+password', 'retire']);
    expect(JSON.stringify(rows)).not.toContain('argon2');
  });

  it('plans: categories, tasks with units, indicators; version conflicts; retire hides', async () => {
    const { office, city } = world;
    const lead = await buildUnit(services, office, city.id);
    const co = await buildUnit(services, office, city.id);
    const plan = await buildPlan(services, office, city.id, { year: 2015 });
    const category = await services.plans.createCategory(office, plan.id, { ordinal: 1, name: '就业增收' });
    const task = await services.plans.createTask(office, plan.id, {
      categoryId: category.id,
      number: 1,
      content: '发放小额担保贷款1.2亿元',
      deadlineText: '11月',
      deadlineDate: '2015-11-30',
      units: [
        { unitId: co.id, role: 'co' },
        { unitId: lead.id, role: 'lead' },
      ],
    });
    expect(task.units.map((u) => [u.unitId, u.role, u.position])).toEqual([
      [lead.id, 'lead', 0],
      [co.id, 'co', 1],
    ]);
    const indicator = await services.plans.createIndicator(office, task.task.id, {
      subject: '发放小额担保贷款',
      value: 120000000,
      unit: '元',
      text: '发放小额担保贷款1.2亿元',
    });
    await services.plans.updateIndicator(office, indicator.id, { version: 1, value: 130000000 });
    await expectCode(
      services.plans.updateIndicator(office, indicator.id, { version: 1, value: 1 }),
      'VERSION_CONFLICT',
    );
    await expectCode(
      services.plans.setTaskUnits(office, task.task.id, {
        version: 1,
        units: [
          { unitId: lead.id, role: 'lead' },
          { unitId: co.id, role: 'lead' },
        ],
      }),
      'VALIDATION_FAILED',
    );
    const reset = await services.plans.setTaskUnits(office, task.task.id, {
      version: 1,
      units: [{ unitId: co.id, role: 'lead' }],
    });
    expect(reset.task.version).toBe(2);
    expect(reset.units.map((u) => u.unitId)).toEqual([co.id]);
    await expectCode(
      services.plans.updateTask(office, task.task.id, { version: 1, title: 'x' }),
      'VERSION_CONFLICT',
    );

    const tree = await services.plans.get(office, plan.id);
    expect(tree.categories).toHaveLength(1);
    expect(tree.tasks).toHaveLength(1);
    expect(tree.indicators[0]?.value).toBe(130000000);

    await services.plans.retireTask(office, task.task.id, 2);
    expect((await services.plans.get(office, plan.id)).tasks).toHaveLength(0);
    expect((await services.plans.get(office, plan.id, true)).tasks).toHaveLength(1);
    const updated = await services.plans.update(office, plan.id, { version: 1, status: 'published' });
    expect(updated.status).toBe('published');
    expect((await services.plans.list(office, { year: 2015 })).map((p) => p.id)).toContain(plan.id);
    await services.plans.retire(office, plan.id, 2);
    expect((await services.plans.list(office, { year: 2015 })).map((p) => p.id)).not.toContain(plan.id);
    expect((await auditRows(handle, 'task', task.task.id)).map((r) => r.action)).toEqual([
      'create',
      'set-units',
      'retire',
    ]);
  });

  it('a reporter reads plans of their own jurisdiction only and cannot write', async () => {
    const { admin, city, province } = world;
    const plan = await buildPlan(services, admin, province.id);
    const reporter = await buildActor(handle.db, city.id, 'reporter');
    await expectCode(services.plans.get(reporter, plan.id), 'FORBIDDEN');
    await expectCode(buildPlan(services, reporter, city.id), 'FORBIDDEN');
  });
});
