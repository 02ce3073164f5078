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
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { buildApp } from '../../src/app';
import type { DatabaseHandle } from '../../src/db/client';
import type { Role } from '../../src/policy/actor';
import { openTestDatabase, testDatabases } from '../support/database';
import { login, PASSWORD, seedWorld, type Session, type World } from './helpers';
import {
  createFixtures,
  createReportingFixtures,
  PNG,
  type Fixtures,
  type ReportingFixtures,
  type TargetRecords,
} from './authorization.fixtures';

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
  reporting: ReportingFixtures;
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
  /** Lists: for a reporter, every item returned must belong to their unit. */
  unitsWithin?: (body: unknown) => number[];
  /** The call ends or changes the session: run it in a fresh one. */
  freshSession?: boolean;
  /** A list that filters by the actor's scope rather than refusing: one call, checked by itemsWithin. */
  targetless?: boolean;
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
const REPORT_READ: Allow = { admin: 'scope', office: 'scope', leader: 'scope', reporter: 'unit' };
const REPORT_WRITE: Allow = { office: 'own', reporter: 'unit' };
const REPORT_REVIEW: Allow = { office: 'own' };

const itemsJurisdictions = (body: unknown) =>
  ((body as { items?: { jurisdictionId: number }[] }).items ?? []).map((i) => i.jurisdictionId);

let unique = 0;
/** A name no other case uses. */
const fresh = (prefix: string) => `${prefix}${++unique}`;

function multipart(fields: Record<string, string>, file: { name: string; content: string }) {
  const boundary = '----authorization-matrix';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
      `Content-Type: text/plain\r\n\r\n${file.content}\r\n--${boundary}--\r\n`,
  );
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.from(parts.join('')),
  };
}

function multipartBytes(fileName: string, bytes: Uint8Array) {
  const boundary = '----authorization-matrix-bytes';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      Buffer.from(bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

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

  // jurisdictions: everyone reads their scope (reporters their own); admins write their subtree
  'GET /api/jurisdictions': {
    access: READ_ALL,
    targetless: true,
    request: () => ({ url: '/api/jurisdictions' }),
    itemsWithin: (body) => ((body as { items: { id: number }[] }).items ?? []).map((i) => i.id),
  },
  'GET /api/jurisdictions/:id': {
    access: READ_ALL,
    request: ({ target }) => ({ url: `/api/jurisdictions/${target.jurisdictionId}` }),
  },
  'POST /api/jurisdictions': {
    access: ADMIN_ONLY,
    request: ({ target }) => ({
      url: '/api/jurisdictions',
      payload: { parentId: target.jurisdictionId, name: fresh('新区'), level: 'district' },
    }),
  },
  'PATCH /api/jurisdictions/:id': {
    access: ADMIN_ONLY,
    request: async ({ fixtures, target }) => ({
      url: `/api/jurisdictions/${await fixtures.freshJurisdiction(target.jurisdictionId)}`,
      payload: { version: 1, name: fresh('改名区') },
    }),
  },
  'POST /api/jurisdictions/:id/retire': {
    access: ADMIN_ONLY,
    request: async ({ fixtures, target }) => ({
      url: `/api/jurisdictions/${await fixtures.freshJurisdiction(target.jurisdictionId)}/retire`,
      payload: { version: 1 },
    }),
  },

  // units: read like plans; office staff write their own jurisdiction's register
  'GET /api/units': {
    access: READ_ALL,
    request: ({ target }) => ({ url: `/api/units?jurisdictionId=${target.jurisdictionId}` }),
    itemsWithin: itemsJurisdictions,
  },
  'GET /api/units/:id': {
    access: READ_ALL,
    request: ({ target }) => ({ url: `/api/units/${target.unitId}` }),
  },
  'POST /api/units': {
    access: WRITE_OFFICE,
    request: ({ target }) => ({
      url: '/api/units',
      payload: { jurisdictionId: target.jurisdictionId, name: fresh('新单位') },
    }),
  },
  'PATCH /api/units/:id': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/units/${await fixtures.freshUnit(target.jurisdictionId)}`,
      payload: { version: 1, contactName: '张三' },
    }),
  },
  'POST /api/units/:id/retire': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/units/${await fixtures.freshUnit(target.jurisdictionId)}/retire`,
      payload: { version: 1 },
    }),
  },

  // users: admins manage their subtree's accounts; office staff see their own jurisdiction's
  'GET /api/users': {
    access: USER_READ,
    request: ({ target }) => ({ url: `/api/users?jurisdictionId=${target.jurisdictionId}` }),
    itemsWithin: itemsJurisdictions,
  },
  'GET /api/users/:id': {
    access: USER_READ,
    request: ({ records }) => ({ url: `/api/users/${records.userId}` }),
  },
  'POST /api/users': {
    access: ADMIN_ONLY,
    request: ({ target }) => ({
      url: '/api/users',
      payload: {
        username: fresh('new.user.'),
        displayName: '新用户',
        password: 'a-good-password-9',
        role: 'leader',
        jurisdictionId: target.jurisdictionId,
      },
    }),
  },
  'PATCH /api/users/:id': {
    access: ADMIN_ONLY,
    request: async ({ fixtures, target }) => ({
      url: `/api/users/${await fixtures.freshUser(target.jurisdictionId)}`,
      payload: { version: 1, displayName: '改名' },
    }),
  },
  'POST /api/users/:id/retire': {
    access: ADMIN_ONLY,
    request: async ({ fixtures, target }) => ({
      url: `/api/users/${await fixtures.freshUser(target.jurisdictionId)}/retire`,
      payload: { version: 1 },
    }),
  },

  // plans and their parts: everyone reads their scope (reporters their own jurisdiction);
  // office staff write their own jurisdiction's plans, admins their subtree's
  'GET /api/plans': {
    access: READ_ALL,
    request: ({ target }) => ({ url: `/api/plans?jurisdictionId=${target.jurisdictionId}` }),
    itemsWithin: itemsJurisdictions,
  },
  'GET /api/plans/:id': {
    access: READ_ALL,
    request: ({ records }) => ({ url: `/api/plans/${records.planId}` }),
  },
  'POST /api/plans': {
    access: WRITE_OFFICE,
    request: ({ target }) => ({
      url: '/api/plans',
      payload: { jurisdictionId: target.jurisdictionId, year: 2027, title: fresh('2027年民生实事') },
    }),
  },
  'PATCH /api/plans/:id': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/plans/${(await fixtures.freshPlan(target.jurisdictionId, target.unitId)).planId}`,
      payload: { version: 1, title: fresh('改名计划') },
    }),
  },
  'POST /api/plans/:id/retire': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/plans/${(await fixtures.freshPlan(target.jurisdictionId, target.unitId)).planId}/retire`,
      payload: { version: 1 },
    }),
  },
  'GET /api/plans/:id/categories': {
    access: READ_ALL,
    request: ({ records }) => ({ url: `/api/plans/${records.planId}/categories` }),
  },
  'POST /api/plans/:id/categories': {
    access: WRITE_OFFICE,
    request: ({ records }) => ({
      url: `/api/plans/${records.planId}/categories`,
      payload: { ordinal: 9, name: fresh('类别') },
    }),
  },
  'GET /api/categories/:id': {
    access: READ_ALL,
    request: ({ records }) => ({ url: `/api/categories/${records.categoryId}` }),
  },
  'PATCH /api/categories/:id': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/categories/${(await fixtures.freshPlan(target.jurisdictionId, target.unitId)).categoryId}`,
      payload: { version: 1, name: fresh('改名类别') },
    }),
  },
  'POST /api/categories/:id/retire': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/categories/${(await fixtures.freshPlan(target.jurisdictionId, target.unitId)).categoryId}/retire`,
      payload: { version: 1 },
    }),
  },
  'GET /api/plans/:id/tasks': {
    access: READ_ALL,
    request: ({ records }) => ({ url: `/api/plans/${records.planId}/tasks` }),
  },
  'POST /api/plans/:id/tasks': {
    access: WRITE_OFFICE,
    request: ({ records }) => ({
      url: `/api/plans/${records.planId}/tasks`,
      payload: { number: 100 + unique++, content: '新建幼儿园5所' },
    }),
  },
  'GET /api/tasks/:id': {
    access: READ_ALL,
    request: ({ records }) => ({ url: `/api/tasks/${records.taskId}` }),
  },
  'PATCH /api/tasks/:id': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/tasks/${(await fixtures.freshPlan(target.jurisdictionId, target.unitId)).taskId}`,
      payload: { version: 1, content: '新建幼儿园6所' },
    }),
  },
  'PUT /api/tasks/:id/units': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/tasks/${(await fixtures.freshPlan(target.jurisdictionId, target.unitId)).taskId}/units`,
      payload: { version: 1, units: [{ unitId: target.unitId, role: 'lead' }] },
    }),
  },
  'POST /api/tasks/:id/retire': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/tasks/${(await fixtures.freshPlan(target.jurisdictionId, target.unitId)).taskId}/retire`,
      payload: { version: 1 },
    }),
  },
  'GET /api/tasks/:id/indicators': {
    access: READ_ALL,
    request: ({ records }) => ({ url: `/api/tasks/${records.taskId}/indicators` }),
  },
  'POST /api/tasks/:id/indicators': {
    access: WRITE_OFFICE,
    request: ({ records }) => ({
      url: `/api/tasks/${records.taskId}/indicators`,
      payload: { value: 5, unit: '所', text: '5所' },
    }),
  },
  'GET /api/indicators/:id': {
    access: READ_ALL,
    request: ({ records }) => ({ url: `/api/indicators/${records.indicatorId}` }),
  },
  'PATCH /api/indicators/:id': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/indicators/${(await fixtures.freshPlan(target.jurisdictionId, target.unitId)).indicatorId}`,
      payload: { version: 1, value: 6 },
    }),
  },
  'POST /api/indicators/:id/retire': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/indicators/${(await fixtures.freshPlan(target.jurisdictionId, target.unitId)).indicatorId}/retire`,
      payload: { version: 1 },
    }),
  },

  // imports: the office's (and admins') tool, previews included
  'POST /api/imports': {
    access: WRITE_OFFICE,
    request: ({ target }) => ({
      url: `/api/imports?jurisdictionId=${target.jurisdictionId}&year=2026`,
      ...multipart(
        {},
        { name: 'plan.txt', content: '一、就业创业\n1.城镇新增就业9万人。（牵头单位：人社厅）\n' },
      ),
    }),
  },
  'GET /api/imports': {
    access: WRITE_OFFICE,
    request: ({ target }) => ({ url: `/api/imports?jurisdictionId=${target.jurisdictionId}` }),
    itemsWithin: itemsJurisdictions,
  },
  'GET /api/imports/:id': {
    access: WRITE_OFFICE,
    request: ({ records }) => ({ url: `/api/imports/${records.importId}` }),
  },
  'PATCH /api/imports/:id': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/imports/${await fixtures.freshImport(target.jurisdictionId)}`,
      payload: { version: 1, unitMapping: { 人社厅: target.unitId } },
    }),
  },
  'POST /api/imports/:id/commit': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/imports/${await fixtures.freshImport(target.jurisdictionId)}/commit`,
      payload: { version: 1 },
    }),
  },
  'GET /api/source-documents/:id': {
    access: READ_ALL,
    request: ({ records }) => ({ url: `/api/source-documents/${records.sourceDocumentId}` }),
  },
  'DELETE /api/imports/:id': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/imports/${await fixtures.freshImport(target.jurisdictionId)}`,
    }),
  },

  // reporting periods: opened and closed by the office (admins in their subtree); read like plans
  'GET /api/plans/:id/periods': {
    access: READ_ALL,
    request: async ({ reporting, target }) => ({
      url: `/api/plans/${(await reporting.of(target.jurisdictionId, target.unitId)).planId}/periods`,
    }),
  },
  'POST /api/plans/:id/periods': {
    access: WRITE_OFFICE,
    request: async ({ fixtures, target }) => ({
      url: `/api/plans/${(await fixtures.freshPlan(target.jurisdictionId, target.unitId)).planId}/periods`,
      payload: { cadence: 'quarter' },
    }),
  },
  'GET /api/periods/:id': {
    access: READ_ALL,
    request: async ({ reporting, target }) => ({
      url: `/api/periods/${(await reporting.of(target.jurisdictionId, target.unitId)).periodId}`,
    }),
  },
  'POST /api/periods/:id/close': {
    access: WRITE_OFFICE,
    request: async ({ reporting, target }) => {
      const period = await reporting.freshPeriod(target.jurisdictionId, target.unitId);
      return { url: `/api/periods/${period.id}/close`, payload: { version: period.version } };
    },
  },
  'POST /api/periods/:id/reopen': {
    access: WRITE_OFFICE,
    request: async ({ reporting, target }) => {
      const period = await reporting.freshPeriod(target.jurisdictionId, target.unitId);
      return { url: `/api/periods/${period.id}/reopen`, payload: { version: period.version } };
    },
  },

  // reports: a reporter their own unit's, office staff their jurisdiction's, leaders and admins read
  // their subtree's; deputies do not see drafts
  'GET /api/periods/:id/tasks': {
    access: REPORT_READ,
    request: async ({ reporting, target }) => ({
      url: `/api/periods/${(await reporting.of(target.jurisdictionId, target.unitId)).periodId}/tasks?unitId=${target.unitId}`,
    }),
  },
  'GET /api/periods/:id/reports': {
    // A reporter gets their own unit's reports of any period (a province's task may be a city
    // unit's), never another unit's: checked by unitsWithin.
    access: { ...REPORT_READ, reporter: 'any' },
    request: async ({ reporting, target }) => ({
      url: `/api/periods/${(await reporting.of(target.jurisdictionId, target.unitId)).periodId}/reports`,
    }),
    unitsWithin: (body) => ((body as { items?: { unitId: number }[] }).items ?? []).map((i) => i.unitId),
  },
  'POST /api/reports': {
    access: REPORT_WRITE,
    request: async ({ reporting, target }) => {
      const records = await reporting.of(target.jurisdictionId, target.unitId);
      return {
        url: '/api/reports',
        payload: { periodId: records.periodId, taskId: records.taskId, unitId: target.unitId },
      };
    },
  },
  'POST /api/reports/proposal': {
    access: { admin: 'scope', office: 'scope', leader: 'scope', reporter: 'own' },
    request: async ({ reporting, target }) => {
      const records = await reporting.of(target.jurisdictionId, target.unitId);
      return {
        url: '/api/reports/proposal',
        payload: { periodId: records.periodId, taskId: records.taskId, progressText: '完成6万人' },
      };
    },
  },
  'GET /api/reports/:id': {
    access: REPORT_READ,
    request: async ({ reporting, target }) => ({
      url: `/api/reports/${(await reporting.of(target.jurisdictionId, target.unitId)).reportId}`,
    }),
  },
  'PUT /api/reports/:id': {
    access: REPORT_WRITE,
    request: async ({ reporting, target }) => {
      const report = await reporting.freshReport(target.jurisdictionId, target.unitId);
      return {
        url: `/api/reports/${report.id}`,
        payload: { version: report.version, progressText: '已开工3所' },
      };
    },
  },
  'POST /api/reports/:id/submit': {
    access: REPORT_WRITE,
    request: async ({ reporting, target }) => {
      const report = await reporting.freshReport(target.jurisdictionId, target.unitId);
      return {
        url: `/api/reports/${report.id}/submit`,
        payload: { version: report.version, progressText: '已开工3所', reportedStatus: null },
      };
    },
  },
  'POST /api/reports/:id/accept': {
    access: REPORT_REVIEW,
    request: async ({ reporting, target }) => {
      const report = await reporting.freshReport(target.jurisdictionId, target.unitId);
      return { url: `/api/reports/${report.id}/accept`, payload: { version: report.version } };
    },
  },
  'POST /api/reports/:id/return': {
    access: REPORT_REVIEW,
    request: async ({ reporting, target }) => {
      const report = await reporting.freshReport(target.jurisdictionId, target.unitId);
      return {
        url: `/api/reports/${report.id}/return`,
        payload: { version: report.version, comment: '请补充数据' },
      };
    },
  },
  'GET /api/reports/:id/versions': {
    access: REPORT_READ,
    request: async ({ reporting, target }) => ({
      url: `/api/reports/${(await reporting.of(target.jurisdictionId, target.unitId)).reportId}/versions`,
    }),
  },
  // ratings and alerts cover every unit: not for reporters
  'GET /api/periods/:id/ratings': {
    access: { admin: 'scope', office: 'scope', leader: 'scope' },
    request: async ({ reporting, target }) => ({
      url: `/api/periods/${(await reporting.of(target.jurisdictionId, target.unitId)).periodId}/ratings`,
    }),
  },
  'GET /api/periods/:id/alerts': {
    access: { admin: 'scope', office: 'scope', leader: 'scope' },
    request: async ({ reporting, target }) => ({
      url: `/api/periods/${(await reporting.of(target.jurisdictionId, target.unitId)).periodId}/alerts`,
    }),
  },
  'POST /api/periods/:id/imports': {
    access: WRITE_OFFICE,
    request: async ({ reporting, target }) => ({
      url: `/api/periods/${(await reporting.of(target.jurisdictionId, target.unitId)).periodId}/imports`,
      ...multipart({}, { name: 'progress.txt', content: '1.城镇新增就业9万人。完成6万人。\n' }),
    }),
  },
  'POST /api/periods/:id/imports/commit': {
    access: WRITE_OFFICE,
    request: async ({ reporting, target }) => {
      const records = await reporting.of(target.jurisdictionId, target.unitId);
      return {
        url: `/api/periods/${records.periodId}/imports/commit`,
        payload: { rows: [{ taskId: records.taskId, progressText: '完成6万人', values: [] }] },
      };
    },
  },
  'POST /api/reports/:id/attachments': {
    access: REPORT_WRITE,
    request: async ({ reporting, target }) => {
      const report = await reporting.freshReport(target.jurisdictionId, target.unitId);
      return { url: `/api/reports/${report.id}/attachments`, ...multipartBytes('photo.png', PNG) };
    },
  },
  'GET /api/attachments/:id': {
    access: REPORT_READ,
    request: async ({ reporting, target }) => ({
      url: `/api/attachments/${(await reporting.of(target.jurisdictionId, target.unitId)).attachmentId}`,
    }),
  },
  'POST /api/attachments/:id/retire': {
    access: REPORT_WRITE,
    request: async ({ reporting, target }) => ({
      url: `/api/attachments/${await reporting.freshAttachment(target.jurisdictionId, target.unitId)}/retire`,
    }),
  },

  // one's own notifications and e-mail address: every account; the outbox: admins
  'GET /api/notifications': { access: 'signedIn', request: () => ({ url: '/api/notifications' }) },
  'POST /api/notifications/:id/read': {
    access: 'signedIn',
    request: () => ({ url: '/api/notifications/999999/read' }),
  },
  'POST /api/notifications/read-all': {
    access: 'signedIn',
    request: () => ({ url: '/api/notifications/read-all' }),
  },
  'GET /api/me/email': { access: 'signedIn', request: () => ({ url: '/api/me/email' }) },
  'PUT /api/me/email': {
    access: 'signedIn',
    request: () => ({ url: '/api/me/email', payload: { email: 'someone@example.cn' } }),
  },
  'GET /api/outbox': { access: { admin: 'any' }, targetless: true, request: () => ({ url: '/api/outbox' }) },

  // the public portal's read-only API: anyone, published plans only (the fixtures' drafts are 404)
  'GET /api/public/plans': { access: 'public', request: () => ({ url: '/api/public/plans' }) },
  'GET /api/public/plans/:id': {
    access: 'public',
    request: ({ records }) => ({ url: `/api/public/plans/${records.planId}` }),
  },
  'GET /api/public/tasks/:id': {
    access: 'public',
    request: ({ records }) => ({ url: `/api/public/tasks/${records.taskId}` }),
  },

  // audit log: admins their subtree, office staff their own jurisdiction
  'GET /api/audit': {
    access: { admin: 'scope', office: 'own' },
    request: ({ target }) => ({ url: `/api/audit?jurisdictionId=${target.jurisdictionId}` }),
    itemsWithin: (body) =>
      ((body as { items?: { jurisdictionId: number | null }[] }).items ?? [])
        .map((i) => i.jurisdictionId)
        .filter((j): j is number => j !== null),
  },
};

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
  const testDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minsheng-matrix-'));
  let app: FastifyInstance;
  let world: World;
  let fixtures: Fixtures;
  let reporting: ReportingFixtures;
  const routes: { method: string; url: string }[] = [];
  const sessions = new Map<string, Session>();

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    world = await seedWorld(handle);
    fixtures = await createFixtures(handle, world);
    reporting = createReportingFixtures(handle, fixtures, testDataDir);
    app = await buildApp({
      db: handle,
      logger: false,
      config: { loginRateLimit: { max: 100_000, timeWindowMs: 60_000 }, dataDir: testDataDir },
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
    fs.rmSync(testDataDir, { recursive: true, force: true });
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

  it('shows nothing unpublished on the public API', async () => {
    const draft = fixtures.byJurisdiction(world.jurisdictions.provA);
    expect((await app.inject({ url: `/api/public/plans/${draft.planId}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/public/tasks/${draft.taskId}` })).statusCode).toBe(404);
    const list = await app.inject({ url: '/api/public/plans' });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('2026年民生实事');
  });

  // ~2,000 requests: minutes on a busy machine.
  it('gives each role exactly its reach on every route', { timeout: 900_000 }, async () => {
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
      const targeted = typeof routeCase.access === 'object' && !routeCase.targetless;
      const caseTargets = targeted ? targets : [targets[0]!];

      for (const target of caseTargets) {
        const ctx: CaseContext = {
          world,
          fixtures,
          reporting,
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
            expectedAllowed(world, actorKey, routeCase.access, targeted ? target : null);
          const label = `${method} ${url} as ${actorKey} → ${target.name}`;
          if (process.env.MATRIX_DEBUG)
            console.log(`${allowed ? 'ALLOW' : 'DENY '} ${response.statusCode} ${label}`);
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
          if (allowed && okStatus(response.statusCode) && routeCase.unitsWithin) {
            const account = world.accounts[actorKey]!;
            const others =
              account.role === 'reporter'
                ? routeCase.unitsWithin(response.json()).filter((u) => u !== account.unitId)
                : [];
            if (others.length) failures.push(`${label}: listed records of units ${others.join(', ')}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(0);
  });
});
