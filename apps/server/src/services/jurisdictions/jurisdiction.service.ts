import type { CreateJurisdictionBody, UpdateJurisdictionBody } from '@minsheng/contract';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { RequestActor } from '../../policy/actor';
import { requireAccess } from '../../policy/policy';
import type { AuditRepository } from '../../repositories/audit.repository';
import type { JurisdictionRepository, JurisdictionRow } from '../../repositories/jurisdiction.repository';
import { isUniqueViolation } from '../../repositories/versioning';
import { auditActor, readableJurisdictionIds } from '../scope';

export interface JurisdictionServiceDeps {
  db: Database;
  jurisdictions: JurisdictionRepository;
  audit: AuditRepository;
}

function duplicateName(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('ALREADY_EXISTS');
  throw error;
}

export function createJurisdictionService({ db, jurisdictions, audit }: JurisdictionServiceDeps) {
  async function load(id: number): Promise<JurisdictionRow> {
    const row = await jurisdictions.findById(db, id);
    if (!row) throw new AppError('JURISDICTION_NOT_FOUND');
    return row;
  }

  return {
    async list(
      actor: RequestActor | null,
      query: { parentId?: number; includeRetired?: boolean },
    ): Promise<JurisdictionRow[]> {
      requireAccess(actor, 'jurisdiction.read');
      const visible = new Set(readableJurisdictionIds(actor, 'jurisdiction.read'));
      const rows = await jurisdictions.list(db, query);
      return rows.filter((r) => visible.has(r.id));
    },

    async get(actor: RequestActor | null, id: number): Promise<JurisdictionRow> {
      requireAccess(actor, 'jurisdiction.read');
      const row = await load(id);
      requireAccess(actor, 'jurisdiction.read', { jurisdictionId: row.id });
      return row;
    },

    async create(actor: RequestActor | null, body: CreateJurisdictionBody): Promise<JurisdictionRow> {
      // A new jurisdiction lives under its parent: the parent decides who may add it.
      requireAccess(actor, 'jurisdiction.write', { jurisdictionId: body.parentId });
      if (body.parentId !== null) await load(body.parentId);
      return db
        .transaction(async (tx) => {
          const row = await jurisdictions.insert(tx, {
            parentId: body.parentId,
            name: body.name,
            level: body.level,
            code: body.code ?? null,
          });
          await audit.append(tx, {
            ...auditActor(actor),
            action: 'create',
            entity: 'jurisdiction',
            entityId: row.id,
            jurisdictionId: row.id,
            after: row,
          });
          return row;
        })
        .catch(duplicateName);
    },

    async update(
      actor: RequestActor | null,
      id: number,
      body: UpdateJurisdictionBody,
    ): Promise<JurisdictionRow> {
      requireAccess(actor, 'jurisdiction.write');
      const before = await load(id);
      requireAccess(actor, 'jurisdiction.write', { jurisdictionId: before.id });
      const { version, ...changes } = body;
      if (changes.parentId !== undefined && changes.parentId !== null) {
        requireAccess(actor, 'jurisdiction.write', { jurisdictionId: changes.parentId });
        await load(changes.parentId);
        const below = await jurisdictions.listDescendantIds(db, id);
        if (below.includes(changes.parentId)) {
          throw new AppError('VALIDATION_FAILED', {
            zh: '上级行政区不能是自身或下级',
            en: 'A jurisdiction cannot be placed under itself or one below it',
            details: [{ path: 'parentId', message: 'cycle' }],
          });
        }
      }
      return db
        .transaction(async (tx) => {
          const row = await jurisdictions.update(tx, id, version, changes);
          await audit.append(tx, {
            ...auditActor(actor),
            action: 'update',
            entity: 'jurisdiction',
            entityId: id,
            jurisdictionId: id,
            before,
            after: row,
          });
          return row;
        })
        .catch(duplicateName);
    },

    async retire(actor: RequestActor | null, id: number, version: number): Promise<JurisdictionRow> {
      requireAccess(actor, 'jurisdiction.write');
      const before = await load(id);
      requireAccess(actor, 'jurisdiction.write', { jurisdictionId: before.id });
      return db.transaction(async (tx) => {
        const row = await jurisdictions.update(tx, id, version, { retiredAt: new Date() });
        await audit.append(tx, {
          ...auditActor(actor),
          action: 'retire',
          entity: 'jurisdiction',
          entityId: id,
          jurisdictionId: id,
          before,
          after: row,
        });
        return row;
      });
    },
  };
}
export type JurisdictionService = ReturnType<typeof createJurisdictionService>;
