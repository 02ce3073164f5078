import type { CreateUserBody, UpdateUserBody } from '@minsheng/contract';
import type { Database } from '../../db/client';
import { AppError } from '../../errors/app-error';
import type { RequestActor } from '../../policy/actor';
import { requireAccess } from '../../policy/policy';
import type { AuditRepository } from '../../repositories/audit.repository';
import type { JurisdictionRepository } from '../../repositories/jurisdiction.repository';
import type { UnitRepository } from '../../repositories/unit.repository';
import type { UserChanges, UserRepository, UserRow } from '../../repositories/user.repository';
import { isUniqueViolation } from '../../repositories/versioning';
import { hashPassword, isStrongPassword } from '../auth/password';
import { auditActor, readableJurisdictionIds } from '../scope';

export interface UserServiceDeps {
  db: Database;
  users: UserRepository;
  units: UnitRepository;
  jurisdictions: JurisdictionRepository;
  audit: AuditRepository;
}

/** What the audit log keeps of an account: never the password hash. */
function auditable(row: UserRow): Omit<UserRow, 'passwordHash'> {
  const { passwordHash: _hash, ...rest } = row;
  return rest;
}

function duplicateUsername(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AppError('ALREADY_EXISTS', { zh: '用户名已存在', en: 'This user name is taken' });
  }
  throw error;
}

export function createUserService({ db, users, units, jurisdictions, audit }: UserServiceDeps) {
  async function load(id: number): Promise<UserRow> {
    const row = await users.findById(db, id);
    if (!row) throw new AppError('USER_NOT_FOUND');
    return row;
  }

  /** A reporter belongs to a unit of their jurisdiction; other roles to none. */
  async function checkBinding(
    role: UserRow['role'],
    jurisdictionId: number,
    unitId: number | null,
  ): Promise<void> {
    if (!(await jurisdictions.findById(db, jurisdictionId))) throw new AppError('JURISDICTION_NOT_FOUND');
    if (role === 'reporter' && unitId === null) {
      throw new AppError('VALIDATION_FAILED', {
        zh: '填报员必须绑定责任单位',
        en: 'A reporter must be bound to a unit',
        details: [{ path: 'unitId', message: 'required for reporters' }],
      });
    }
    if (unitId !== null) {
      const unit = await units.findById(db, unitId);
      if (!unit) throw new AppError('UNIT_NOT_FOUND');
      if (unit.jurisdictionId !== jurisdictionId) {
        throw new AppError('VALIDATION_FAILED', {
          zh: '单位不属于该行政区',
          en: 'The unit does not belong to this jurisdiction',
          details: [{ path: 'unitId', message: 'unit of another jurisdiction' }],
        });
      }
    }
  }

  function checkPassword(password: string): void {
    if (!isStrongPassword(password)) throw new AppError('PASSWORD_TOO_WEAK');
  }

  return {
    async list(
      actor: RequestActor | null,
      query: { jurisdictionId?: number; role?: UserRow['role']; includeRetired?: boolean },
    ): Promise<UserRow[]> {
      requireAccess(actor, 'user.read', { jurisdictionId: query.jurisdictionId ?? null });
      const jurisdictionIds =
        query.jurisdictionId !== undefined
          ? [query.jurisdictionId]
          : readableJurisdictionIds(actor, 'user.read');
      return users.list(db, { ...query, jurisdictionIds });
    },

    async get(actor: RequestActor | null, id: number): Promise<UserRow> {
      requireAccess(actor, 'user.read');
      const row = await load(id);
      requireAccess(actor, 'user.read', { jurisdictionId: row.jurisdictionId });
      return row;
    },

    async create(actor: RequestActor | null, body: CreateUserBody): Promise<UserRow> {
      requireAccess(actor, 'user.write', { jurisdictionId: body.jurisdictionId });
      checkPassword(body.password);
      const unitId = body.role === 'reporter' ? (body.unitId ?? null) : null;
      await checkBinding(body.role, body.jurisdictionId, unitId);
      const passwordHash = await hashPassword(body.password);
      return db
        .transaction(async (tx) => {
          const row = await users.insert(tx, {
            username: body.username,
            displayName: body.displayName,
            passwordHash,
            role: body.role,
            jurisdictionId: body.jurisdictionId,
            unitId,
          });
          await audit.append(tx, {
            ...auditActor(actor),
            action: 'create',
            entity: 'user',
            entityId: row.id,
            jurisdictionId: row.jurisdictionId,
            after: auditable(row),
          });
          return row;
        })
        .catch(duplicateUsername);
    },

    async update(actor: RequestActor | null, id: number, body: UpdateUserBody): Promise<UserRow> {
      requireAccess(actor, 'user.write');
      const before = await load(id);
      requireAccess(actor, 'user.write', { jurisdictionId: before.jurisdictionId });
      const { version, password, ...rest } = body;
      const role = rest.role ?? before.role;
      const jurisdictionId = rest.jurisdictionId ?? before.jurisdictionId;
      if (jurisdictionId !== before.jurisdictionId) requireAccess(actor, 'user.write', { jurisdictionId });
      const unitId = role === 'reporter' ? (rest.unitId !== undefined ? rest.unitId : before.unitId) : null;
      await checkBinding(role, jurisdictionId, unitId);
      const changes: UserChanges = { ...rest, unitId };
      if (password !== undefined) {
        checkPassword(password);
        changes.passwordHash = await hashPassword(password);
        changes.passwordChangedAt = new Date();
      }
      return db.transaction(async (tx) => {
        const row = await users.update(tx, id, version, changes);
        await audit.append(tx, {
          ...auditActor(actor),
          action: password !== undefined ? 'update+password' : 'update',
          entity: 'user',
          entityId: id,
          jurisdictionId: row.jurisdictionId,
          before: auditable(before),
          after: auditable(row),
        });
        return row;
      });
    },

    async retire(actor: RequestActor | null, id: number, version: number): Promise<UserRow> {
      requireAccess(actor, 'user.write');
      const before = await load(id);
      requireAccess(actor, 'user.write', { jurisdictionId: before.jurisdictionId });
      if (actor.userId === id) {
        throw new AppError('VALIDATION_FAILED', {
          zh: '不能停用自己的账号',
          en: 'You cannot retire your own account',
        });
      }
      return db.transaction(async (tx) => {
        const row = await users.update(tx, id, version, { retiredAt: new Date() });
        await audit.append(tx, {
          ...auditActor(actor),
          action: 'retire',
          entity: 'user',
          entityId: id,
          jurisdictionId: row.jurisdictionId,
          before: auditable(before),
          after: auditable(row),
        });
        return row;
      });
    },
  };
}
export type UserService = ReturnType<typeof createUserService>;
