/** A plan with one task (indicator 失业人员再就业 10600 人, lead unit with a reporter) and its periods. */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { expect } from 'vitest';
import type { Database } from '../../src/db/client';
import { AppError } from '../../src/errors/app-error';
import type { RequestActor } from '../../src/policy/actor';
import { createServices, type Services } from '../../src/services/index';
import { createReportingServices, type ReportingServices } from '../../src/services/reporting/index';
import { buildActor, buildPlan, buildUnit, buildWorld, unique, type World } from '../support/factories';

export async function expectCode(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

export interface ReportingWorld {
  world: World;
  services: Services;
  reporting: ReportingServices;
  office: RequestActor;
  reporter: RequestActor;
  reporterUserId: number;
  unitId: number;
  coUnitId: number;
  planId: number;
  taskId: number;
  indicatorId: number;
  dataDir: string;
}

export async function buildReportingWorld(db: Database, year = 2020): Promise<ReportingWorld> {
  const services = createServices(db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-reporting-'));
  const reporting = createReportingServices(db, { dataDir });
  const world = await buildWorld(db, services);
  const unit = await buildUnit(services, world.admin, world.city.id, { name: unique('人社局') });
  const coUnit = await buildUnit(services, world.admin, world.city.id, { name: unique('财政局') });
  const plan = await buildPlan(services, world.office, world.city.id, { year });
  const task = await services.plans.createTask(world.office, plan.id, {
    number: 1,
    title: '促进就业',
    content: '失业人员再就业10600人',
    deadlineDate: `${year}-12-31`,
    units: [
      { unitId: unit.id, role: 'lead' },
      { unitId: coUnit.id, role: 'co' },
    ],
  });
  const indicator = await services.plans.createIndicator(world.office, task.task.id, {
    subject: '失业人员再就业',
    value: 10600,
    unit: '人',
    comparator: '>=',
    text: '失业人员再就业10600人',
  });
  const user = await services.users.create(world.admin, {
    username: unique('reporter'),
    displayName: '填报员',
    password: 'reporter-pass-123',
    role: 'reporter',
    jurisdictionId: world.city.id,
    unitId: unit.id,
  });
  const reporter = await buildActor(db, world.city.id, 'reporter', { unitId: unit.id, userId: user.id });
  return {
    world,
    services,
    reporting,
    office: world.office,
    reporter,
    reporterUserId: user.id,
    unitId: unit.id,
    coUnitId: coUnit.id,
    planId: plan.id,
    taskId: task.task.id,
    indicatorId: indicator.id,
    dataDir,
  };
}
