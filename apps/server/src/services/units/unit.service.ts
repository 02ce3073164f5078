import type { CreateUnitBody, UpdateUnitBody } from '@minsheng/contract';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { RequestActor } from '../../policy/actor';
import { requireAccess } from '../../policy/policy';
import type { AuditRepository } from '../../repositories/audit.repository';
import type { JurisdictionRepository } from '../../repositories/jurisdiction.repository';
import type { UnitRepository, UnitWithAliases } from '../../repositories/unit.repository';
import { isUniqueViolation } from '../../repositories/versioning';
import { auditActor, readableJurisdictionIds } from '../scope';

export interface UnitServiceDeps {
  db: Database;
  units: UnitRepository;
  jurisdictions: JurisdictionRepository;
  audit: AuditRepository;
}

function duplicateName(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AppError('ALREADY_EXISTS', {
      zh: '本行政区已有同名单位或别名',
      en: 'The jurisdiction already has a unit or alias with this name',
    });
  }
  throw error;
}

export function createUnitService({ db, units, jurisdictions, audit }: UnitServiceDeps) {
  async function load(id: number): Promise<UnitWithAliases> {
    const row = await units.findByIdWithAliases(db, id);
    if (!row) throw new AppError('UNIT_NOT_FOUND');
    return row;
  }

  return {
    async list(
      actor: RequestActor | null,
      query: { jurisdictionId?: number; q?: string; includeRetired?: boolean },
    ): Promise<UnitWithAliases[]> {
      requireAccess(actor, 'unit.read', { jurisdictionId: query.jurisdictionId ?? null });
      const jurisdictionIds =
        query.jurisdictionId !== undefined
          ? [query.jurisdictionId]
          : readableJurisdictionIds(actor, 'unit.read');
      return units.list(db, { ...query, jurisdictionIds });
    },

    async get(actor: RequestActor | null, id: number): Promise<UnitWithAliases> {
      requireAccess(actor, 'unit.read');
      const row = await load(id);
      requireAccess(actor, 'unit.read', { jurisdictionId: row.jurisdictionId });
      return row;
    },

    async create(actor: RequestActor | null, body: CreateUnitBody): Promise<UnitWithAliases> {
      requireAccess(actor, 'unit.write', { jurisdictionId: body.jurisdictionId });
      if (!(await jurisdictions.findById(db, body.jurisdictionId)))
        throw new AppError('JURISDICTION_NOT_FOUND');
      return db
        .transaction(async (tx) => {
          const row = await units.insert(tx, {
            jurisdictionId: body.jurisdictionId,
            name: body.name,
            kind: body.kind ?? 'department',
            leaderName: body.leaderName ?? null,
            contactName: body.contactName ?? null,
            contactPhone: body.contactPhone ?? null,
          });
          await units.replaceAliases(tx, row, body.aliases ?? []);
          const created = {
            ...row,
            aliases: [...new Set((body.aliases ?? []).filter((a) => a !== row.name))],
          };
          await audit.append(tx, {
            ...auditActor(actor),
            action: 'create',
            entity: 'unit',
            entityId: row.id,
            jurisdictionId: row.jurisdictionId,
            after: created,
          });
          return created;
        })
        .catch(duplicateName);
    },

    async update(actor: RequestActor | null, id: number, body: UpdateUnitBody): Promise<UnitWithAliases> {
      requireAccess(actor, 'unit.write');
      const before = await load(id);
      requireAccess(actor, 'unit.write', { jurisdictionId: before.jurisdictionId });
      const { version, aliases, ...changes } = body;
      return db
        .transaction(async (tx) => {
          const row = await units.update(tx, id, version, changes);
          if (aliases !== undefined) await units.replaceAliases(tx, row, aliases);
          const after = (await units.findByIdWithAliases(tx, id)) ?? { ...row, aliases: [] };
          await audit.append(tx, {
            ...auditActor(actor),
            action: 'update',
            entity: 'unit',
            entityId: id,
            jurisdictionId: row.jurisdictionId,
            before,
            after,
          });
          return after;
        })
        .catch(duplicateName);
    },

    async retire(actor: RequestActor | null, id: number, version: number): Promise<UnitWithAliases> {
      requireAccess(actor, 'unit.write');
      const before = await load(id);
      requireAccess(actor, 'unit.write', { jurisdictionId: before.jurisdictionId });
      return db.transaction(async (tx) => {
        const row = await units.update(tx, id, version, { retiredAt: new Date() });
        const after = { ...row, aliases: before.aliases };
        await audit.append(tx, {
          ...auditActor(actor),
          action: 'retire',
          entity: 'unit',
          entityId: id,
          jurisdictionId: row.jurisdictionId,
          before,
          after,
        });
        return after;
      });
    },
  };
}
export type UnitService = ReturnType<typeof createUnitService>;
