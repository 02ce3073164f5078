/**
 * Records for the authorization matrix: in each jurisdiction a plan with a category, a task and
 * an indicator, a user, and an import in preview; plus factories for fresh records, for calls
 * that retire or consume what they touch. Written straight to the tables, so the matrix does
 * not depend on the services it tests.
 */
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/client';
import {
  categories,
  indicators,
  jurisdictions,
  planImports,
  plans,
  sourceDocuments,
  taskUnits,
  tasks,
  units,
  users,
} from '../../src/db/schema';
import type { RequestActor } from '../../src/policy/actor';
import { createReportingServices } from '../../src/services/reporting/index';
import type { World } from './helpers';

export interface PlanRecords {
  planId: number;
  categoryId: number;
  taskId: number;
  indicatorId: number;
}

export interface TargetRecords extends PlanRecords {
  jurisdictionId: number;
  unitId: number;
  userId: number;
  importId: number;
  sourceDocumentId: number;
}

export interface Fixtures {
  byJurisdiction(jurisdictionId: number): TargetRecords;
  freshJurisdiction(parentId: number): Promise<number>;
  freshUnit(jurisdictionId: number): Promise<number>;
  freshUser(jurisdictionId: number): Promise<number>;
  freshPlan(jurisdictionId: number, unitId: number): Promise<PlanRecords>;
  freshImport(jurisdictionId: number): Promise<number>;
  sourceDocumentOf(importId: number): Promise<number>;
}

/** A minimal plan document as the importer writes it (packages/contract/src/imports.ts). */
export function planDocument(title: string) {
  return {
    kind: 'plan' as const,
    title,
    issuer: null,
    docNumber: null,
    year: 2026,
    jurisdiction: null,
    reportDate: null,
    period: null,
    declared: { categories: 1, tasks: 1 },
    categories: [{ ordinal: 1, name: '就业创业', declaredTasks: 1 }],
    tasks: [
      {
        number: 1,
        category: '就业创业',
        title: null,
        content: '城镇新增就业9万人',
        units: [{ name: '人社厅', role: 'lead' as const }],
        deadline: { text: '年底前', date: '2026-12-31' },
        indicators: [
          {
            subject: '城镇新增就业',
            value: 90000,
            unit: '人',
            comparator: '>=' as const,
            baseline: null,
            text: '9万人',
          },
        ],
        progress: null,
      },
    ],
    warnings: [],
  };
}

export async function createFixtures(handle: DatabaseHandle, world: World): Promise<Fixtures> {
  const db = handle.db;
  let counter = 0;
  const next = () => ++counter;

  async function freshPlan(jurisdictionId: number, unitId: number): Promise<PlanRecords> {
    const n = next();
    const [plan] = await db
      .insert(plans)
      .values({ jurisdictionId, year: 2026, title: `2026年民生实事 ${n}` })
      .returning();
    const [category] = await db
      .insert(categories)
      .values({ planId: plan!.id, ordinal: 1, name: '就业创业' })
      .returning();
    const [task] = await db
      .insert(tasks)
      .values({ planId: plan!.id, categoryId: category!.id, number: 1, content: '城镇新增就业9万人' })
      .returning();
    await db.insert(taskUnits).values({ taskId: task!.id, unitId, role: 'lead', countsInCompletion: true });
    const [indicator] = await db
      .insert(indicators)
      .values({ taskId: task!.id, value: 90000, unit: '人', comparator: '>=', text: '9万人' })
      .returning();
    return { planId: plan!.id, categoryId: category!.id, taskId: task!.id, indicatorId: indicator!.id };
  }

  async function freshUser(jurisdictionId: number): Promise<number> {
    const [row] = await db
      .insert(users)
      .values({
        username: `fixture.user.${next()}`,
        displayName: '测试用户',
        passwordHash: 'x',
        role: 'leader',
        jurisdictionId,
      })
      .returning();
    return row!.id;
  }

  async function freshImport(jurisdictionId: number): Promise<number> {
    const content = new TextEncoder().encode('一、就业创业\n1.城镇新增就业9万人。（牵头单位：人社厅）');
    const [doc] = await db
      .insert(sourceDocuments)
      .values({
        jurisdictionId,
        fileName: 'plan.txt',
        mediaType: 'text/plain',
        size: content.length,
        sha256: 'fixture',
        content,
      })
      .returning();
    const [row] = await db
      .insert(planImports)
      .values({ jurisdictionId, sourceDocumentId: doc!.id, document: planDocument(`导入 ${next()}`) })
      .returning();
    return row!.id;
  }

  async function sourceDocumentOf(importId: number): Promise<number> {
    const [row] = await db.select().from(planImports).where(eq(planImports.id, importId));
    return row!.sourceDocumentId;
  }

  async function freshJurisdiction(parentId: number): Promise<number> {
    const [row] = await db
      .insert(jurisdictions)
      .values({ name: `测试区 ${next()}`, level: 'district', parentId })
      .returning();
    return row!.id;
  }

  async function freshUnit(jurisdictionId: number): Promise<number> {
    const [row] = await db
      .insert(units)
      .values({ jurisdictionId, name: `测试单位 ${next()}` })
      .returning();
    return row!.id;
  }

  const shared = new Map<number, TargetRecords>();
  const { provA, cityA1, provB } = world.jurisdictions;
  for (const [jurisdictionId, unitId] of [
    [provA, world.units.unitA],
    [cityA1, world.units.unitA1],
    [provB, world.units.unitB],
  ] as const) {
    const importId = await freshImport(jurisdictionId);
    shared.set(jurisdictionId, {
      jurisdictionId,
      unitId,
      ...(await freshPlan(jurisdictionId, unitId)),
      userId: await freshUser(jurisdictionId),
      importId,
      sourceDocumentId: await sourceDocumentOf(importId),
    });
  }

  return {
    byJurisdiction(jurisdictionId) {
      const records = shared.get(jurisdictionId);
      if (!records) throw new Error(`no fixtures in jurisdiction ${jurisdictionId}`);
      return records;
    },
    freshJurisdiction,
    freshUnit,
    freshUser,
    freshPlan,
    freshImport,
    sourceDocumentOf,
  };
}

/** A reporting setup in one (jurisdiction, unit): a plan whose task the unit leads, its periods, a draft report. */
export interface ReportingRecords {
  planId: number;
  taskId: number;
  periodId: number;
  reportId: number;
  attachmentId: number;
}

export interface ReportingFixtures {
  of(jurisdictionId: number, unitId: number): Promise<ReportingRecords>;
  freshPeriod(jurisdictionId: number, unitId: number): Promise<{ id: number; version: number }>;
  freshReport(jurisdictionId: number, unitId: number): Promise<{ id: number; version: number }>;
  freshAttachment(jurisdictionId: number, unitId: number): Promise<number>;
}

export const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82,
]);

/**
 * Built through the reporting services (their rows are richer than a fixture should copy), acting
 * as a synthetic office clerk of the records' own jurisdiction.
 */
export function createReportingFixtures(
  handle: DatabaseHandle,
  fixtures: Fixtures,
  dataDir: string,
): ReportingFixtures {
  const services = createReportingServices(handle.db, { dataDir });
  const clerk = (jurisdictionId: number): RequestActor => ({
    userId: 0,
    username: 'fixture',
    role: 'office',
    jurisdictionId,
    unitId: null,
    scope: new Set([jurisdictionId]),
  });
  const cache = new Map<string, Promise<ReportingRecords>>();
  let counter = 1000;

  async function build(jurisdictionId: number, unitId: number): Promise<ReportingRecords> {
    const plan = await fixtures.freshPlan(jurisdictionId, unitId);
    const periods = await services.periods.open(clerk(jurisdictionId), plan.planId, { cadence: 'quarter' });
    const periodId = periods[0]!.id;
    const opened = await services.reports.open(clerk(jurisdictionId), {
      periodId,
      taskId: plan.taskId,
      unitId,
    });
    const attachment = await services.attachments.upload(clerk(jurisdictionId), opened.report.id, {
      fileName: 'photo.png',
      bytes: PNG,
    });
    return {
      planId: plan.planId,
      taskId: plan.taskId,
      periodId,
      reportId: opened.report.id,
      attachmentId: attachment.id,
    };
  }

  function of(jurisdictionId: number, unitId: number): Promise<ReportingRecords> {
    const key = `${jurisdictionId}/${unitId}`;
    let records = cache.get(key);
    if (!records) {
      records = build(jurisdictionId, unitId);
      cache.set(key, records);
    }
    return records;
  }

  async function freshReport(
    jurisdictionId: number,
    unitId: number,
  ): Promise<{ id: number; version: number }> {
    const { planId, periodId } = await of(jurisdictionId, unitId);
    const [task] = await handle.db
      .insert(tasks)
      .values({ planId, number: ++counter, content: '新建幼儿园5所' })
      .returning();
    await handle.db
      .insert(taskUnits)
      .values({ taskId: task!.id, unitId, role: 'lead', countsInCompletion: true });
    const opened = await services.reports.open(clerk(jurisdictionId), {
      periodId,
      taskId: task!.id,
      unitId,
    });
    return { id: opened.report.id, version: opened.report.version };
  }

  return {
    of,
    async freshPeriod(jurisdictionId, unitId) {
      const plan = await fixtures.freshPlan(jurisdictionId, unitId);
      const periods = await services.periods.open(clerk(jurisdictionId), plan.planId, { cadence: 'quarter' });
      return { id: periods[0]!.id, version: periods[0]!.version };
    },
    freshReport,
    async freshAttachment(jurisdictionId, unitId) {
      // on a report of its own: other cases submit the shared one
      const report = await freshReport(jurisdictionId, unitId);
      const row = await services.attachments.upload(clerk(jurisdictionId), report.id, {
        fileName: 'photo.png',
        bytes: PNG,
      });
      return row.id;
    },
  };
}
