/**
 * Plan import: an uploaded file becomes a preview (the importer's plan document plus a unit
 * mapping); the office corrects it; commit writes the whole plan in one transaction or nothing.
 */
import crypto from 'node:crypto';
import type { CommitImportBody, PlanDocumentBody, UnitMatch, UpdateImportBody } from '@minsheng/contract';
import type { ImportHints, PlanDocument } from '@minsheng/core';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { RequestActor } from '../../policy/actor';
import { requireAccess } from '../../policy/policy';
import { isDocumentReadError } from '../../readers/read-error';
import type { AuditRepository } from '../../repositories/audit.repository';
import type {
  ImportListRow,
  ImportRepository,
  PlanImportRow,
  SourceDocumentInfo,
} from '../../repositories/import.repository';
import type { JurisdictionRepository, JurisdictionRow } from '../../repositories/jurisdiction.repository';
import type { NewIndicator, NewTaskUnit, PlanRepository } from '../../repositories/plan.repository';
import type { UnitRepository, UnitRow } from '../../repositories/unit.repository';
import { auditActor, readableJurisdictionIds } from '../scope';
import { createUnitMatcher, guessUnitKind } from './unit-matching';

/** Bytes + file name → plan document; throws DocumentReadError on a bad file. */
export type ReadPlanDocument = (
  bytes: Uint8Array,
  fileName: string,
  hints: ImportHints,
) => Promise<PlanDocument>;
/** Bytes + file name → media type, from the bytes (throws DocumentReadError). */
export type SniffMediaType = (bytes: Uint8Array, fileName: string) => string;

export interface ImportServiceDeps {
  db: Database;
  imports: ImportRepository;
  plans: PlanRepository;
  units: UnitRepository;
  jurisdictions: JurisdictionRepository;
  audit: AuditRepository;
  readPlanDocument: ReadPlanDocument;
  sniffMediaType: SniffMediaType;
}

export type UnitMapping = Record<string, number | null>;

export interface ImportView {
  row: PlanImportRow;
  document: PlanDocumentBody;
  source: SourceDocumentInfo;
  unitMatches: UnitMatch[];
}

export interface UploadInput {
  jurisdictionId: number;
  year?: number | null;
  fileName: string;
  bytes: Uint8Array;
}

const MAX_ERROR_DETAILS = 200;

/** Unit names in the order the document first names them, with how many tasks name each. */
function unitNames(document: PlanDocumentBody): Map<string, number> {
  const names = new Map<string, number>();
  for (const task of document.tasks) {
    for (const name of new Set(task.units.map((u) => u.name))) names.set(name, (names.get(name) ?? 0) + 1);
  }
  return names;
}

function readError(error: unknown): never {
  if (isDocumentReadError(error)) {
    throw new AppError(error.code, { zh: error.messageZh, en: error.messageEn });
  }
  throw error;
}

function isIsoDate(text: string | null | undefined): text is string {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));
}

export function createImportService(deps: ImportServiceDeps) {
  const { db, imports, plans, units, jurisdictions, audit } = deps;

  async function loadJurisdiction(id: number): Promise<JurisdictionRow> {
    const row = await jurisdictions.findById(db, id);
    if (!row) throw new AppError('JURISDICTION_NOT_FOUND');
    return row;
  }

  async function loadImport(id: number): Promise<PlanImportRow> {
    const row = await imports.findImport(db, id);
    if (!row) throw new AppError('IMPORT_NOT_FOUND');
    return row;
  }

  async function matcherFor(jurisdiction: JurisdictionRow) {
    const register = await units.list(db, { jurisdictionIds: [jurisdiction.id] });
    return createUnitMatcher(register, jurisdiction.name);
  }

  async function view(row: PlanImportRow): Promise<ImportView> {
    const [jurisdiction, source] = await Promise.all([
      loadJurisdiction(row.jurisdictionId),
      imports.findSourceDocument(db, row.sourceDocumentId),
    ]);
    if (!source) throw new AppError('IMPORT_NOT_FOUND');
    const document = row.document as PlanDocumentBody;
    const mapping = row.unitMapping as UnitMapping;
    const match = await matcherFor(jurisdiction);
    const unitMatches = [...unitNames(document)].map(([name, tasks]): UnitMatch => {
      const suggestion = match(name);
      const unitId = name in mapping ? (mapping[name] ?? null) : (suggestion?.unitId ?? null);
      return { name, tasks, suggestion, unitId };
    });
    return { row, document, source, unitMatches };
  }

  function requirePreview(row: PlanImportRow): void {
    if (row.status === 'committed') throw new AppError('IMPORT_ALREADY_COMMITTED');
    if (row.status !== 'preview') throw new AppError('IMPORT_NOT_FOUND');
  }

  /** Everything commit would refuse, by row and field; empty when the import can be saved. */
  function validate(
    document: PlanDocumentBody,
    mapping: Map<string, number | null>,
    mapped: Map<number, UnitRow>,
    allowedJurisdictions: Set<number>,
  ): { path: string; message: string }[] {
    const errors: { path: string; message: string }[] = [];
    if (document.year === null)
      errors.push({ path: 'document.year', message: '缺少年份 / the plan year is missing' });
    if (document.tasks.length === 0)
      errors.push({ path: 'document.tasks', message: '没有任何实事 / no tasks' });
    for (const [name, unitId] of mapping) {
      if (unitId === null) continue;
      const unit = mapped.get(unitId);
      if (!unit || unit.retiredAt !== null) {
        errors.push({
          path: `unitMapping.${name}`,
          message: `单位 ${unitId} 不存在 / unit ${unitId} not found`,
        });
      } else if (!allowedJurisdictions.has(unit.jurisdictionId)) {
        errors.push({
          path: `unitMapping.${name}`,
          message: `单位“${unit.name}”不属于本行政区 / unit outside the jurisdiction`,
        });
      }
    }
    document.tasks.forEach((task, index) => {
      const at = `tasks.${index}`;
      const label = `第${task.number}项 / task ${task.number}`;
      if (!task.content.trim())
        errors.push({ path: `${at}.content`, message: `${label}：内容为空 / no content` });
      if (!task.units.some((u) => u.role === 'lead' && u.name.trim())) {
        errors.push({ path: `${at}.units`, message: `${label}：没有牵头单位 / no lead unit` });
      }
      if (task.deadline?.date && !isIsoDate(task.deadline.date)) {
        errors.push({
          path: `${at}.deadline.date`,
          message: `${label}：日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD`,
        });
      }
    });
    return errors.slice(0, MAX_ERROR_DETAILS);
  }

  const service = {
    async upload(actor: RequestActor | null, input: UploadInput): Promise<ImportView> {
      requireAccess(actor, 'plan.import', { jurisdictionId: input.jurisdictionId });
      const jurisdiction = await loadJurisdiction(input.jurisdictionId);
      // Read and parse before anything is written: a bad file leaves no row behind.
      let document: PlanDocumentBody;
      let mediaType: string;
      try {
        mediaType = deps.sniffMediaType(input.bytes, input.fileName);
        document = await deps.readPlanDocument(input.bytes, input.fileName, {
          year: input.year ?? null,
          jurisdiction: jurisdiction.name,
        });
      } catch (error) {
        readError(error);
      }
      if (input.year && document.year === null) document = { ...document, year: input.year };
      const match = await matcherFor(jurisdiction);
      const unitMapping: UnitMapping = {};
      for (const name of unitNames(document).keys()) unitMapping[name] = match(name)?.unitId ?? null;
      const sha256 = crypto.createHash('sha256').update(input.bytes).digest('hex');
      const row = await db.transaction(async (tx) => {
        const source = await imports.insertSourceDocument(tx, {
          jurisdictionId: jurisdiction.id,
          fileName: input.fileName.slice(0, 255),
          mediaType,
          size: input.bytes.length,
          sha256,
          content: input.bytes,
          uploadedBy: actor.userId > 0 ? actor.userId : null,
        });
        const created = await imports.insertImport(tx, {
          jurisdictionId: jurisdiction.id,
          sourceDocumentId: source.id,
          document,
          unitMapping,
          createdBy: actor.userId > 0 ? actor.userId : null,
        });
        await audit.append(tx, [
          {
            ...auditActor(actor),
            action: 'upload',
            entity: 'source_document',
            entityId: source.id,
            jurisdictionId: jurisdiction.id,
            after: source,
          },
          {
            ...auditActor(actor),
            action: 'create',
            entity: 'plan_import',
            entityId: created.id,
            jurisdictionId: jurisdiction.id,
            after: { id: created.id, sourceDocumentId: source.id, tasks: document.tasks.length, unitMapping },
          },
        ]);
        return created;
      });
      return view(row);
    },

    async list(
      actor: RequestActor | null,
      query: { jurisdictionId?: number; status?: PlanImportRow['status'] },
    ): Promise<ImportListRow[]> {
      requireAccess(actor, 'plan.import', { jurisdictionId: query.jurisdictionId ?? null });
      const jurisdictionIds =
        query.jurisdictionId !== undefined
          ? [query.jurisdictionId]
          : readableJurisdictionIds(actor, 'plan.import');
      return imports.listImports(db, { jurisdictionIds, status: query.status ?? 'preview' });
    },

    async get(actor: RequestActor | null, id: number): Promise<ImportView> {
      requireAccess(actor, 'plan.import');
      const row = await loadImport(id);
      requireAccess(actor, 'plan.import', { jurisdictionId: row.jurisdictionId });
      return view(row);
    },

    async update(actor: RequestActor | null, id: number, body: UpdateImportBody): Promise<ImportView> {
      requireAccess(actor, 'plan.import');
      const before = await loadImport(id);
      requireAccess(actor, 'plan.import', { jurisdictionId: before.jurisdictionId });
      requirePreview(before);
      const changes: { document?: PlanDocumentBody; unitMapping?: UnitMapping } = {};
      if (body.document) changes.document = body.document;
      if (body.unitMapping)
        changes.unitMapping = { ...(before.unitMapping as UnitMapping), ...body.unitMapping };
      const row = await db.transaction(async (tx) => {
        const updated = await imports.updateImport(tx, id, body.version, changes);
        await audit.append(tx, {
          ...auditActor(actor),
          action: 'update',
          entity: 'plan_import',
          entityId: id,
          jurisdictionId: before.jurisdictionId,
          // The document itself can be large: the log keeps the mapping and whether cells changed.
          before: { version: before.version, unitMapping: before.unitMapping },
          after: {
            version: updated.version,
            unitMapping: updated.unitMapping,
            documentEdited: !!body.document,
          },
        });
        return updated;
      });
      return view(row);
    },

    /** The uploaded file as it was uploaded (plans keep a link to theirs). */
    async readSource(
      actor: RequestActor | null,
      sourceDocumentId: number,
    ): Promise<{ info: SourceDocumentInfo; content: Uint8Array }> {
      requireAccess(actor, 'plan.read');
      const info = await imports.findSourceDocument(db, sourceDocumentId);
      if (!info) throw new AppError('NOT_FOUND');
      requireAccess(actor, 'plan.read', { jurisdictionId: info.jurisdictionId });
      const content = await imports.readSourceContent(db, sourceDocumentId);
      if (!content) throw new AppError('NOT_FOUND');
      return { info, content };
    },

    async discard(actor: RequestActor | null, id: number): Promise<void> {
      requireAccess(actor, 'plan.import');
      const before = await loadImport(id);
      requireAccess(actor, 'plan.import', { jurisdictionId: before.jurisdictionId });
      requirePreview(before);
      await db.transaction(async (tx) => {
        await imports.updateImport(tx, id, before.version, { status: 'discarded' });
        await audit.append(tx, {
          ...auditActor(actor),
          action: 'discard',
          entity: 'plan_import',
          entityId: id,
          jurisdictionId: before.jurisdictionId,
        });
      });
    },

    /**
     * Saves the plan: new units, learnt aliases, the plan, its categories, tasks, task units
     * and indicators, and the audit rows — in one transaction. Errors by row and field
     * (IMPORT_INVALID) save nothing.
     */
    async commit(
      actor: RequestActor | null,
      id: number,
      body: CommitImportBody,
    ): Promise<{ planId: number; importId: number }> {
      requireAccess(actor, 'plan.import');
      const current = await loadImport(id);
      requireAccess(actor, 'plan.import', { jurisdictionId: current.jurisdictionId });
      requirePreview(current);
      if (current.version !== body.version) {
        throw new AppError('VERSION_CONFLICT', {
          details: [{ path: 'version', message: String(current.version) }],
        });
      }
      const { document, unitMatches } = await view(current);
      const jurisdiction = await loadJurisdiction(current.jurisdictionId);
      const mapping = new Map(unitMatches.map((m) => [m.name, m.unitId]));
      const mappedIds = [...new Set([...mapping.values()].filter((v): v is number => v !== null))];
      const mapped = new Map((await units.findByIds(db, mappedIds)).map((u) => [u.id, u]));
      const allowed = new Set(await jurisdictions.listDescendantIds(db, jurisdiction.id));
      const errors = validate(document, mapping, mapped, allowed);
      if (errors.length > 0) throw new AppError('IMPORT_INVALID', { details: errors });
      const year = document.year ?? 0;

      return db.transaction(async (tx) => {
        const who = auditActor(actor);
        const at = { ...who, jurisdictionId: jurisdiction.id };
        // The version check comes first: a second, concurrent commit stops here.
        await imports.updateImport(tx, id, body.version, { status: 'committed' });

        // Units: the office's choices, new units for the names it left unmapped.
        const unitIdByName = new Map<string, number>();
        const existingByName = new Map(
          (await units.list(tx, { jurisdictionIds: [jurisdiction.id], includeRetired: true })).map((u) => [
            u.name,
            u,
          ]),
        );
        for (const [name, unitId] of mapping) {
          if (unitId !== null) {
            unitIdByName.set(name, unitId);
            continue;
          }
          const existing = existingByName.get(name);
          if (existing && existing.retiredAt === null) {
            unitIdByName.set(name, existing.id);
            continue;
          }
          const unitName = existing ? `${name}（导入${id}）` : name;
          const unit = await units.insert(tx, {
            jurisdictionId: jurisdiction.id,
            name: unitName,
            kind: guessUnitKind(name),
          });
          unitIdByName.set(name, unit.id);
          await audit.append(tx, { ...at, action: 'create', entity: 'unit', entityId: unit.id, after: unit });
        }
        // Aliases learnt: every printed name mapped to a unit of another name.
        const aliasEntries: { unitId: number; alias: string }[] = [];
        for (const [name, unitId] of unitIdByName) {
          const unit = mapped.get(unitId);
          if (unit && unit.name !== name) aliasEntries.push({ unitId, alias: name });
        }
        const learnt = await units.addAliases(tx, jurisdiction.id, aliasEntries);
        if (learnt.length > 0) {
          await audit.append(tx, {
            ...at,
            action: 'learn-aliases',
            entity: 'unit_alias',
            entityId: null,
            after: learnt,
          });
        }

        const plan = await plans.insertPlan(tx, {
          jurisdictionId: jurisdiction.id,
          year,
          title: document.title?.trim() || `${jurisdiction.name}${year}年民生实事`,
          issuer: document.issuer,
          docNumber: document.docNumber,
          status: body.publish ? 'published' : 'draft',
          declaredCategories: document.declared.categories,
          declaredTasks: document.declared.tasks,
          sourceDocumentId: current.sourceDocumentId,
        });

        // Categories: the document's, then any a task names that the list lacks.
        const categoryInput = [...document.categories];
        let nextOrdinal = Math.max(0, ...categoryInput.map((c) => c.ordinal)) + 1;
        for (const task of document.tasks) {
          if (task.category && !categoryInput.some((c) => c.name === task.category)) {
            categoryInput.push({ ordinal: nextOrdinal++, name: task.category, declaredTasks: null });
          }
        }
        const categoryRows = await plans.insertCategories(
          tx,
          categoryInput.map((c) => ({
            planId: plan.id,
            ordinal: c.ordinal,
            name: c.name,
            declaredTasks: c.declaredTasks,
          })),
        );
        const categoryIdByName = new Map(categoryRows.map((c) => [c.name, c.id]));

        const taskRows = await plans.insertTasks(
          tx,
          document.tasks.map((task) => ({
            planId: plan.id,
            categoryId: task.category ? (categoryIdByName.get(task.category) ?? null) : null,
            number: task.number,
            title: task.title,
            content: task.content.trim(),
            deadlineText: task.deadline?.text ?? null,
            deadlineDate: isIsoDate(task.deadline?.date) ? (task.deadline?.date ?? null) : null,
          })),
        );
        const taskUnitRows: NewTaskUnit[] = [];
        const indicatorRows: NewIndicator[] = [];
        document.tasks.forEach((task, index) => {
          const taskRow = taskRows[index];
          if (!taskRow) return;
          const seen = new Set<number>();
          // The lead first (the document's first lead), then the co units as printed.
          const ordered = [...task.units].sort((a, b) =>
            a.role === b.role ? 0 : a.role === 'lead' ? -1 : 1,
          );
          let leadTaken = false;
          for (const u of ordered) {
            const unitId = unitIdByName.get(u.name);
            if (unitId === undefined || seen.has(unitId)) continue;
            seen.add(unitId);
            const role = u.role === 'lead' && !leadTaken ? 'lead' : 'co';
            if (role === 'lead') leadTaken = true;
            taskUnitRows.push({
              taskId: taskRow.id,
              unitId,
              role,
              position: seen.size - 1,
              countsInCompletion: role === 'lead',
            });
          }
          task.indicators.forEach((indicator, position) => {
            indicatorRows.push({
              taskId: taskRow.id,
              position,
              subject: indicator.subject,
              value: indicator.value,
              valueMax: indicator.valueMax ?? null,
              unit: indicator.unit,
              comparator: indicator.comparator,
              baseline: indicator.baseline,
              text: indicator.text,
            });
          });
        });
        await plans.insertTaskUnits(tx, taskUnitRows);
        await plans.insertIndicators(tx, indicatorRows);
        await imports.updateImport(tx, id, body.version + 1, { planId: plan.id });

        await audit.append(tx, [
          {
            ...at,
            action: 'commit',
            entity: 'plan_import',
            entityId: id,
            after: { planId: plan.id, tasks: taskRows.length, categories: categoryRows.length },
          },
          {
            ...at,
            action: 'import',
            entity: 'plan',
            entityId: plan.id,
            after: {
              plan,
              categories: categoryRows.length,
              tasks: taskRows.length,
              taskUnits: taskUnitRows.length,
              indicators: indicatorRows.length,
              importId: id,
            },
          },
        ]);
        return { planId: plan.id, importId: id };
      });
    },
  };
  return service;
}
export type ImportService = ReturnType<typeof createImportService>;
