import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import type { DatabaseHandle } from '../../src/db/client';
import {
  planImports,
  plans,
  sourceDocuments,
  tasks,
  taskUnits,
  unitAliases,
  units,
} from '../../src/db/schema';
import { AppError } from '../../src/errors/app-error';
import { createServices, type Services } from '../../src/services/index';
import { openTestDatabase, testDatabases } from '../support/database';
import { buildActor, buildUnit, buildWorld, type World } from '../support/factories';

const seeds = path.resolve(import.meta.dirname, '../../../../fixtures/seeds');
const seed002 = new Uint8Array(fs.readFileSync(path.join(seeds, '002_a19654e07b0d8595.txt')));

async function codeOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(testDatabases())('plan import on %s', (kind) => {
  let handle: DatabaseHandle;
  let services: Services;
  let world: World;

  async function rowCounts() {
    const db = handle.db;
    const n = async (
      table: typeof plans | typeof tasks | typeof units | typeof sourceDocuments | typeof planImports,
    ) => (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
    return {
      plans: await n(plans),
      tasks: await n(tasks),
      units: await n(units),
      sources: await n(sourceDocuments),
      imports: await n(planImports),
    };
  }

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    services = createServices(handle.db);
    world = await buildWorld(handle.db, services);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('previews seed 002, takes the office’s edits and unit mapping, commits 80 tasks in one go', async () => {
    const { office, city } = world;
    const hr = await buildUnit(services, office, city.id, { name: '市人社局' });
    const transport = await buildUnit(services, office, city.id, { name: '市交通运输局' });

    const preview = await services.imports.upload(office, {
      jurisdictionId: city.id,
      fileName: '002.txt',
      bytes: seed002,
    });
    expect(preview.document.tasks).toHaveLength(80);
    expect(preview.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(preview.source.mediaType).toBe('text/plain');
    const byName = new Map(preview.unitMatches.map((m) => [m.name, m]));
    expect(byName.get('市人社局')?.suggestion).toMatchObject({
      unitId: hr.id,
      method: 'exact',
      confidence: 1,
    });
    expect(byName.get('人社局')?.suggestion).toMatchObject({ unitId: hr.id, method: 'normalized' });
    expect(byName.get('人社局')?.unitId).toBe(hr.id);
    expect(byName.get('市教育局')).toMatchObject({ suggestion: null, unitId: null });

    // The office corrects a cell and maps two names by hand.
    const document = structuredClone(preview.document);
    const first = document.tasks[0];
    if (!first) throw new Error('no task');
    first.content = `${first.content}（已核对）`;
    const edited = await services.imports.update(office, preview.row.id, {
      version: preview.row.version,
      document,
      unitMapping: { 市交通局: transport.id, 交通局: transport.id },
    });
    expect(edited.row.version).toBe(2);
    expect(edited.unitMatches.find((m) => m.name === '交通局')?.unitId).toBe(transport.id);
    expect((await codeOf(services.imports.commit(office, preview.row.id, { version: 1 }))).code).toBe(
      'VERSION_CONFLICT',
    );

    const before = await rowCounts();
    const { planId } = await services.imports.commit(office, preview.row.id, { version: 2, publish: true });
    const tree = await services.plans.get(office, planId);
    expect(tree.plan).toMatchObject({ year: 2015, status: 'published', docNumber: '吉市政办发〔2015〕3号' });
    expect(tree.tasks).toHaveLength(80);
    expect(tree.tasks[0]?.content).toContain('（已核对）');
    expect(tree.categories.length).toBeGreaterThanOrEqual(9);
    expect(tree.indicators.length).toBeGreaterThan(50);
    // Every task has exactly one lead unit.
    for (const task of tree.tasks) {
      expect(tree.taskUnits.filter((u) => u.taskId === task.id && u.role === 'lead')).toHaveLength(1);
    }
    const after = await rowCounts();
    expect(after.plans).toBe(before.plans + 1);
    expect(after.tasks).toBe(before.tasks + 80);
    expect(after.units).toBeGreaterThan(before.units + 20); // names left unmapped became units

    // Aliases learnt: the next import of the same names matches them outright.
    const aliases = await handle.db.select().from(unitAliases).where(eq(unitAliases.unitId, transport.id));
    expect(aliases.map((a) => a.alias).sort()).toEqual(['交通局', '市交通局']);
    const again = await services.imports.upload(office, {
      jurisdictionId: city.id,
      fileName: '002.txt',
      bytes: seed002,
    });
    expect(again.unitMatches.find((m) => m.name === '交通局')?.suggestion).toMatchObject({
      unitId: transport.id,
      method: 'alias',
    });
    expect(again.unitMatches.every((m) => m.suggestion !== null)).toBe(true);

    expect((await codeOf(services.imports.commit(office, preview.row.id, { version: 3 }))).code).toBe(
      'IMPORT_ALREADY_COMMITTED',
    );
    const previews = await services.imports.list(office, {});
    expect(previews.map((p) => p.id)).toContain(again.row.id);
    expect(previews.find((p) => p.id === again.row.id)).toMatchObject({
      tasks: 80,
      year: 2015,
      fileName: '002.txt',
    });
    expect((await services.imports.list(office, { status: 'committed' })).map((p) => p.planId)).toContain(
      planId,
    );
    await services.imports.discard(office, again.row.id);
    expect(
      (
        await codeOf(
          services.imports
            .get(office, again.row.id)
            .then(() => services.imports.update(office, again.row.id, { version: 2 })),
        )
      ).code,
    ).toBe('IMPORT_NOT_FOUND');
  });

  it('refuses an invalid commit with errors by row and field, saving nothing', async () => {
    const { office, city } = world;
    const preview = await services.imports.upload(office, {
      jurisdictionId: city.id,
      fileName: '002.txt',
      bytes: seed002,
    });
    const document = structuredClone(preview.document);
    document.year = null;
    const [t0, t1] = document.tasks;
    if (!t0 || !t1) throw new Error('no tasks');
    t0.content = '  ';
    t1.units = [];
    const edited = await services.imports.update(office, preview.row.id, { version: 1, document });
    const before = await rowCounts();
    const error = await codeOf(
      services.imports.commit(office, preview.row.id, { version: edited.row.version }),
    );
    expect(error.code).toBe('IMPORT_INVALID');
    expect(error.status).toBe(422);
    expect(error.detail?.details?.map((d) => d.path)).toEqual([
      'document.year',
      'tasks.0.content',
      'tasks.1.units',
    ]);
    expect(await rowCounts()).toEqual(before);
    expect((await services.imports.get(office, preview.row.id)).row.status).toBe('preview');
  });

  it('a failure inside the commit transaction leaves no plan, task or unit behind', async () => {
    const { office, city } = world;
    const preview = await services.imports.upload(office, {
      jurisdictionId: city.id,
      fileName: '002.txt',
      bytes: seed002,
    });
    const document = structuredClone(preview.document);
    const t = document.tasks[5];
    if (!t) throw new Error('no task');
    t.number = 2 ** 31; // valid JSON, too large for the integer column: the database refuses mid-way
    await services.imports.update(office, preview.row.id, { version: 1, document });
    const before = await rowCounts();
    const links = (await handle.db.select({ n: count() }).from(taskUnits))[0]?.n;
    await expect(services.imports.commit(office, preview.row.id, { version: 2 })).rejects.toThrow();
    expect(await rowCounts()).toEqual(before);
    expect((await handle.db.select({ n: count() }).from(taskUnits))[0]?.n).toBe(links);
    expect((await services.imports.get(office, preview.row.id)).row.status).toBe('preview');
  });

  it('bad uploads get a clear error and leave no rows', async () => {
    const { office, city } = world;
    const before = await rowCounts();
    const bomb = zipSync(
      {
        '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
        'word/document.xml': new Uint8Array(200 * 1024 * 1024),
      },
      { level: 9 },
    );
    const cases: [string, Uint8Array, string][] = [
      ['empty.txt', new Uint8Array(), 'FILE_EMPTY'],
      ['plan.pdf', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'UNSUPPORTED_FILE_TYPE'],
      ['plan.docx', new TextEncoder().encode('这不是 Word 文件'), 'CORRUPT_DOCUMENT'],
      ['bomb.docx', bomb, 'ZIP_BOMB'],
      ['notes.txt', new TextEncoder().encode('今天天气很好。\n没有任何实事。'), 'NO_TASKS_FOUND'],
    ];
    for (const [fileName, bytes, code] of cases) {
      const error = await codeOf(
        services.imports.upload(office, { jurisdictionId: city.id, fileName, bytes }),
      );
      expect(error.code, fileName).toBe(code);
      expect(error.status).toBeGreaterThanOrEqual(400);
      expect(error.status).toBeLessThan(500);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('checks access: another city’s office cannot see or commit the import', async () => {
    const { admin, office, city, province } = world;
    const other = await services.jurisdictions.create(admin, {
      parentId: province.id,
      name: '另一测试市',
      level: 'city',
    });
    const preview = await services.imports.upload(office, {
      jurisdictionId: city.id,
      fileName: '002.txt',
      bytes: seed002,
    });
    const stranger = await buildActor(handle.db, other.id, 'office');
    expect((await codeOf(services.imports.get(stranger, preview.row.id))).code).toBe('FORBIDDEN');
    expect(
      (
        await codeOf(
          services.imports.upload(stranger, { jurisdictionId: city.id, fileName: 'x.txt', bytes: seed002 }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});
